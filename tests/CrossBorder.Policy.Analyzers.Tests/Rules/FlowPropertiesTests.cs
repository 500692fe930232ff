using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Tests.Rules;

/// <summary>
/// Every flow diagnostic (CBDT1001 to CBDT1006) carries its flow's facts as properties (<see cref="DiagnosticPropertyKeys"/>),
/// so that tools (crossborder scan) never parse messages.
/// </summary>
public sealed class FlowPropertiesTests
{
    private static string Sender(string authorization, string url, string data = "Repo.Load(1)") => $$"""
        class Client
        {
            {{authorization}}
            public async Task SyncAsync(HttpClient http)
            {
                await UpsertAsync(http, {{data}});
            }

            private static Task UpsertAsync<T>(HttpClient http, T body) => http.PutAsJsonAsync({{url}}, body);
        }
        """;

    private static async Task<Diagnostic> SingleAsync(string source, string id, string? policy = null, string asOf = "2026-03-01")
    {
        var diagnostics = await PolicyRunner.RunAsync(source, policy, asOf);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        return diagnostic;
    }

    private static void AssertFlow(Diagnostic diagnostic, string status, string categories, string origins)
    {
        var p = diagnostic.Properties;
        Assert.Equal(status, p[DiagnosticPropertyKeys.Status]);
        Assert.Equal(categories, p[DiagnosticPropertyKeys.Categories]);
        Assert.Equal(origins, p[DiagnosticPropertyKeys.OriginMembers]);
        Assert.Equal("SyncAsync -> UpsertAsync -> HttpClient.PutAsJsonAsync", p[DiagnosticPropertyKeys.Chain]);
        Assert.Equal("HttpClient.PutAsJsonAsync", p[DiagnosticPropertyKeys.Sink]);
    }

    [Fact]
    public async Task UnauthorizedFlowHasEndpointDataAndChainButNoAuthorization()
    {
        var diagnostic = await SingleAsync(Sender(string.Empty, "\"https://crm.example.us/contacts\""), "CBDT1001");
        AssertFlow(diagnostic, "Unauthorized", "PersonalInformation", "Person.Email\nPerson.Name");
        var p = diagnostic.Properties;
        Assert.Equal("crm.example.us", p[DiagnosticPropertyKeys.Host]);
        Assert.Equal("US", p[DiagnosticPropertyKeys.Jurisdiction]);
        Assert.Equal("CountryCodeDomain", p[DiagnosticPropertyKeys.JurisdictionResolution]);
        Assert.False(p.ContainsKey(DiagnosticPropertyKeys.AuthorizationId));
        Assert.False(p.ContainsKey(DiagnosticPropertyKeys.Mechanism));
    }

    [Fact]
    public async Task PolicyFileEndpointIsTheResolution()
    {
        const string policy = """{ "version": 1, "endpoints": [ { "host": "*.partner.example", "jurisdiction": "SG", "recipient": "Partner Pte Ltd" } ] }""";
        var diagnostic = await SingleAsync(Sender(string.Empty, "\"https://api.partner.example/v1\""), "CBDT1001", policy);
        Assert.Equal("SG", diagnostic.Properties[DiagnosticPropertyKeys.Jurisdiction]);
        Assert.Equal("PolicyFile", diagnostic.Properties[DiagnosticPropertyKeys.JurisdictionResolution]);
    }

    [Fact]
    public async Task CoreDataIsBlocked()
    {
        var diagnostic = await SingleAsync(Sender(string.Empty, "\"https://grid.example.us/layout\"", "new GridTopology()"), "CBDT1002");
        AssertFlow(diagnostic, "Blocked", "CoreData", "GridTopology.Layout");
        Assert.Equal("grid.example.us", diagnostic.Properties[DiagnosticPropertyKeys.Host]);
    }

    [Fact]
    public async Task InadequateFlowNamesItsAuthorization()
    {
        var diagnostic = await SingleAsync(
            Sender("""[CrossBorderTransfer(Id = "scc-us", Mechanism = TransferMechanism.StandardContract, Reference = "SC-7", IssuedOn = "2025-06-01", EstimatedSubjectsPerYear = 10)]""", "\"https://lab.example.us/samples\"", "new GenomeSample()"),
            "CBDT1003");
        AssertFlow(diagnostic, "Inadequate", "ImportantData:BIO-001", "GenomeSample");
        var p = diagnostic.Properties;
        Assert.Equal("scc-us", p[DiagnosticPropertyKeys.AuthorizationId]);
        Assert.Equal("StandardContract", p[DiagnosticPropertyKeys.Mechanism]);
        Assert.Equal("SC-7", p[DiagnosticPropertyKeys.AuthorizationReference]);
        Assert.Equal("M:Client.SyncAsync(System.Net.Http.HttpClient)", p[DiagnosticPropertyKeys.AuthorizationDeclaredOn]);
    }

