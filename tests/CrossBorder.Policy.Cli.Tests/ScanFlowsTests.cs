using System.Collections.Immutable;
using CrossBorder.Policy.Cli.Scan;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Cli.Tests;

/// <summary>
/// The flows scan adds to the transfer manifest, built from the properties of the analyzers' flow diagnostics
/// (DiagnosticPropertyKeys: CBDT1001 to CBDT1006; the messages are opaque) and a data directory and authorizations
/// like the sample's.
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

    /// <summary>A message no parser could read: the flows must come from the properties alone.</summary>
    private const string Opaque = "(message text is not read)";

    private static Dictionary<string, string?> Props(string status, string? host, string? jurisdiction, string resolution, string categories, string? origins, string? authorizationId = null, string? declaredOn = null, string? mechanism = null, string? reference = null)
    {
        var p = new Dictionary<string, string?>
        {
            ["Status"] = status,
            ["JurisdictionResolution"] = resolution,
            ["Categories"] = categories,
            ["Chain"] = "ReportAsync -> SubmitAsync -> HttpClient.PostAsync",
            ["Sink"] = "HttpClient.PostAsync",
        };
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                p[key] = value;
            }
        }

        Add("Host", host);
        Add("Jurisdiction", jurisdiction);
        Add("OriginMembers", origins);
        Add("AuthorizationId", authorizationId);
        Add("AuthorizationDeclaredOn", declaredOn);
        Add("Mechanism", mechanism);
        Add("AuthorizationReference", reference);
        return p;
    }

    [Fact]
    public void An_expired_authorization_finding_names_its_authorization_data_and_jurisdiction()
    {
        var expired = Finding("CBDT1004", properties: Props("Expired", "e2b.safety-db.example.jp", "JP", "PolicyFile", "PersonalInformation\nSensitivePersonalInformation:MedicalHealth", "Subject.Initials\nSubject.LabResults", "cert-safety-jp", "T:App.Clients.SafetyClient", "Certification"));

        // No declared id and a derived id the manifest does not hold: matched by where it is declared, mechanism and reference.
        var notYet = Finding("CBDT1004", line: 30, properties: Props("NotYetValid", "e2b.safety-db.example.jp", "JP", "PolicyFile", "PersonalInformation", "Subject.Initials", "T:App.Clients.SafetyClient/Certification", "T:App.Clients.SafetyClient", "Certification"));

        var flows = ScanFlows.Build(Scan(expired, notYet), Directory, Transfers);

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
        Assert.Equal(new[] { "P:App.Models.Subject.Initials", "P:App.Models.Subject.LabResults" }, flow.OriginMemberIds);
        Assert.Equal(Service.Id, flow.SourceMethodId);
        Assert.Equal(new[] { Service.Id, Client.Id }, flow.CallChain.Select(s => s.Id));
        Assert.Equal(Sink.Id, flow.SinkId);
        Assert.Equal("HttpClient.PostAsync(string, HttpContent)", flow.SinkDisplay);
        Assert.Equal("CBDT1004", flows[0].RuleId);
        Assert.Equal("src/App/Services/SafetyService.cs:20", flows[0].Location);
        Assert.Equal("CBDT1004", ScanFlows.RuleOf(flow.Status));
    }

    [Fact]
    public void Every_flow_rule_and_the_authorized_flows_become_flows_and_suppressed_ones_do_not()
    {
        var unauthorized = Finding("CBDT1001", properties: Props("Unauthorized", "api.crm.example.com", "US", "PolicyFile", "PersonalInformation\nSensitivePersonalInformation:MedicalHealth", "Subject.Initials\nSubject.LabResults"));
        var blocked = Finding("CBDT1002", line: 21, properties: Props("Blocked", "dash.example.hk", "HK", "CountryCodeDomain", "CoreData", "Reserve"));
        var inadequate = Finding("CBDT1003", line: 22, properties: Props("Inadequate", "upload.cro.example.sg", "SG", "Attribute", "ImportantData:BIO-001", null, "scc-cro-sg", "policy-file", "StandardContract"));
        var unresolved = Finding("CBDT1005", line: 23, properties: Props("UnknownEndpoint", null, null, "Unresolved", "PersonalInformation", "Subject.Initials"));
        var unknownAuthorization = Finding("CBDT1003", line: 24, properties: Props("Inadequate", "files.example.de", "DE", "CountryCodeDomain", "PersonalInformation", null, "gone", "policy-file", "StandardContract"));
        var suppressed = Finding("CBDT1001", line: 25, properties: Props("Unauthorized", "x.example.com", "US", "KnowledgeBase", "PersonalInformation", "Subject.Initials")) with { Suppressed = true };
        var authorized = Finding("CBDT1006", line: 26, properties: Props("Authorized", "edc.trials.cro.example.sg", "SG", "Attribute", "SensitivePersonalInformation:MedicalHealth", "Subject.LabResults", "scc-cro-sg", "policy-file", "StandardContract")) with { Severity = DiagnosticSeverity.Hidden };
        var scan = Scan(unauthorized, blocked, inadequate, unresolved, unknownAuthorization, suppressed) with { AuthorizedFlows = new[] { authorized } };

        var flows = ScanFlows.Build(scan, Directory, Transfers).ToDictionary(f => f.Location[(f.Location.LastIndexOf(':') + 1)..], f => f.Flow);

        Assert.Equal(6, flows.Count);
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
        Assert.Equal(new[] { "PersonalInformation" }, d.Categories);
        Assert.Equal(new[] { "P:App.Models.Subject.Initials" }, d.OriginMemberIds);
        var e = flows["24"];
        Assert.Equal(("DE", JurisdictionResolution.CountryCodeDomain), (e.Jurisdiction, e.JurisdictionResolution));
        Assert.Null(e.AuthorizationId);
        var f = flows["26"];
        Assert.Equal((FlowStatus.Authorized, "edc.trials.cro.example.sg", "SG", "scc-cro-sg"), (f.Status, f.EndpointHost, f.Jurisdiction, f.AuthorizationId));
        Assert.Equal(new[] { "P:App.Models.Subject.LabResults" }, f.OriginMemberIds);
        Assert.Equal("CBDT1006", ScanFlows.RuleOf(f.Status));
    }

    [Fact]
    public void The_recipient_of_a_finding_comes_from_its_properties()
    {
        Assert.Equal("api.crm.example.com (US)", Scanner.Recipient(new Dictionary<string, string?> { ["Host"] = "api.crm.example.com", ["Jurisdiction"] = "US" }));
        Assert.Equal("api.partner.example", Scanner.Recipient(new Dictionary<string, string?> { ["Host"] = "api.partner.example" }));
        Assert.Equal("an endpoint in SG", Scanner.Recipient(new Dictionary<string, string?> { ["Jurisdiction"] = "SG" }));
        Assert.Equal(Scanner.UnresolvedRecipient, Scanner.Recipient(new Dictionary<string, string?>()));
    }

    [Fact]
    public void The_manifest_keeps_its_flows_adds_the_scan_flows_and_stays_canonical()
    {
        var unresolved = Finding("CBDT1005", properties: Props("UnknownEndpoint", null, null, "Unresolved", "PersonalInformation", "Subject.Initials"));
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

    private static ScanFinding Finding(string rule, int line = 20, IReadOnlyDictionary<string, string?>? properties = null) =>
        new("App", rule, DiagnosticSeverity.Warning, Opaque, Scanner.Recipient(properties ?? ImmutableDictionary<string, string?>.Empty), "/repo/src/App/Services/SafetyService.cs", line, 9, line, 40, false, null, null)
        {
            Flow = new FlowFacts(Service, Client, Sink, Client, properties ?? ImmutableDictionary<string, string?>.Empty),
        };
}
