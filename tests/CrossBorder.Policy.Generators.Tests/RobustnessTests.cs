using System.Globalization;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Generators.Tests;

/// <summary>Bad input never fails the generator (no CS8785): it skips or marks invalid values; the analyzers report them.</summary>
public sealed class RobustnessTests
{
    private const string BadDeclarations = """
        using CrossBorder.Policy;

        [assembly: ForeignEndpoint("ZZ", Host = "api.nowhere.zz")]

        namespace Bad;

        public sealed class Sender
        {
            [CrossBorderTransfer(Id = "bad-dates", Mechanism = TransferMechanism.SecurityAssessment, IssuedOn = "2025-02-30", ValidUntil = "03/01/2028", Jurisdiction = "XX")]
            public void A() { }

            [CrossBorderTransfer(Id = "bad-enums", Mechanism = (TransferMechanism)42, Exemption = (ExemptionBasis)99, EstimatedSubjectsPerYear = -5, Jurisdiction = "sg")]
            public void B() { }

            [CrossBorderTransfer(Id = "empty")]
            public void C() { }

            [CrossBorderTransfer(Id = "empty", Reference = "R-2")]
            public void D() { }
        }

        public sealed class Data
        {
            [SensitivePersonalInformation((SensitiveCategory)77)]
            public string? Unknown { get; set; }

            [ImportantData(null!)]
            public string? NoEvidence { get; set; }

            [DataOrigin("")]
            [PersonalInformation(Category = "")]
            public string? Empty { get; set; }
        }
        """;

    // Attribute arguments that do not compile: the generator must still run.
    private const string BrokenDeclarations = """
        using CrossBorder.Policy;

        namespace Broken;

        public sealed class Sender
        {
            [CrossBorderTransfer(IssuedOn = 5, Mechanism = "none", Categories = Missing.Values)]
            public void A() { }

            [ImportantData]
            public string? NoArgument { get; set; }

            [SensitivePersonalInformation(Category = SensitiveCategory.Biometric)]
            [UnknownAttribute]
            public string? Misused { get; set; }

            [ForeignEndpoint(42)]
            public string? Host { get; set; }
        }
        """;

    public static TheoryData<string> BadPolicyFiles => new()
    {
        "{ not json",
        "[1, 2, 3]",
        """{ "transfers": 5, "endpoints": "x", "processor": [] }""",
        """{ "transfers": [ 1, "x", { "mechanism": 7, "issuedOn": "2025-13-01", "jurisdiction": "QQ", "categories": [1, null], "estimatedSubjectsPerYear": 1e400 } ] }""",
        """{ "transfers": [ { "mechanism": "telepathy", "endpoints": [null, "a.b"] } ], "endpoints": [ { "jurisdiction": "SG" }, { "host": "x.zz", "jurisdiction": "ZZ" } ] }""",
        "",
    };

