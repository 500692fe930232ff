using System.Globalization;

namespace CrossBorder.Policy.Generators.Tests;

public sealed class DeterminismTests
{
    [Theory]
    [InlineData("tr-TR")]
    [InlineData("fi-FI")]
    [InlineData("ar-SA")]
    public void Output_IsIdentical_TwiceAndUnderAnyCulture(string culture)
    {
        var invariant = RunUnder(CultureInfo.InvariantCulture);
        var again = RunUnder(CultureInfo.InvariantCulture);
        var other = RunUnder(CultureInfo.GetCultureInfo(culture));

        Assert.Equal(invariant, again);
        Assert.Equal(invariant, other);
    }

    [Fact]
    public void SourceOrder_DoesNotChangeTheOutput()
    {
        var forward = GeneratorHarness.Sources(GeneratorHarness.Run(GeneratorHarness.Compile("Contoso.Clinic", null, Samples.Models, Samples.Clients)).Result);
        var backward = GeneratorHarness.Sources(GeneratorHarness.Run(GeneratorHarness.Compile("Contoso.Clinic", null, Samples.Clients, Samples.Models)).Result);

        Assert.Equal(forward, backward);
    }

    private static IReadOnlyDictionary<string, string> RunUnder(CultureInfo culture)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;

            // The bad sample has negative numbers (fi-FI writes U+2212) and ids with capital I (tr-TR lowers it to ı).
            var compilation = GeneratorHarness.Compile("Contoso.Clinic", null, Samples.Models, Samples.Clients, RobustnessSamples.NegativeNumbers);
            var (_, result, _) = GeneratorHarness.Run(
                compilation,
                new Dictionary<string, string> { ["CrossBorderDirectoryAccessibility"] = "PUBLIC", ["CrossBorderGenerateDirectory"] = "TRUE" },
                new[] { new InMemoryAdditionalText("/app/crossborder.json", Samples.PolicyFile) });
            Assert.Empty(result.Diagnostics);
            return GeneratorHarness.Sources(result);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }
}

internal static class RobustnessSamples
{
    public const string NegativeNumbers = """
        using CrossBorder.Policy;
        namespace Contoso.Clinic;
        public sealed class Importer
        {
            [CrossBorderTransfer(Id = "IMPORT-I", Mechanism = TransferMechanism.Certification, EstimatedSubjectsPerYear = -1234567, IssuedOn = "2025-01-01", Jurisdiction = "IT")]
            public void Import() { }
        }
        """;
}
