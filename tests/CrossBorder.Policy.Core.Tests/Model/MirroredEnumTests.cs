extern alias PublicApi;

using CrossBorder.Policy.Core.Model;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Model;

public sealed class MirroredEnumTests
{
    public static TheoryData<Type, Type> Pairs => new()
    {
        { typeof(PublicApi::CrossBorder.Policy.SensitiveCategory), typeof(SensitiveCategory) },
        { typeof(PublicApi::CrossBorder.Policy.TransferMechanism), typeof(TransferMechanism) },
        { typeof(PublicApi::CrossBorder.Policy.ExemptionBasis), typeof(ExemptionBasis) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void CoreMirrorsThePublicEnumMemberForMember(Type publicEnum, Type coreEnum)
    {
        var expected = Enum.GetNames(publicEnum).Select(n => (n, Convert.ToInt32(Enum.Parse(publicEnum, n)))).ToArray();
        var actual = Enum.GetNames(coreEnum).Select(n => (n, Convert.ToInt32(Enum.Parse(coreEnum, n)))).ToArray();
        Assert.Equal(expected, actual);
    }
}