    [Fact]
    public void InvalidValues_AreMarked_NotFatal()
    {
        var compilation = GeneratorHarness.Compile("Bad", null, BadDeclarations);
        var (_, result, output) = GeneratorHarness.Run(compilation);
        GeneratorHarness.AssertCompilesCleanly(output);
        var json = Json(result, "TransfersJson");

        var badDates = TransferJson(json, "bad-dates");
        Assert.Contains("\"invalid\": [\n        \"issuedOn\",\n        \"jurisdiction\",\n        \"validUntil\"\n      ]", badDates, StringComparison.Ordinal);
        Assert.Contains("\"issuedOn\": \"2025-02-30\"", badDates, StringComparison.Ordinal); // kept as written

        var badEnums = TransferJson(json, "bad-enums");
        Assert.Contains("\"mechanism\": null", badEnums, StringComparison.Ordinal);
        Assert.Contains("\"exemption\": null", badEnums, StringComparison.Ordinal);
        Assert.Contains("\"estimatedSubjectsPerYear\"", badEnums, StringComparison.Ordinal);
        Assert.Contains("\"jurisdiction\",", badEnums, StringComparison.Ordinal); // "sg" is not an assigned upper-case code

        var directory = Json(result, "DataDirectoryJson");
        Assert.DoesNotContain("P:Bad.Data.Unknown", directory, StringComparison.Ordinal); // undefined category skipped
        Assert.DoesNotContain("P:Bad.Data.NoEvidence", directory, StringComparison.Ordinal); // no evidence, skipped
        Assert.Contains("\"target\": \"assembly\"", directory, StringComparison.Ordinal);
        Assert.Contains("\"invalid\": [\n        \"jurisdiction\"\n      ]", directory, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateDeclaredIds_AreKept()
    {
        var compilation = GeneratorHarness.Compile("Bad", null, BadDeclarations);
        var (_, result, _) = GeneratorHarness.Run(compilation);

        var json = Json(result, "TransfersJson");
        Assert.Equal(2, CountOf(json, "\"id\": \"empty\""));
    }

    [Fact]
    public void AttributeArgumentsThatDoNotCompile_DoNotFailTheGenerator()
    {
        var compilation = GeneratorHarness.Compile("Broken", null, BrokenDeclarations);
        Assert.NotEmpty(compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(static d => d.Severity == DiagnosticSeverity.Error));

        var (_, result, output) = GeneratorHarness.Run(compilation);

        Assert.NotEmpty(result.GeneratedSources);
        var generatedErrors = output.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(static d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
        Assert.Empty(generatedErrors);
    }

    [Theory]
    [MemberData(nameof(BadPolicyFiles))]
    public void BadPolicyFile_IsSkippedOrMarked(string policy)
    {
        var compilation = GeneratorHarness.Compile("App", null, Samples.Models);
        var (_, result, output) = GeneratorHarness.Run(compilation, null, new[] { new InMemoryAdditionalText("/app/crossborder.json", policy) });

        GeneratorHarness.AssertCompilesCleanly(output);
        Assert.Contains("App.CrossBorderDirectory.g.cs", result.GeneratedSources.Select(static s => s.HintName));
    }

    [Fact]
    public void PolicyFileValues_OfTheWrongKind_AreMarked()
    {
        var policy = """{ "transfers": [ { "id": "t", "mechanism": "telepathy", "issuedOn": "2025-13-01", "jurisdiction": "QQ" } ] }""";
        var compilation = GeneratorHarness.Compile("App", null, Samples.Models);
        var (_, result, _) = GeneratorHarness.Run(compilation, null, new[] { new InMemoryAdditionalText("/app/crossborder.json", policy) });

        var transfer = TransferJson(Json(result, "TransfersJson"), "t");
        Assert.Contains("\"invalid\": [\n        \"issuedOn\",\n        \"jurisdiction\",\n        \"mechanism\"\n      ]", transfer, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoPolicyFiles_AreBothIgnored()
    {
        var compilation = GeneratorHarness.Compile("App", null, Samples.Models);
        var (_, result, _) = GeneratorHarness.Run(compilation, null, new[]
        {
            new InMemoryAdditionalText("/a/crossborder.json", Samples.PolicyFile),
            new InMemoryAdditionalText("/b/CrossBorder.json", Samples.PolicyFile),
        });

        Assert.DoesNotContain("hk-partner", Json(result, "TransfersJson"), StringComparison.Ordinal);
    }

    /// <summary>The JSON constant as the compiled program sees it (verbatim literal undone).</summary>
    internal static string Json(GeneratorRunResult result, string constant)
    {
        var source = result.GeneratedSources.Single(static s => s.HintName.EndsWith(".CrossBorderDirectory.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        var start = source.IndexOf("public const string " + constant + " = @\"", StringComparison.Ordinal);
        Assert.True(start >= 0);
        start = source.IndexOf("@\"", start, StringComparison.Ordinal) + 2;
        var end = source.IndexOf("\n\";", start, StringComparison.Ordinal) + 1;
        return source[start..end].Replace("\"\"", "\"", StringComparison.Ordinal);
    }

    private static string TransferJson(string json, string id)
    {
        var start = json.IndexOf("\"id\": \"" + id + "\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "transfer " + id + " not found");
        var end = json.IndexOf("\n    }", start, StringComparison.Ordinal);
        return json[start..end];
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
