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
    public void InvalidValues_AreMarkedInTheTypedApi_AndLeftOutOfTheManifest()
    {
        var compilation = GeneratorHarness.Compile("Bad", null, BadDeclarations);
        var (_, result, output) = GeneratorHarness.Run(compilation);
        GeneratorHarness.AssertCompilesCleanly(output);
        var typed = TypedDirectory(result);

        var badDates = Block(typed, "id: \"bad-dates\"");
        Assert.Contains("invalidFields: new string[] { \"issuedOn\", \"jurisdiction\", \"validUntil\" }", badDates, StringComparison.Ordinal);
        Assert.Contains("issuedOn: \"2025-02-30\"", badDates, StringComparison.Ordinal); // kept as written
        Assert.Contains("computedValidUntil: null", badDates, StringComparison.Ordinal); // nothing computed from an invalid date

        var badEnums = Block(typed, "id: \"bad-enums\"");
        Assert.Contains("mechanism: null", badEnums, StringComparison.Ordinal);
        Assert.Contains("exemption: null", badEnums, StringComparison.Ordinal);
        Assert.Contains("invalidFields: new string[] { \"estimatedSubjectsPerYear\", \"exemption\", \"jurisdiction\", \"mechanism\" }", badEnums, StringComparison.Ordinal);

        Assert.DoesNotContain("P:Bad.Data.Unknown", typed, StringComparison.Ordinal); // undefined category skipped
        Assert.DoesNotContain("P:Bad.Data.NoEvidence", typed, StringComparison.Ordinal); // no evidence, skipped
        Assert.Contains("invalidFields: new string[] { \"jurisdiction\" }", Block(typed, "target: \"assembly\""), StringComparison.Ordinal);

        // The manifest holds what it can represent, and Core's strict reader accepts it.
        var transfers = Core.Manifest.ManifestReader.ReadTransferManifest(Json(result, "TransfersJson"));
        var dates = transfers.Authorizations.Single(static a => a.Id == "bad-dates");
        Assert.Null(dates.IssuedOn);
        Assert.Null(dates.DeclaredValidUntil);
        Assert.DoesNotContain(transfers.Authorizations, static a => a.Id == "bad-enums"); // no mechanism: not an authorization
        Core.Manifest.ManifestReader.ReadDataDirectory(Json(result, "DataDirectoryJson"));
    }

    [Fact]
    public void DuplicateIds_AreMadeUnique()
    {
        var compilation = GeneratorHarness.Compile("Bad", null, BadDeclarations);
        var (_, result, _) = GeneratorHarness.Run(compilation);

        var ids = Core.Manifest.ManifestReader.ReadTransferManifest(Json(result, "TransfersJson")).Authorizations.Select(static a => a.Id).ToList();
        Assert.Contains("empty", ids);
        Assert.Contains("empty~2", ids);
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
    public void PolicyFileValues_ThatCoreRejects_AreDropped()
    {
        var policy = """{ "version": 1, "transfers": [ { "id": "t", "mechanism": "SecurityAssessment", "issuedOn": "2025-13-01", "jurisdiction": "QQ" } ] }""";
        var compilation = GeneratorHarness.Compile("App", null, Samples.Models);
        var (_, result, _) = GeneratorHarness.Run(compilation, null, new[] { new InMemoryAdditionalText("/app/crossborder.json", policy) });

        var typed = TypedDirectory(result);
        Assert.DoesNotContain("2025-13-01", typed, StringComparison.Ordinal);
        Core.Manifest.ManifestReader.ReadTransferManifest(Json(result, "TransfersJson"));
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

    [Fact]
    public void MarkedPolicyFile_IsUsedWhateverItsName_AndWinsOverCrossborderJson()
    {
        var compilation = GeneratorHarness.Compile("App", null, Samples.Models);
        var other = """{ "version": 1, "transfers": [ { "id": "from-stray-file", "mechanism": "StandardContract" } ] }""";
        var driver = GeneratorHarness.CreateDriver(
            null,
            new[]
            {
                new InMemoryAdditionalText("/app/policy/transfers.json", Samples.PolicyFile),
                new InMemoryAdditionalText("/app/crossborder.json", other),
                new InMemoryAdditionalText("/app/unrelated.json", other),
            },
            new Dictionary<string, string> { ["/app/policy/transfers.json"] = "PolicyFile" });

        var (_, result, _) = GeneratorHarness.Run(driver, compilation);

        var ids = Core.Manifest.ManifestReader.ReadTransferManifest(Json(result, "TransfersJson")).Authorizations.Select(static a => a.Id).ToList();
        Assert.Equal(new[] { "hk-partner" }, ids);
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

    private static string TypedDirectory(GeneratorRunResult result) =>
        result.GeneratedSources.Single(static s => s.HintName.EndsWith(".CrossBorderDirectory.g.cs", StringComparison.Ordinal)).SourceText.ToString();

    private static string Block(string text, string start)
    {
        var i = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(i >= 0, "not found: " + start);
        return text[i..text.IndexOf("\n            ),", i, StringComparison.Ordinal)];
    }
}
