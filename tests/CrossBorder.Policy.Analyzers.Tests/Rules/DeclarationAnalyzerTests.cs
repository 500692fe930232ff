using CrossBorder.Policy.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CrossBorder.Policy.Analyzers.Tests.Rules;

/// <summary>CBDT3001-CBDT3010: declaration validation at the attribute argument, as of 2026-03-01.</summary>
public sealed class DeclarationAnalyzerTests
{
    private const string Usings = """
        global using System;
        global using System.Threading.Tasks;
        global using CrossBorder.Policy;
        """;

    private static Task VerifyAsync(string source, string? editorConfig = null, string? policy = null)
    {
        var test = new Verifiers.CSharpAnalyzerVerifier<DeclarationAnalyzer>.Test();
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(Usings);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.CrossBorderAsOfDate = 2026-03-01\n"));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "root = true\n[*.cs]\n" + editorConfig + "\n"));
        }

        if (policy is not null)
        {
            test.TestState.AdditionalFiles.Add(("/0/crossborder.json", policy));
        }

        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public Task ValidDeclarationsReportNothing() => VerifyAsync("""
        [assembly: ForeignEndpoint("SG", Host = "*.partner.sg")]
        [assembly: DomesticEndpoint(Host = "api.example.cn")]
        [assembly: DataProcessor(Name = "Contoso")]

        class C
        {
            [ImportantData("BIO-001", NotifiedOn = "2025-05-01")]
            public string Sample { get; set; } = "";

            [CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-1", IssuedOn = "2025-06-01", ValidUntil = "2028-05-31", Jurisdiction = "SG", Endpoint = "*.partner.sg", Categories = new[] { "PersonalInformation", "SensitivePersonalInformation:MedicalHealth", "ImportantData:BIO-001" })]
            void A() { }

            [CrossBorderTransfer(Mechanism = TransferMechanism.Exemption, Exemption = ExemptionBasis.ContractPerformance)]
            void B() { }

            [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "SC-7", Categories = ["CoreData"])]
            void D() { }
        }
        """);

    [Fact]
    public Task MalformedDates() => VerifyAsync("""
        class C
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-1", IssuedOn = {|CBDT3001:"01/06/2025"|}, ValidUntil = {|CBDT3001:"2026-02-30"|})]
            void A() { }

            [ImportantData("BIO-001", NotifiedOn = {|CBDT3001:"2025-5-1"|})]
            public string Sample { get; set; } = "";
        }
        """);

    [Fact]
    public Task InvertedDatesAndValidityBeyondTheLaw() => VerifyAsync("""
        class C
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-1", IssuedOn = "2025-06-01", ValidUntil = {|CBDT3002:"2025-01-01"|})]
            void A() { }

            [CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-2", IssuedOn = "2025-06-01", ValidUntil = {|CBDT3003:"2030-06-01"|})]
            void B() { }
        }
        """);

    [Fact]
    public Task MissingReferenceAndExemptionNeedsNone() => VerifyAsync("""
        class C
        {
            [{|CBDT3004:CrossBorderTransfer|}(Mechanism = TransferMechanism.StandardContract)]
            void A() { }

            [CrossBorderTransfer(Mechanism = TransferMechanism.Certification, Reference = {|CBDT3004:"  "|})]
            void B() { }

            [CrossBorderTransfer(Mechanism = TransferMechanism.Exemption, Exemption = ExemptionBasis.HumanResources)]
            void D() { }
        }
        """);

    [Fact]
    public Task ReferenceFormatFromThePolicyFile() => VerifyAsync(
        """
        class C
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = {|CBDT3005:"SA-1"|})]
            void A() { }

            [CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "CAC-SA-2024-0917")]
            void B() { }
        }
        """,
        policy: """{ "version": 1, "referenceFormats": { "SecurityAssessment": "^CAC-SA-[0-9]{4}-[0-9]{4}$" } }""");

    [Fact]
    public Task UnknownJurisdictionsWithHints() => VerifyAsync("""
        [assembly: ForeignEndpoint({|CBDT3006:"UK"|})]
        [assembly: ForeignEndpoint({|CBDT3006:"sg"|}, Host = "*.partner.sg")]

        class C
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "SC-1", Jurisdiction = {|CBDT3006:"EU"|})]
            void A() { }
        }
        """);

