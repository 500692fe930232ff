using CrossBorder.Policy.Core.PolicyFile;
using CsCheck;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.PolicyFile;

/// <summary>Checks across sections of one file, and robustness against arbitrary edits.</summary>
public sealed class PolicyFileConsistencyTests
{
    private const string Catalogs = """
          "catalogs": [ { "id": "JS-BIO", "name": "Biomedicine", "entries": [ { "id": "BIO-001", "name": "Genomes" } ] } ],
        """;

    [Fact]
    public void UnknownCatalogEntryIsAWarning()
    {
        var text = "{ \"version\": 1," + Catalogs + """
              "transfers": [ { "id": "t", "mechanism": "SecurityAssessment", "reference": "SA-1",
                "categories": ["ImportantData:BIO-001", "ImportantData:BIO-009"] } ] }
            """;
        var result = PolicyFileParser.Parse(text, "p.json");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(PolicyDiagnosticIds.UnknownCatalogEntry, diagnostic.Id);
        Assert.Equal(PolicyDiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("transfers[0].categories[1]: 'BIO-009' is not an entry of the catalogues declared in this file (JS-BIO)", diagnostic.Message);
        Assert.Equal(2, diagnostic.Position.Line);
        Assert.False(result.HasErrors);
        Assert.Equal(2, result.Document.Transfers[0].Categories.Count);
    }

    [Fact]
    public void CatalogEntriesAreNotCheckedWhenTheFileDeclaresNoCatalogue()
    {
        var result = PolicyFileParser.Parse("{ \"version\": 1, \"transfers\": [ { \"id\": \"t\", \"mechanism\": \"SecurityAssessment\", \"reference\": \"SA-1\", \"categories\": [\"ImportantData:ANY\"] } ] }", "p.json");
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void TransferToADomesticEndpointContradicts()
    {
        var result = PolicyFileParser.Parse("""
            { "version": 1,
              "endpoints": [ { "host": "*.example.cn", "domestic": true } ],
              "transfers": [ { "id": "t", "mechanism": "Exemption", "exemption": "Emergency", "endpoint": "api.example.cn" } ] }
            """, "p.json");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(PolicyDiagnosticIds.ContradictoryValues, diagnostic.Id);
        Assert.Equal(new CrossBorder.Policy.Core.Json.TextPosition(3, 95), diagnostic.Position);
        Assert.Equal("transfers[0].endpoint: 'api.example.cn' is domestic (endpoints[0]); a cross-border transfer cannot cover a domestic endpoint", diagnostic.Message);
    }

    [Fact]
    public void TransferJurisdictionMustAgreeWithTheEndpointBinding()
    {
        var result = PolicyFileParser.Parse("""
            { "version": 1,
              "endpoints": [ { "host": "api.partner.sg", "jurisdiction": "SG" } ],
              "transfers": [ { "id": "t", "mechanism": "Exemption", "exemption": "Emergency", "endpoint": "api.partner.sg", "jurisdiction": "MY" } ] }
            """, "p.json");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(PolicyDiagnosticIds.ContradictoryValues, diagnostic.Id);
        Assert.Equal("transfers[0].jurisdiction: 'MY' differs from the jurisdiction 'SG' that endpoints[0] binds 'api.partner.sg' to", diagnostic.Message);
    }

    [Theory]
    [InlineData("[::1]", "::1")]
    [InlineData("FE80::1", "fe80::1")]
    public void Ipv6AddressesAreAcceptedAndNormalized(string host, string normalized)
    {
        // The policy file shares the resolver's host patterns, which bind IP literals exactly.
        Assert.True(HostPattern.IsValid(host, out var error), error);
        Assert.Equal(normalized, HostPattern.Normalize(host));
        Assert.True(HostPattern.Matches(host, normalized));
    }

    [Fact]
    public void ArbitraryEditsOfTheSampleNeverThrowAndAlwaysPointInsideTheText()
    {
        var sample = RepositoryFiles.Read("samples/policies/jiangsu-ftz-biomedicine.json");
        Gen.Select(Gen.Int[0, sample.Length - 1], Gen.Int[0, 12], Gen.Char["{}[]\":,0123456789-.eEtrfnul/* \nZ"], Gen.Bool)
            .Sample(
                t =>
                {
                    var (start, length, c, insert) = t;
                    var count = Math.Min(length, sample.Length - start);
                    var edited = insert ? sample.Insert(start, new string(c, length)) : sample.Remove(start, count);
                    var result = PolicyFileParser.Parse(edited, "p.json");
                    var lines = edited.Split('\n');
                    foreach (var d in result.Diagnostics)
                    {
                        Assert.InRange(d.Position.Line, 1, lines.Length);
                        Assert.InRange(d.Position.Column, 1, lines[d.Position.Line - 1].Length + 1);
                        Assert.False(string.IsNullOrWhiteSpace(d.Message));
                        Assert.NotNull(PolicyDiagnosticIds.GetTitle(d.Id));
                    }
                },
                iter: 400);
    }
}
