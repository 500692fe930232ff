using System.Collections.Immutable;
using CrossBorder.Policy.Cli.Scan;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Cli.Tests;

/// <summary>
/// The flows scan adds to the transfer manifest, built from findings whose messages have the analyzers' exact forms
/// (DiagnosticDescriptors: CBDT1001 to CBDT1005) and a data directory and authorizations like the sample's.
/// </summary>
public sealed class ScanFlowsTests
{
    private static readonly MethodRef Service = new("M:App.Services.SafetyService.ReportAsync(App.Models.Subject)", "SafetyService.ReportAsync(Subject)", "SafetyService.ReportAsync");
    private static readonly MethodRef Client = new("M:App.Clients.SafetyClient.SubmitAsync(App.Models.Subject)", "SafetyClient.SubmitAsync(Subject)", "SafetyClient.SubmitAsync");
    private static readonly MethodRef Sink = new("M:System.Net.Http.HttpClient.PostAsync(System.String,System.Net.Http.HttpContent)", "HttpClient.PostAsync(string, HttpContent)", "HttpClient.PostAsync");

    private static readonly DataDirectory Directory = new("App")
    {
        Entries = EquatableArray.From(new List<DirectoryEntry>
        {
            new("P:App.Models.Subject.Initials", "App.Models.Subject.Initials", DirectoryEntryKind.Property),
            new("P:App.Models.Subject.LabResults", "App.Models.Subject.LabResults", DirectoryEntryKind.Property),
            new("T:App.Models.Reserve", "App.Models.Reserve", DirectoryEntryKind.Type),
        }),
        Endpoints = EquatableArray.From(new List<EndpointBinding>
        {
            new("policy-file") { Host = "e2b.safety-db.example.jp", Jurisdiction = "JP" },
            new("T:App.Clients.CroClient") { Host = "*.cro.example.sg", Jurisdiction = "SG" },
        }),
    };

    private static readonly TransferManifest Transfers = new("App")
    {
        Authorizations = EquatableArray.From(new List<TransferAuthorization>
        {
            new("cert-safety-jp", TransferMechanism.Certification, "T:App.Clients.SafetyClient") { Endpoint = "e2b.safety-db.example.jp" },
            new("scc-cro-sg", TransferMechanism.StandardContract, "policy-file") { Endpoint = "*.cro.example.sg" },
        }),
        Flows = EquatableArray.From(new List<TransferFlow>
        {
            new("flow:declared", "M:App.A", "M:App.Sink") { Status = FlowStatus.Authorized, AuthorizationId = "scc-cro-sg" },
        }),
    };

