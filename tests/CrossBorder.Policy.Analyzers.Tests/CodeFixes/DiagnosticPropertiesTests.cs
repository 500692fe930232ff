using CrossBorder.Policy.Analyzers.Rules;

namespace CrossBorder.Policy.Analyzers.Tests.CodeFixes;

/// <summary>What CBDT2002 puts into <c>Diagnostic.Properties</c> for its fix (CBDT1001's properties are checked through the skeleton the fix writes).</summary>
public sealed class DiagnosticPropertiesTests
{
    [Theory]
    [InlineData("Diagnosis", "MedicalHealth")]
    [InlineData("IdCardNumber", "SpecificIdentity")]
    [InlineData("shenfenzhenghao", "SpecificIdentity")]
    [InlineData("BankAccount", "FinancialAccount")]
    public void SensitiveNamesCarryTheirCategory(string name, string category)
    {
        var what = PersonalInformationNames.Match(name);
        Assert.NotNull(what);
        var properties = PersonalInformationNames.FixProperties(what!);
        Assert.NotNull(properties);
        Assert.Equal(category, properties![DiagnosticPropertyKeys.SensitiveCategory]);
    }

    [Theory]
    [InlineData("Email")]
    [InlineData("xingming")]
    public void OtherNamesCarryNothing(string name)
    {
        var what = PersonalInformationNames.Match(name);
        Assert.NotNull(what);
        Assert.Null(PersonalInformationNames.FixProperties(what!));
    }

    [Fact]
    public void EveryTableCategoryIsASensitiveCategory()
    {
        foreach (var entry in PersonalInformationNames.Table)
        {
            if (PersonalInformationNames.FixProperties(entry.Value) is { } properties)
            {
                Assert.True(Enum.TryParse<SensitiveCategory>(properties[DiagnosticPropertyKeys.SensitiveCategory], out _), entry.Value);
            }
        }
    }
}
