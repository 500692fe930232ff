using Microsoft.CodeAnalysis;
using VerifyCS = CrossBorder.Policy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CrossBorder.Policy.Analyzers.Rules.CrossBorderFlowAnalyzer>;

namespace CrossBorder.Policy.Analyzers.Tests.Rules;

/// <summary>
/// One call that sends data of several classes, each part covered by a different authorization, gives one CBDT1006
/// record per covered part (its own <c>Categories</c> and <c>AuthorizationId</c>), never one record overwriting the
/// other; a part that nothing covers is CBDT1001 for that part alone.
/// </summary>
public sealed class AuthorizedFlowRecordTests
{
    private const string Contract = """[CrossBorderTransfer(Id = "scc-pi", Mechanism = TransferMechanism.StandardContract, Reference = "SC-1", IssuedOn = "2025-06-01", EstimatedSubjectsPerYear = 50_000, Endpoint = "api.foreign.com", Categories = new[] { "PersonalInformation" })]""";

    private const string Assessment = """[CrossBorderTransfer(Id = "sa-bio", Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-1", IssuedOn = "2025-06-01", Endpoint = "api.foreign.com", Categories = new[] { "ImportantData" })]""";

    private const string Approval = """[CrossBorderTransfer(Id = "approval-grid", Mechanism = TransferMechanism.AuthorityApproval, Reference = "AP-1", IssuedOn = "2025-06-01", Endpoint = "api.foreign.com", Categories = new[] { "CoreData" })]""";

    private static string Source(string authorizations, string payload, string marked) => $$"""
        class C
        {
            {{authorizations}}
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                var sample = new GenomeSample();
                var grid = new GridTopology();
                await {{marked.Replace("CALL", "http.PostAsJsonAsync(\"https://api.foreign.com/v1/upload\", " + payload + ")", StringComparison.Ordinal)}};
            }
        }
        """;

    private static Task VerifyAsync(string source) => VerifyCS.VerifyAnalyzerAsync(source, CrossBorderFlowAnalyzerTests.Model);

    private static async Task<IReadOnlyList<Diagnostic>> RunAsync(string source)
    {
        var diagnostics = await PolicyRunner.RunAsync(source, policy: null);
        return diagnostics.OrderBy(d => d.Properties[DiagnosticPropertyKeys.Categories], StringComparer.Ordinal).ToList();
    }

    // ------------------------------------------------------------------ two classes, two authorizations

    [Fact]
    public Task TwoClassesEachCoveredByItsOwnAuthorization_TwoRecords() =>
        VerifyAsync(Source(Contract + "\n    " + Assessment, "new { p.Email, Sample = sample }", "{|CBDT1006:{|CBDT1006:CALL|}|}"));

