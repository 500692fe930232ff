using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.Regulation;

namespace CrossBorder.Policy.Core.Tests.Regulation;

internal static class TestFacts
{
    /// <summary>A date under the 2024 Provisions and the 2026 Certification Measures.</summary>
    public static readonly IsoDate Now = new(2026, 6, 1);

    public static TransferFacts Pi(long? nonSensitive, IsoDate? asOf = null) => new()
    {
        AsOf = asOf ?? Now,
        DataClasses = [DataClass.PersonalInformation],
        NonSensitiveSubjects = nonSensitive,
        SensitiveSubjects = 0,
    };

    public static TransferFacts Sensitive(long? nonSensitive, long? sensitive, IsoDate? asOf = null) => new()
    {
        AsOf = asOf ?? Now,
        DataClasses = [DataClass.PersonalInformation, DataClass.SensitivePersonalInformation],
        SensitiveCategories = [SensitiveCategory.MedicalHealth],
        NonSensitiveSubjects = nonSensitive,
        SensitiveSubjects = sensitive,
    };

    public static TransferFacts Important(IsoDate? asOf = null) => new()
    {
        AsOf = asOf ?? Now,
        DataClasses = [DataClass.ImportantData, DataClass.PersonalInformation],
        NonSensitiveSubjects = 10,
        SensitiveSubjects = 0,
    };

    public static TransferFacts WithCiio(this TransferFacts facts) =>
        facts with { Processor = facts.Processor with { IsCriticalInformationInfrastructureOperator = true } };

    public static TransferFacts InZone(this TransferFacts facts, NegativeListMembership membership, string zone = "Shanghai") =>
        facts with { Processor = facts.Processor with { FreeTradeZone = zone, NegativeList = membership } };

    public static string[] Refs(IReadOnlyList<Citation> citations) => citations.Select(c => c.Reference).ToArray();
}