    [Fact]
    public void An_expired_authorization_finding_names_its_authorization_data_and_jurisdiction()
    {
        var expired = Finding("CBDT1004", "personal information, sensitive personal information (MedicalHealth) reaches 'e2b.safety-db.example.jp' under [CrossBorderTransfer(Id = \"cert-safety-jp\")] on 'SafetyClient', which is not in force: as of 2026-11-26, the certification expired after 2026-05-31 (via ReportAsync -> SubmitAsync -> HttpClient.PostAsync)");
        var withoutId = Finding("CBDT1004", "personal information reaches 'e2b.safety-db.example.jp' under [CrossBorderTransfer] on 'SafetyClient', which is not in force: as of 2026-11-26, a certification issued on 2027-01-01 is not yet valid on 2026-11-26. (via ReportAsync -> SubmitAsync -> HttpClient.PostAsync)", line: 30);

        var flows = ScanFlows.Build(Scan(expired, withoutId), Directory, Transfers);

        Assert.Equal(2, flows.Count);
        var flow = flows[0].Flow;
        Assert.Equal("scan:SafetyService.ReportAsync>SafetyClient.SubmitAsync", flow.Id);
        Assert.Equal("scan:SafetyService.ReportAsync>SafetyClient.SubmitAsync#2", flows[1].Flow.Id);
        Assert.Equal(FlowStatus.Expired, flow.Status);
        Assert.Equal(FlowStatus.NotYetValid, flows[1].Flow.Status);
        Assert.Equal("cert-safety-jp", flow.AuthorizationId);
        Assert.Equal("cert-safety-jp", flows[1].Flow.AuthorizationId);
        Assert.Equal("e2b.safety-db.example.jp", flow.EndpointHost);
        Assert.Equal("JP", flow.Jurisdiction);
        Assert.Equal(JurisdictionResolution.PolicyFile, flow.JurisdictionResolution);
        Assert.Equal(new[] { "PersonalInformation", "SensitivePersonalInformation:MedicalHealth" }, flow.Categories);
        Assert.Equal(new[] { DataClass.PersonalInformation, DataClass.SensitivePersonalInformation }, flow.DataClasses);
        Assert.Equal(Service.Id, flow.SourceMethodId);
        Assert.Equal(new[] { Service.Id, Client.Id }, flow.CallChain.Select(s => s.Id));
        Assert.Equal(Sink.Id, flow.SinkId);
        Assert.Equal("HttpClient.PostAsync(string, HttpContent)", flow.SinkDisplay);
        Assert.Equal("CBDT1004", flows[0].RuleId);
        Assert.Equal("src/App/Services/SafetyService.cs:20", flows[0].Location);
        Assert.Equal("CBDT1004", ScanFlows.RuleOf(flow.Status));
    }

    [Fact]
    public void Unauthorized_blocked_inadequate_and_unresolved_findings_become_flows_and_suppressed_ones_do_not()
    {
        var unauthorized = Finding(
            "CBDT1001",
            "Personal information from 'Subject.Initials', 'Subject.LabResults' reaches 'api.crm.example.com' (Host 'api.crm.example.com' is in United States (US), outside mainland China, by the policy-file rule 'api.crm.example.com' (crossborder.json (25,5)).) via ReportAsync -> SubmitAsync -> HttpClient.PostAsync with no covering [CrossBorderTransfer] authorization",
            properties: new Dictionary<string, string?> { ["Host"] = "api.crm.example.com", ["Jurisdiction"] = "US", ["Categories"] = "PersonalInformation\nSensitivePersonalInformation:MedicalHealth" });
        var blocked = Finding("CBDT1002", "Core data from 'Reserve' reaches 'dash.example.hk' (Host 'dash.example.hk' is in Hong Kong (HK), outside mainland China, by the built-in rule 'country-code-tld' (Country-code top-level domains).) via ReportAsync -> SubmitAsync -> HttpClient.PostAsync; core data must not leave mainland China without an authority approval", line: 21);
        var inadequate = Finding("CBDT1003", "important data (BIO-001) reaches 'upload.cro.example.sg' under crossborder.json transfer 'scc-cro-sg', whose mechanism is not adequate: important data needs a security assessment (via ReportAsync -> SubmitAsync -> HttpClient.PostAsync)", line: 22);
        var unresolved = Finding("CBDT1005", "personal information from 'Subject.Initials' reaches an endpoint whose destination cannot be determined at compile time (the URL comes from a parameter) via ReportAsync -> SubmitAsync -> HttpClient.PostAsync", line: 23);
        var unknownHost = Finding("CBDT1003", "personal information reaches 'files.example.de' under crossborder.json transfer 'gone', whose mechanism is not adequate: x (via ReportAsync -> SubmitAsync -> HttpClient.PostAsync)", line: 24);
        var suppressed = Finding("CBDT1001", "Personal information from 'Subject.Initials' reaches 'x.example.com' (US) via A -> B with no covering [CrossBorderTransfer] authorization", line: 25) with { Suppressed = true };

        var flows = ScanFlows.Build(Scan(unauthorized, blocked, inadequate, unresolved, unknownHost, suppressed), Directory, Transfers).ToDictionary(f => f.Location[(f.Location.LastIndexOf(':') + 1)..], f => f.Flow);

        Assert.Equal(5, flows.Count);
        var a = flows["20"];
        Assert.Equal((FlowStatus.Unauthorized, "api.crm.example.com", "US", JurisdictionResolution.PolicyFile), (a.Status, a.EndpointHost, a.Jurisdiction, a.JurisdictionResolution));
        Assert.Equal(new[] { "PersonalInformation", "SensitivePersonalInformation:MedicalHealth" }, a.Categories);
        Assert.Equal(new[] { "P:App.Models.Subject.Initials", "P:App.Models.Subject.LabResults" }, a.OriginMemberIds);
        Assert.Null(a.AuthorizationId);
        var b = flows["21"];
        Assert.Equal((FlowStatus.Blocked, "dash.example.hk", "HK", JurisdictionResolution.CountryCodeDomain), (b.Status, b.EndpointHost, b.Jurisdiction, b.JurisdictionResolution));
        Assert.Equal(new[] { "CoreData" }, b.Categories);
        Assert.Equal(new[] { "T:App.Models.Reserve" }, b.OriginMemberIds);
        Assert.EndsWith("#core-data", b.Id, StringComparison.Ordinal);
        var c = flows["22"];
        Assert.Equal((FlowStatus.Inadequate, "upload.cro.example.sg", "SG", JurisdictionResolution.Attribute, "scc-cro-sg"), (c.Status, c.EndpointHost, c.Jurisdiction, c.JurisdictionResolution, c.AuthorizationId));
        Assert.Equal(new[] { "ImportantData:BIO-001" }, c.Categories);
        Assert.Equal(new[] { DataClass.ImportantData }, c.DataClasses);
        var d = flows["23"];
        Assert.Equal((FlowStatus.UnknownEndpoint, (string?)null, (string?)null, JurisdictionResolution.Unresolved), (d.Status, d.EndpointHost, d.Jurisdiction, d.JurisdictionResolution));
        Assert.Equal(new[] { "P:App.Models.Subject.Initials" }, d.OriginMemberIds);
        var e = flows["24"];
        Assert.Equal(("DE", JurisdictionResolution.CountryCodeDomain), (e.Jurisdiction, e.JurisdictionResolution));
        Assert.Null(e.AuthorizationId);
    }