    [Theory]
    [InlineData("2026-11-26", "Expired")]
    [InlineData("2024-01-01", "NotYetValid")]
    public async Task OutOfForceFlowIsExpiredOrNotYetValid(string asOf, string status)
    {
        var diagnostic = await SingleAsync(
            Sender("""[CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-1", IssuedOn = "2025-01-10", ValidUntil = "2026-06-30")]""", "\"https://crm.example.us/contacts\""),
            "CBDT1004",
            asOf: asOf);
        AssertFlow(diagnostic, status, "PersonalInformation", "Person.Email\nPerson.Name");

        // No declared id: the id the manifest generator derives from where it is declared, the mechanism and the reference.
        Assert.Equal("M:Client.SyncAsync(System.Net.Http.HttpClient)/SecurityAssessment/SA-1", diagnostic.Properties[DiagnosticPropertyKeys.AuthorizationId]);
    }

    [Fact]
    public async Task UnresolvedEndpointHasNoHostAndIsUnresolved()
    {
        var source = Sender(string.Empty, "Environment.GetEnvironmentVariable(\"URL\")");
        var diagnostic = await SingleAsync(source, "CBDT1005");
        AssertFlow(diagnostic, "UnknownEndpoint", "PersonalInformation", "Person.Email\nPerson.Name");
        Assert.Equal("Unresolved", diagnostic.Properties[DiagnosticPropertyKeys.JurisdictionResolution]);
        Assert.False(diagnostic.Properties.ContainsKey(DiagnosticPropertyKeys.Host));
        Assert.False(diagnostic.Properties.ContainsKey(DiagnosticPropertyKeys.Jurisdiction));
    }

    [Fact]
    public async Task AuthorizedFlowIsAHiddenRecordWithItsAuthorization()
    {
        var source = Sender("""[CrossBorderTransfer(Id = "sa-us", Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-9", IssuedOn = "2025-01-10", Endpoint = "crm.example.us", Recipient = "Acme CRM Inc.")]""", "\"https://crm.example.us/contacts\"");
        var diagnostic = PolicyRunner.Authorized(await PolicyRunner.RunAsync(source, policy: null), "sa-us");
        AssertFlow(diagnostic, "Authorized", "PersonalInformation", "Person.Email\nPerson.Name");
        var p = diagnostic.Properties;
        Assert.Equal("crm.example.us", p[DiagnosticPropertyKeys.Host]);
        Assert.Equal("US", p[DiagnosticPropertyKeys.Jurisdiction]);
        Assert.Equal("Acme CRM Inc.", p[DiagnosticPropertyKeys.Recipient]);
        Assert.Equal("SecurityAssessment", p[DiagnosticPropertyKeys.Mechanism]);
        Assert.Equal("SA-9", p[DiagnosticPropertyKeys.AuthorizationReference]);
        Assert.Equal(
            "Personal information from 'Person.Email', 'Person.Name' reaches 'crm.example.us' (" + "X" + ") via SyncAsync -> UpsertAsync -> HttpClient.PutAsJsonAsync, authorized by [CrossBorderTransfer(Id = \"sa-us\")] on 'SyncAsync' (SecurityAssessment, SA-9)",
            PolicyRunner.Message(diagnostic).Replace(ExplanationOf(PolicyRunner.Message(diagnostic)), "X", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryFlowDiagnosticHasTheCommonKeys()
    {
        // The flows of one compilation, one per rule: each diagnostic has Status, Categories, Chain, Sink and JurisdictionResolution.
        var sources = new[]
        {
            Sender(string.Empty, "\"https://crm.example.us/contacts\""),
            Sender(string.Empty, "\"https://grid.example.us/layout\"", "new GridTopology()"),
            Sender(string.Empty, "Environment.GetEnvironmentVariable(\"URL\")"),
            Sender("""[CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-9", IssuedOn = "2025-01-10")]""", "\"https://crm.example.us/contacts\""),
        };
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var diagnostic in await PolicyRunner.RunAsync(source, policy: null))
            {
                seen.Add(diagnostic.Id);
                foreach (var key in new[] { DiagnosticPropertyKeys.Status, DiagnosticPropertyKeys.Categories, DiagnosticPropertyKeys.Chain, DiagnosticPropertyKeys.Sink, DiagnosticPropertyKeys.JurisdictionResolution, DiagnosticPropertyKeys.OriginMembers })
                {
                    Assert.True(diagnostic.Properties.ContainsKey(key), diagnostic.Id + " lacks " + key);
                }
            }
        }

        Assert.Equal(new[] { "CBDT1001", "CBDT1002", "CBDT1005", "CBDT1006" }, seen);
    }

    /// <summary>The resolver's explanation a flow message quotes between <c>'host' (</c> and <c>) via</c>.</summary>
    private static string ExplanationOf(string message)
    {
        var start = message.IndexOf("' (", StringComparison.Ordinal) + 3;
        var end = message.IndexOf(") via ", start, StringComparison.Ordinal);
        return message.Substring(start, end - start);
    }
}
