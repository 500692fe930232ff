using CrossBorder.Policy.Cli.Scan;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Cli.Tests;

/// <summary>The reconciliation both ways on a hand-made manifest: problem flows, expired and stale authorizations.</summary>
public sealed class ReconciliationTests
{
    private static readonly IsoDate Today = new(2026, 11, 26);

    [Fact]
    public void Lists_problem_flows_expired_and_stale_authorizations()
    {
        var manifest = new TransferManifest("App")
        {
            Authorizations = EquatableArray.From(new List<TransferAuthorization>
            {
                new("a-used", TransferMechanism.StandardContract, "policy") { Endpoint = "crm.example.de", DeclaredValidUntil = new IsoDate(2028, 1, 1) },
                new("a-expired", TransferMechanism.StandardContract, "policy") { Endpoint = "old.example.jp", DeclaredValidUntil = new IsoDate(2025, 1, 1) },
                new("a-by-finding", TransferMechanism.Certification, "policy") { Endpoint = "api.foreign.com" },
                new("a-stale", TransferMechanism.SecurityAssessment, "policy") { Endpoint = "gone.example.sg", Reference = "SA-1", Recipient = "Gone Ltd" },
            }),
            Flows = EquatableArray.From(new List<TransferFlow>
            {
                new("f-ok", "M:A", "M:Sink") { EndpointHost = "crm.example.de", Jurisdiction = "DE", AuthorizationId = "a-used", Status = FlowStatus.Authorized },
                new("f-expired", "M:B", "M:Sink") { EndpointHost = "old.example.jp", Jurisdiction = "JP", AuthorizationId = "a-expired", Status = FlowStatus.Authorized },
                new("f-none", "M:C", "M:Sink") { EndpointHost = "new.example.us", Jurisdiction = "US", Status = FlowStatus.Unauthorized },
            }),
        };
        var finding = new ScanFinding("App", "CBDT1001", DiagnosticSeverity.Warning, "reaches 'api.foreign.com' (US)", "api.foreign.com (US)", "/src/App/Sync.cs", 12, 5, 12, 40, false, null, null);
        var scan = new ScanResult("/src/App/App.csproj", new[] { "App" }, new[] { finding }, Array.Empty<string>());

        var reconciliation = Reconciliation.Build(scan, manifest, Today);

        Assert.Equal(new[] { "a-stale" }, reconciliation.StaleAuthorizationIds);
        Assert.Equal(new[] { "f-expired", "f-none" }, reconciliation.Tables[1].Rows.Select(r => r[0]));
        Assert.Equal("authorization expired on 2025-01-01", reconciliation.Tables[1].Rows[0][4]);
        Assert.Equal("no authorization", reconciliation.Tables[1].Rows[1][4]);
        Assert.Equal(new[] { "a-expired" }, reconciliation.Tables[2].Rows.Select(r => r[0]));
        Assert.Equal(new[] { "CBDT1001", "api.foreign.com (US)", "Sync.cs:12", "reaches 'api.foreign.com' (US)" }, reconciliation.Tables[0].Rows.Single());
        var markdown = reconciliation.ToMarkdown(null);
        Assert.Contains("| a-stale | SecurityAssessment | SA-1 | gone.example.sg | Gone Ltd |", markdown, StringComparison.Ordinal);
        Assert.Contains("## Flows without a valid authorization (2)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_manifest_only_the_findings_are_reconciled()
    {
        var suppressed = new ScanFinding("App", "CBDT1001", DiagnosticSeverity.Warning, "m", "x.example.de (DE)", null, 1, 1, 1, 1, true, "inSource", "ok");
        var scan = new ScanResult("/src/App/App.csproj", new[] { "App" }, new[] { suppressed }, Array.Empty<string>());

        var reconciliation = Reconciliation.Build(scan, null, Today);

        Assert.All(reconciliation.Tables, t => Assert.Empty(t.Rows));
        Assert.Contains("> no manifest", reconciliation.ToMarkdown("no manifest"), StringComparison.Ordinal);
        Assert.Equal("App", reconciliation.Application);
    }
}