    [Fact]
    public void The_manifest_keeps_its_flows_adds_the_scan_flows_and_stays_canonical()
    {
        var unresolved = Finding("CBDT1005", "personal information from 'Subject.Initials' reaches an endpoint whose destination cannot be determined at compile time (the URL comes from a parameter) via A -> B");
        var flows = ScanFlows.Build(Scan(unresolved), Directory, Transfers);

        var manifest = ScanFlows.AddTo(Transfers, flows);
        var json = ManifestWriter.Write(manifest);
        var again = ManifestWriter.Write(ScanFlows.AddTo(ManifestReader.ReadTransferManifest(json), flows));

        Assert.Equal(new[] { "flow:declared", "scan:SafetyService.ReportAsync>SafetyClient.SubmitAsync" }, manifest.Flows.Select(f => f.Id));
        Assert.Equal(json, again);
        Assert.Equal(manifest, ManifestReader.ReadTransferManifest(json));
    }

    private static ScanResult Scan(params ScanFinding[] findings) =>
        new("/repo/App.sln", new[] { "App" }, findings, Array.Empty<string>());

    private static ScanFinding Finding(string rule, string message, int line = 20, IReadOnlyDictionary<string, string?>? properties = null) =>
        new("App", rule, DiagnosticSeverity.Warning, message, Scanner.Recipient(message), "/repo/src/App/Services/SafetyService.cs", line, 9, line, 40, false, null, null)
        {
            Flow = new FlowFacts(Service, Client, Sink, Client, properties ?? ImmutableDictionary<string, string?>.Empty),
        };
}