    [Fact]
    public async Task TwoClassesEachCoveredByItsOwnAuthorization_EachRecordNamesItsPartAndAuthorization()
    {
        var diagnostics = await RunAsync(Source(Contract + "\n    " + Assessment, "new { p.Email, Sample = sample }", "CALL"));
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("CBDT1006", d.Id));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticPropertyKeys.StatusAuthorized, d.Properties[DiagnosticPropertyKeys.Status]));
        Assert.All(diagnostics, d => Assert.Equal(diagnostics[0].Location, d.Location));

        Assert.Equal("ImportantData:BIO-001", diagnostics[0].Properties[DiagnosticPropertyKeys.Categories]);
        Assert.Equal("sa-bio", diagnostics[0].Properties[DiagnosticPropertyKeys.AuthorizationId]);
        Assert.Equal("SecurityAssessment", diagnostics[0].Properties[DiagnosticPropertyKeys.Mechanism]);
        Assert.Equal("SA-1", diagnostics[0].Properties[DiagnosticPropertyKeys.AuthorizationReference]);

        Assert.Equal("PersonalInformation", diagnostics[1].Properties[DiagnosticPropertyKeys.Categories]);
        Assert.Equal("scc-pi", diagnostics[1].Properties[DiagnosticPropertyKeys.AuthorizationId]);
        Assert.Equal("StandardContract", diagnostics[1].Properties[DiagnosticPropertyKeys.Mechanism]);
        Assert.StartsWith("Personal information from ", PolicyRunner.Message(diagnostics[1]), StringComparison.Ordinal);
        Assert.StartsWith("Important data (BIO-001) from ", PolicyRunner.Message(diagnostics[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneAuthorizationCoveringBothClasses_OneRecord()
    {
        var both = Contract.Replace("new[] { \"PersonalInformation\" }", "new[] { \"PersonalInformation\", \"ImportantData\" }", StringComparison.Ordinal)
            .Replace("StandardContract", "SecurityAssessment", StringComparison.Ordinal);
        var diagnostic = PolicyRunner.Authorized(await PolicyRunner.RunAsync(Source(both + "\n    " + Assessment, "new { p.Email, Sample = sample }", "CALL"), policy: null), "scc-pi");
        Assert.Equal("ImportantData:BIO-001\nPersonalInformation", diagnostic.Properties[DiagnosticPropertyKeys.Categories]);
    }

    [Fact]
    public Task OneClassCoveredTheOtherNot_RecordAndFinding() =>
        VerifyAsync(Source(Contract, "new { p.Email, Sample = sample }", "{|CBDT1001:{|CBDT1006:CALL|}|}"));

    [Fact]
    public async Task OneClassCoveredTheOtherNot_TheFindingNamesOnlyTheUncoveredPart()
    {
        var diagnostics = await RunAsync(Source(Contract, "new { p.Email, Sample = sample }", "CALL"));
        Assert.Equal(2, diagnostics.Count);
        Assert.Equal("CBDT1001", diagnostics[0].Id);
        Assert.Equal("ImportantData:BIO-001", diagnostics[0].Properties[DiagnosticPropertyKeys.Categories]);
        Assert.False(diagnostics[0].Properties.ContainsKey(DiagnosticPropertyKeys.AuthorizationId));
        Assert.Equal("CBDT1006", diagnostics[1].Id);
        Assert.Equal("PersonalInformation", diagnostics[1].Properties[DiagnosticPropertyKeys.Categories]);
        Assert.Equal("scc-pi", diagnostics[1].Properties[DiagnosticPropertyKeys.AuthorizationId]);
    }

    [Fact]
    public Task NeitherClassCovered_OneFinding() =>
        VerifyAsync(Source(string.Empty, "new { p.Email, Sample = sample }", "{|CBDT1001:CALL|}"));

    [Fact]
    public Task OnePartInadequate_InadequateFindingAndRecord() =>
        // The contract also lists important data, for which it is not adequate (CBDT1003); personal information stays covered by it.
        VerifyAsync(Source(
            Contract.Replace("new[] { \"PersonalInformation\" }", "new[] { \"PersonalInformation\", \"ImportantData\" }", StringComparison.Ordinal),
            "new { p.Email, Sample = sample }",
            "{|CBDT1003:CALL|}"));

    // ------------------------------------------------------------------ core data and other classified data

    [Fact]
    public Task CoreDataUnderApprovalAndPersonalInformationUnderContract_TwoRecords() =>
        VerifyAsync(Source(Contract + "\n    " + Approval, "new { p.Email, grid.Layout }", "{|CBDT1006:{|CBDT1006:CALL|}|}"));

    [Fact]
    public async Task CoreDataUnderApprovalAndPersonalInformationUnderContract_EachRecordNamesItsAuthorization()
    {
        var diagnostics = await RunAsync(Source(Contract + "\n    " + Approval, "new { p.Email, grid.Layout }", "CALL"));
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("CBDT1006", d.Id));
        Assert.Equal("CoreData", diagnostics[0].Properties[DiagnosticPropertyKeys.Categories]);
        Assert.Equal("approval-grid", diagnostics[0].Properties[DiagnosticPropertyKeys.AuthorizationId]);
        Assert.Equal("AuthorityApproval", diagnostics[0].Properties[DiagnosticPropertyKeys.Mechanism]);
        Assert.Equal("PersonalInformation", diagnostics[1].Properties[DiagnosticPropertyKeys.Categories]);
        Assert.Equal("scc-pi", diagnostics[1].Properties[DiagnosticPropertyKeys.AuthorizationId]);
    }

    [Fact]
    public Task CoreDataBlockedPersonalInformationAuthorized() =>
        VerifyAsync(Source(Contract, "new { p.Email, grid.Layout }", "{|CBDT1002:{|CBDT1006:CALL|}|}"));

    [Fact]
    public Task OneApprovalCoveringEverything_CoreAndOtherDataAreJudgedApart() =>
        // The core data is its own record (the CLI lists it as its own flow, #core-data); the same approval is not a PIPL
        // Art. 38 mechanism for the personal information beside it (CBDT1003), which no longer hides the core record.
        VerifyAsync(Source(
            """[CrossBorderTransfer(Id = "approval-all", Mechanism = TransferMechanism.AuthorityApproval, Reference = "AP-2", IssuedOn = "2025-06-01", Endpoint = "api.foreign.com")]""",
            "new { p.Email, grid.Layout }",
            "{|CBDT1003:{|CBDT1006:CALL|}|}"));

    [Fact]
    public Task TwoCalls_RecordsStayPerCall() =>
        VerifyAsync("""
            class C
            {
                [CrossBorderTransfer(Id = "scc-pi", Mechanism = TransferMechanism.StandardContract, Reference = "SC-1", IssuedOn = "2025-06-01", EstimatedSubjectsPerYear = 50_000, Endpoint = "api.foreign.com", Categories = new[] { "PersonalInformation" })]
                [CrossBorderTransfer(Id = "sa-bio", Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-1", IssuedOn = "2025-06-01", Endpoint = "api.foreign.com", Categories = new[] { "ImportantData" })]
                async Task Run(HttpClient http)
                {
                    foreach (var p in Repo.All())
                    {
                        await {|CBDT1006:http.PostAsJsonAsync("https://api.foreign.com/v1/people", p)|};
                        await {|CBDT1006:{|CBDT1006:http.PostAsJsonAsync("https://api.foreign.com/v1/both", new { p.Email, Sample = new GenomeSample() })|}|};
                    }
                }
            }
            """);

    // ------------------------------------------------------------------ which authorization covers which class

    private const string Nearest = """
        [CrossBorderTransfer(Id = "sa-all", Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-2", IssuedOn = "2025-06-01", Endpoint = "api.foreign.com", Categories = new[] { "PersonalInformation", "ImportantData" })]
        class C
        {
            [CrossBorderTransfer(Id = "scc-pi", Mechanism = TransferMechanism.StandardContract, Reference = "SC-1", IssuedOn = "2025-06-01", EstimatedSubjectsPerYear = 50_000, Endpoint = "api.foreign.com", Categories = new[] { "PersonalInformation" })]
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                object payload = new { p.Email };
                for (var i = 0; i < 2; i++)
                {
                    // The first pass sends personal information only, the second personal information and important data.
                    await MARK;
                    payload = new { p.Email, Sample = new GenomeSample() };
                }
            }
        }
        """;

    [Fact]
    public Task EachClassGoesToTheNearestAuthorizationThatCoversIt() =>
        VerifyAsync(Nearest.Replace("MARK", "{|CBDT1006:{|CBDT1006:http.PostAsJsonAsync(\"https://api.foreign.com/v1/upload\", payload)|}|}", StringComparison.Ordinal));

    [Fact]
    public async Task EachClassGoesToTheNearestAuthorizationThatCoversIt_OneRecordPerAuthorizationWhateverThePasses()
    {
        // The method's contract covers the personal information (nearer than the type's assessment, which covers both
        // classes) in every pass of the loop; the assessment covers the important data. No third record is left behind.
        var diagnostics = await RunAsync(Nearest.Replace("MARK", "http.PostAsJsonAsync(\"https://api.foreign.com/v1/upload\", payload)", StringComparison.Ordinal));
        Assert.Equal(2, diagnostics.Count);
        Assert.Equal("ImportantData:BIO-001", diagnostics[0].Properties[DiagnosticPropertyKeys.Categories]);
        Assert.Equal("sa-all", diagnostics[0].Properties[DiagnosticPropertyKeys.AuthorizationId]);
        Assert.Equal("T:C", diagnostics[0].Properties[DiagnosticPropertyKeys.AuthorizationDeclaredOn]);
        Assert.Equal("PersonalInformation", diagnostics[1].Properties[DiagnosticPropertyKeys.Categories]);
        Assert.Equal("scc-pi", diagnostics[1].Properties[DiagnosticPropertyKeys.AuthorizationId]);
    }
}
