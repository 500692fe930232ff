using CrossBorder.Policy.Analyzers.Rules;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Tests.Rules;

/// <summary>CBDT2001-CBDT2003.</summary>
public sealed class ClassificationAnalyzerTests
{
    private const string Usings = """
        global using System;
        global using CrossBorder.Policy;
        """;

    private static Task VerifyAsync(string source, string? policy = null)
    {
        var test = new Verifiers.CSharpAnalyzerVerifier<ClassificationAnalyzer>.Test();
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(Usings);
        if (policy is not null)
        {
            test.TestState.AdditionalFiles.Add(("/0/crossborder.json", policy));
        }

        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public Task ImportantDataWithEmptyEntry() => VerifyAsync("""
        class Sample
        {
            [ImportantData({|CBDT2001:""|})] public string A { get; set; } = "";
            [ImportantData({|CBDT2001:"  "|}, Catalog = "JS")] public string B { get; set; } = "";
            [ImportantData("BIO-001")] public string C { get; set; } = "";
        }
        """);

    [Fact]
    public Task ImportantDataEntryMustBeInTheDeclaredCatalogues() => VerifyAsync(
        """
        class Sample
        {
            [ImportantData("BIO-001")] public string A { get; set; } = "";
            [ImportantData({|CBDT2001:"BIO-999"|})] public string B { get; set; } = "";
        }

        [ImportantData({|CBDT2001:"GEO-1"|})]
        class Map { }
        """,
        policy: """{ "version": 1, "catalogs": [ { "id": "JS-FTZ-Biomedicine", "entries": [ { "id": "BIO-001", "name": "Genome sequences" } ] } ] }""");

    [Fact]
    public Task WithoutCataloguesAnyEntryIsEvidence() => VerifyAsync("""
        class Sample
        {
            [ImportantData("BIO-999")] public string B { get; set; } = "";
        }
        """);

    [Fact]
    public Task NamesThatLookLikePersonalInformation() => VerifyAsync("""
        class Customer
        {
            public string {|CBDT2002:IdCardNumber|} { get; set; } = "";
            public string {|CBDT2002:PhoneNumber|} { get; set; } = "";
            public string {|CBDT2002:Email|} { get; set; } = "";
            public string {|CBDT2002:ContactEmail|} = "";
            public string {|CBDT2002:ShenFenZheng|} { get; set; } = "";
            public string {|CBDT2002:shoujihao|} = "";
            public string {|CBDT2002:XingMing|} { get; set; } = "";
            public bool EmailVerified { get; set; }
            public bool HasPhone { get; set; }
            public int OrderCount { get; set; }
            [PersonalInformation] public string MobilePhone { get; set; } = "";
            [GeneralData] public string SupportEmail { get; set; } = "";
        }

        [PersonalInformation]
        class ClassifiedType
        {
            public string Email { get; set; } = "";
        }
        """);

    [Fact]
    public async Task SuggestionIsInfoAndNamesWhatItLooksLike()
    {
        var compilation = AnalyzerRunner.Compile("public class K { public string ShenFenZhengHao { get; set; } = \"\"; }", "global using CrossBorder.Policy;");
        var diagnostic = Assert.Single(await PolicyRunner.RunAsync(compilation, Array.Empty<(string, string?, bool)>(), analyzers: [new ClassificationAnalyzer()]));
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Contains("身份证号", PolicyRunner.Message(diagnostic), StringComparison.Ordinal);
        Assert.Contains("SpecificIdentity", PolicyRunner.Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public Task ContradictoryClassifications() => VerifyAsync("""
        class Record
        {
            [PersonalInformation, {|CBDT2003:Anonymized|}] public string A { get; set; } = "";
            [{|CBDT2003:GeneralData|}, ImportantData("BIO-001")] public string B { get; set; } = "";
            [SensitivePersonalInformation(SensitiveCategory.MedicalHealth)] [{|CBDT2003:Anonymized|}] public string C = "";
            [Anonymized] public string D { get; set; } = "";
            [GeneralData] public string E { get; set; } = "";
        }

        [{|CBDT2003:GeneralData|}]
        [CoreData]
        class Grid { }
        """);

    public static TheoryData<string> Truncations()
    {
        const string full = """
            [GeneralData, CoreData] class G { [ImportantData("", Catalog = "X")] public string IdCardNumber { get; set; } = ""; [Anonymized, PersonalInformation] string shoujihao = ""; }
            """;
        var data = new TheoryData<string>();
        for (var length = 0; length <= full.Length; length += 5)
        {
            data.Add(full.Substring(0, length));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Truncations))]
    public async Task TruncatedSourcesNeverThrow(string source)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var trees = new[]
        {
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, path: "Truncated.cs", cancellationToken: cancellationToken),
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Usings, path: "Usings.cs", cancellationToken: cancellationToken),
        };
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("T", trees, TestReferences.All, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        await PolicyRunner.RunAsync(compilation, new[] { ("/repo/crossborder.json", (string?)"""{ "version": 1, "catalogs": [ { "id": "C", "entries": [ { "id": "E" } ] } ] }""", true) });
    }
}
