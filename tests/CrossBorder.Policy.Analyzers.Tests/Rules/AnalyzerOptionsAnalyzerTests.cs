using Microsoft.CodeAnalysis.Testing;
using VerifyCS = CrossBorder.Policy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CrossBorder.Policy.Analyzers.Rules.AnalyzerOptionsAnalyzer>;

namespace CrossBorder.Policy.Analyzers.Tests.Rules;

/// <summary>CBDT9201: invalid values of the analyzers' <c>.editorconfig</c> options are reported, once per key and value.</summary>
public sealed class AnalyzerOptionsAnalyzerTests
{
    private const string Source = """
        using CrossBorder.Policy;

        public class Patient
        {
            [PersonalInformation] public string Name { get; set; } = "";
        }
        """;

    private const string Other = "public class Other { }";

    private static Task VerifyAsync(string editorConfig, bool includePolicy, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test(includePolicy);
        test.TestState.Sources.Add(("/src/Patient.cs", includePolicy ? Source : "public class Patient { }"));
        test.TestState.Sources.Add(("/src/Other.cs", Other));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n" + editorConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    private static DiagnosticResult Invalid(string key, string value, string expected, string fallback) =>
        new DiagnosticResult(DiagnosticDescriptors.InvalidAnalyzerOption).WithArguments(key, value, expected, fallback);

    [Fact]
    public Task MisspeltEntryPointModeIsReportedOnceForAllFiles() => VerifyAsync(
        "[*.cs]\ncrossborder.entry_points = publik\n",
        includePolicy: true,
        Invalid("crossborder.entry_points", "publik", "uncalled, public or none", "uncalled"));

    [Fact]
    public Task WarningDaysThatIsNotAWholeNumberIsReported() => VerifyAsync(
        "[*.cs]\nCBDT3009.warning_days = 90 days\n",
        includePolicy: true,
        Invalid("CBDT3009.warning_days", "90 days", "a whole number of days from 0 to 3650", "the policy file's defaults.expiryWarningDays, else 90"));

    [Theory]
    [InlineData("-5")]
    [InlineData("3651")]
    [InlineData("1e3")]
    public Task WarningDaysOutOfRangeIsReported(string value) => VerifyAsync(
        $"[*.cs]\nCBDT3009.warning_days = {value}\n",
        includePolicy: true,
        Invalid("CBDT3009.warning_days", value, "a whole number of days from 0 to 3650", "the policy file's defaults.expiryWarningDays, else 90"));

    [Fact]
    public Task DifferentBadValuesInDifferentSectionsAreEachReported() => VerifyAsync(
        "[Patient.cs]\ncrossborder.entry_points = all\n\n[Other.cs]\ncrossborder.entry_points = some\n",
        includePolicy: true,
        Invalid("crossborder.entry_points", "all", "uncalled, public or none", "uncalled"),
        Invalid("crossborder.entry_points", "some", "uncalled, public or none", "uncalled"));

    [Theory]
    [InlineData("crossborder.entry_points = Public")]
    [InlineData("crossborder.entry_points = none")]
    [InlineData("crossborder.entry_points = UNCALLED")]
    [InlineData("CBDT3009.warning_days = 0")]
    [InlineData("CBDT3009.warning_days = 3650")]
    public Task ValidValuesAreQuiet(string line) => VerifyAsync("[*.cs]\n" + line + "\n", includePolicy: true);

    [Fact]
    public Task NothingIsReportedWithoutCrossBorderPolicy() => VerifyAsync(
        "[*.cs]\ncrossborder.entry_points = publik\n",
        includePolicy: false);
}