    [Fact]
    public async Task JurisdictionMessageCarriesCoreHint()
    {
        var source = "[assembly: ForeignEndpoint(\"UK\")]";
        var compilation = AnalyzerRunner.Compile(source, CrossBorderFlowAnalyzerTests.Model);
        var diagnostics = await PolicyRunner.RunAsync(compilation, Array.Empty<(string, string?, bool)>(), analyzers: [new DeclarationAnalyzer()]);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CBDT3006", diagnostic.Id);
        Assert.Contains("'GB'", PolicyRunner.Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public Task InvalidHostPatterns() => VerifyAsync("""
        [assembly: DomesticEndpoint(Host = {|CBDT3007:"https://api.example.cn/v1"|})]
        [assembly: ForeignEndpoint("SG", Host = {|CBDT3007:"api..partner.sg"|})]

        class C
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "SC-1", Endpoint = {|CBDT3007:"*"|})]
            void A() { }
        }
        """);

    [Fact]
    public Task ExemptionBasisAndMechanismContradict() => VerifyAsync("""
        class C
        {
            [CrossBorderTransfer(Mechanism = {|CBDT3008:TransferMechanism.Exemption|})]
            void A() { }

            [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "SC-1", Exemption = {|CBDT3008:ExemptionBasis.Emergency|})]
            void B() { }
        }
        """);

    [Fact]
    public Task FreeTradeZoneBasisNeedsTheProcessorsZone() => VerifyAsync("""
        class C
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.Exemption, Exemption = {|CBDT3008:ExemptionBasis.FreeTradeZoneNegativeList|})]
            void A() { }
        }
        """);

    [Fact]
    public Task FreeTradeZoneBasisWithTheZoneDeclared() => VerifyAsync("""
        [assembly: DataProcessor(FreeTradeZone = "CN-SH-FTZ")]
        class C
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.Exemption, Exemption = ExemptionBasis.FreeTradeZoneNegativeList)]
            void A() { }
        }
        """);

    [Fact]
    public Task ExpiryWithinTheDefaultWindow() => VerifyAsync("""
        class C
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-1", IssuedOn = "2024-06-01", ValidUntil = {|CBDT3009:"2026-04-30"|})]
            void A() { }

            [CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-2", IssuedOn = "2025-06-01", ValidUntil = "2026-09-30")]
            void B() { }
        }
        """);

    [Fact]
    public Task ExpiryWindowFromEditorConfig() => VerifyAsync(
        """
        class C
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-1", IssuedOn = "2024-06-01", ValidUntil = "2026-04-30")]
            void A() { }

            [CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-2", IssuedOn = "2024-06-01", ValidUntil = {|CBDT3009:"2026-03-10"|})]
            void B() { }
        }
        """,
        editorConfig: "CBDT3009.warning_days = 30");

    [Fact]
    public Task MalformedCategories() => VerifyAsync("""
        class C
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "SC-1", Categories = new[] { "PersonalInformation", {|CBDT3010:"PII"|}, {|CBDT3010:"SensitivePersonalInformation:Health"|} })]
            void A() { }

            [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "SC-2", Categories = [{|CBDT3010:"Personal"|}])]
            void B() { }
        }
        """);

    public static TheoryData<string> Truncations()
    {
        const string full = """
            [assembly: ForeignEndpoint("UK", Host = "*.partner.sg")]
            class C
            {
                [CrossBorderTransfer(Mechanism = TransferMechanism.Exemption, Reference = "SA-1", IssuedOn = "2025-06-01", ValidUntil = "2024-01-01", Jurisdiction = "EU", Endpoint = "*", Exemption = ExemptionBasis.Emergency, Categories = new[] { "PII" })]
                void A() { }
                [ImportantData("BIO", NotifiedOn = "x")] string S = "";
            }
            """;
        var data = new TheoryData<string>();
        for (var length = 0; length <= full.Length; length += 7)
        {
            data.Add(full.Substring(0, length));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Truncations))]
    public async Task TruncatedSourcesNeverThrow(string source)
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, path: "Truncated.cs", cancellationToken: TestContext.Current.CancellationToken);
        var model = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(CrossBorderFlowAnalyzerTests.Model, path: "Model.cs", cancellationToken: TestContext.Current.CancellationToken);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("T", [tree, model], TestReferences.All, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        await PolicyRunner.RunAsync(compilation, Array.Empty<(string, string?, bool)>());
    }
}
