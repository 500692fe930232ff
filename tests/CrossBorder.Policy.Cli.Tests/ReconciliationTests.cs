using CrossBorder.Policy.Build;
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
                new("f-none", "M:C", "M:Sink") { EndpointHost = "new.example.us", Jurisdiction = "US", Status = FlowStatus.Unauthorized, DataClasses = EquatableArray.From(new List<DataClass> { DataClass.PersonalInformation, DataClass.SensitivePersonalInformation }) },
            }),
        };
        var finding = new ScanFinding("App", "CBDT1001", DiagnosticSeverity.Warning, "reaches 'api.foreign.com' (US)", "api.foreign.com (US)", "/src/App/Sync.cs", 12, 5, 12, 40, false, null, null);
        var scan = new ScanResult("/src/App/App.csproj", new[] { "App" }, new[] { finding }, Array.Empty<string>());

        var reconciliation = Reconciliation.Build(scan, manifest, Today);

        // a-by-finding's endpoint is reached only by a finding it does not cover (CBDT1001): no flow names it, it is stale.
        Assert.Equal(new[] { "a-by-finding", "a-stale" }, reconciliation.StaleAuthorizationIds);
        Assert.Equal(new[] { "a-expired", "a-used" }, reconciliation.AuthorizationIdsInUse);
        var flows = reconciliation.Tables[1].EnglishRows;
        Assert.Equal(new[] { "f-expired", "f-none" }, flows.Select(r => r[0]));
        Assert.Equal("authorization expired on 2025-01-01", flows[0][6]);
        Assert.Equal("no authorization", flows[1][6]);
        Assert.Equal("Personal information, Sensitive personal information", flows[1][4]);
        Assert.Equal(new[] { "a-expired" }, reconciliation.Tables[2].EnglishRows.Select(r => r[0]));
        Assert.Equal(new[] { "CBDT1001", "api.foreign.com (US)", "Sync.cs:12", "reaches 'api.foreign.com' (US)" }, reconciliation.Tables[0].EnglishRows.Single());
        var markdown = reconciliation.ToMarkdown(null, ReportLanguage.English);
        Assert.StartsWith("# Reconciliation of outbound data transfers: App\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| a-stale | Security assessment | SA-1 | gone.example.sg | Gone Ltd |", markdown, StringComparison.Ordinal);
        Assert.Contains("## Flows without a valid authorization (2)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("出境", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_and_bilingual_reports_use_the_legal_terms()
    {
        var manifest = new TransferManifest("App")
        {
            Authorizations = EquatableArray.From(new List<TransferAuthorization>
            {
                new("a-expired", TransferMechanism.StandardContract, "policy") { Endpoint = "old.example.jp", DeclaredValidUntil = new IsoDate(2025, 1, 1) },
                new("a-stale", TransferMechanism.SecurityAssessment, "policy") { Endpoint = "gone.example.sg", Reference = "SA-1", Recipient = "Gone Ltd" },
                new("a-cert", TransferMechanism.Certification, "policy") { Endpoint = "cert.example.de" },
            }),
            Flows = EquatableArray.From(new List<TransferFlow>
            {
                new("f-expired", "M:B", "M:Sink") { EndpointHost = "old.example.jp", Jurisdiction = "JP", AuthorizationId = "a-expired", Status = FlowStatus.Authorized, DataClasses = EquatableArray.From(new List<DataClass> { DataClass.ImportantData, DataClass.CoreData }) },
                new("f-none", "M:C", "M:Sink") { Jurisdiction = null, Status = FlowStatus.UnknownEndpoint, DataClasses = EquatableArray.From(new List<DataClass> { DataClass.PersonalInformation, DataClass.SensitivePersonalInformation }) },
            }),
        };
        var unresolved = new ScanFinding("App", "CBDT1005", DiagnosticSeverity.Warning, "m", "unresolved endpoint", null, 1, 1, 1, 1, false, null, null);
        var scan = new ScanResult("/src/App/App.csproj", new[] { "App" }, new[] { unresolved }, Array.Empty<string>());
        var reconciliation = Reconciliation.Build(scan, manifest, Today);

        var zh = reconciliation.ToMarkdown(Reconciliation.NoManifest, ReportLanguage.Chinese);
        var both = reconciliation.ToMarkdown(null, ReportLanguage.Both);
        var html = reconciliation.ToHtml(null, ReportLanguage.Chinese);

        Assert.StartsWith("# 数据出境授权核对: App\n", zh, StringComparison.Ordinal);
        Assert.Contains("> 已构建的程序集中均无 CrossBorder.Policy 清单（请引用 CrossBorder.Policy 包）：仅核对扫描发现。", zh, StringComparison.Ordinal);
        Assert.Contains("## 缺少有效出境授权的出境路径 (2)", zh, StringComparison.Ordinal);
        Assert.Contains("| f-expired | - | old.example.jp | JP | 重要数据、核心数据 | a-expired | 授权有效期已于 2025-01-01 届满 |", zh, StringComparison.Ordinal);
        Assert.Contains("| f-none | - | 无法确定的端点 | - | 个人信息、敏感个人信息 | - | 目的地无法确定 |", zh, StringComparison.Ordinal);
        Assert.Contains("| a-expired | 个人信息出境标准合同（备案） | old.example.jp | 2025-01-01 |", zh, StringComparison.Ordinal);
        Assert.Contains("| a-stale | 数据出境安全评估 | SA-1 | gone.example.sg | Gone Ltd |", zh, StringComparison.Ordinal);
        Assert.Contains("| a-cert | 个人信息保护认证 | - | cert.example.de | - |", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("Stale authorizations", zh, StringComparison.Ordinal);
        Assert.Contains("## 未使用的出境授权 / Stale authorizations (2)", both, StringComparison.Ordinal);
        Assert.Contains("| 出境授权 / Authorization | 出境机制 / Mechanism | 编号 / Reference | 端点 / Endpoint | 境外接收方 / Recipient |", both, StringComparison.Ordinal);
        Assert.Contains("\n有效期在 2026-11-26 之前已届满的已声明出境授权。\n\nDeclared authorizations whose validity ended before 2026-11-26.\n", both, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-Hans\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>数据出境安全评估</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorizations_in_use_are_those_the_flows_name_and_an_endpoint_alone_does_not_count()
    {
        var manifest = new TransferManifest("App")
        {
            Authorizations = EquatableArray.From(new List<TransferAuthorization>
            {
                new("sa-cro", TransferMechanism.SecurityAssessment, "policy-file") { Endpoint = "*.cro.example.sg", Reference = "CAC-SA-1", DeclaredValidUntil = new IsoDate(2028, 3, 31) },
                new("scc-partner", TransferMechanism.StandardContract, "T:App.PartnerClient") { Endpoint = "api.partner.example.de" },
                new("endpoint-only", TransferMechanism.Certification, "policy-file") { Endpoint = "edc.example.us" },
            }),
            Flows = EquatableArray.From(new List<TransferFlow>
            {
                new("scan:Trial.SyncAsync>CroClient.PostAsync", "M:A", "M:Sink") { EndpointHost = "edc.trials.cro.example.sg", Jurisdiction = "SG", AuthorizationId = "sa-cro", Status = FlowStatus.Authorized },
                new("scan:Trial.UploadAsync>CroClient.PutAsync", "M:B", "M:Sink") { EndpointHost = "files.cro.example.sg", Jurisdiction = "SG", AuthorizationId = "sa-cro", Status = FlowStatus.Authorized },
                new("scan:Partner.SendAsync>PartnerClient.PostAsync", "M:C", "M:Sink") { EndpointHost = "api.partner.example.de", Jurisdiction = "DE", AuthorizationId = "scc-partner", Status = FlowStatus.Inadequate },

                // An unauthorized flow to the endpoint of an authorization that does not cover it names none.
                new("scan:Crm.SyncAsync>CrmClient.PutAsync", "M:D", "M:Sink") { EndpointHost = "edc.example.us", Jurisdiction = "US", Status = FlowStatus.Unauthorized },
            }),
        };
        var scan = new ScanResult("/src/App/App.csproj", new[] { "App" }, Array.Empty<ScanFinding>(), Array.Empty<string>());

        var reconciliation = Reconciliation.Build(scan, manifest, Today);

        Assert.Equal(new[] { "endpoint-only" }, reconciliation.StaleAuthorizationIds);
        Assert.Equal(new[] { "sa-cro", "scc-partner" }, reconciliation.AuthorizationIdsInUse);
        Assert.Equal(
            new[] { "sa-cro", "Security assessment", "CAC-SA-1", "2028-03-31", "scan:Trial.SyncAsync>CroClient.PostAsync, scan:Trial.UploadAsync>CroClient.PutAsync" },
            reconciliation.Tables[3].EnglishRows[0]);
        var markdown = reconciliation.ToMarkdown(null, ReportLanguage.Both);
        Assert.Contains("## 正在使用的出境授权 / Authorizations in use (2)", markdown, StringComparison.Ordinal);

        // Covered flows are not problems.
        Assert.Equal(new[] { "scan:Crm.SyncAsync>CrmClient.PutAsync", "scan:Partner.SendAsync>PartnerClient.PostAsync" }, reconciliation.Tables[1].EnglishRows.Select(r => r[0]));
    }

    [Fact]
    public void Without_a_manifest_only_the_findings_are_reconciled()
    {
        var suppressed = new ScanFinding("App", "CBDT1001", DiagnosticSeverity.Warning, "m", "x.example.de (DE)", null, 1, 1, 1, 1, true, "inSource", "ok");
        var scan = new ScanResult("/src/App/App.csproj", new[] { "App" }, new[] { suppressed }, Array.Empty<string>());

        var reconciliation = Reconciliation.Build(scan, null, Today);

        Assert.All(reconciliation.Tables, t => Assert.Empty(t.Rows));
        Assert.Contains("> no manifest", reconciliation.ToMarkdown(Bilingual.Same("no manifest"), ReportLanguage.English), StringComparison.Ordinal);
        Assert.Equal("App", reconciliation.Application);
    }
}
