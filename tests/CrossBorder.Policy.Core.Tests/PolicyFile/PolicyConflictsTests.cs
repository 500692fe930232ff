using CrossBorder.Policy.Core.Json;
using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.PolicyFile;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.PolicyFile;

public sealed class PolicyConflictsTests
{
    private const string Text = """
        {
          "version": 1,
          "endpoints": [
            { "host": "api.partner.sg", "jurisdiction": "SG" },
            { "host": "*.storage.example.cn", "domestic": true }
          ],
          "transfers": [
            { "id": "scc-1", "mechanism": "StandardContract", "reference": "SCC-1", "issuedOn": "2025-01-02" },
            { "id": "sa-1", "mechanism": "SecurityAssessment", "reference": "SA-1", "issuedOn": "2024-05-01", "validUntil": "2027-04-30" }
          ]
        }
        """;

    private static readonly PolicyDocument Document = PolicyFileParser.Parse(Text, "crossborder.json").Document;

    private static IReadOnlyList<PolicyDiagnostic> Find(AttributeEndpointBinding[]? endpoints = null, AttributeTransferDeclaration[]? transfers = null) =>
        PolicyConflicts.Find(Document, "crossborder.json", endpoints ?? Array.Empty<AttributeEndpointBinding>(), transfers ?? Array.Empty<AttributeTransferDeclaration>());

    [Fact]
    public void AgreeingDeclarationsDoNotConflict()
    {
        var diagnostics = Find(
            new[]
            {
                new AttributeEndpointBinding("API.partner.sg", "SG", false, "Client.cs(3,2)"),
                new AttributeEndpointBinding("*.storage.example.cn", null, true, "Store.cs(5,2)"),
                new AttributeEndpointBinding("other.example.us", "US", false, "Other.cs(1,1)"),
            },
            new[]
            {
                new AttributeTransferDeclaration("scc-1", TransferMechanism.StandardContract, "SCC-1", null, null, "Sender.cs(9,6)"),
                new AttributeTransferDeclaration("sa-1", TransferMechanism.SecurityAssessment, "SA-1", "2024-05-01", "2027-04-30", "Sender.cs(10,6)"),
                new AttributeTransferDeclaration("unrelated", TransferMechanism.Certification, "C-9", null, null, "Sender.cs(11,6)"),
            });
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void SameHostInDifferentJurisdictionsConflicts()
    {
        var diagnostic = Assert.Single(Find(new[] { new AttributeEndpointBinding("api.partner.sg", "MY", false, "Client.cs(3,2)") }));
        Assert.Equal(PolicyDiagnosticIds.EndpointConflict, diagnostic.Id);
        Assert.Equal(new TextPosition(4, 5), diagnostic.Position);
        Assert.Equal("Client.cs(3,2)", diagnostic.AdditionalLocation);
        Assert.Equal("endpoints[0]: host 'api.partner.sg' is bound to SG here but bound to MY in the attribute at Client.cs(3,2); bind a host to one jurisdiction", diagnostic.Message);
    }

    [Fact]
    public void ForeignAttributeOnADomesticHostConflicts()
    {
        var diagnostic = Assert.Single(Find(new[] { new AttributeEndpointBinding("*.storage.example.cn", "US", false, "Store.cs(5,2)") }));
        Assert.Equal(PolicyDiagnosticIds.EndpointConflict, diagnostic.Id);
        Assert.Equal(new TextPosition(5, 5), diagnostic.Position);
        Assert.Contains("is domestic here but bound to US", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DomesticAttributeOnAForeignHostConflicts()
    {
        var diagnostic = Assert.Single(Find(new[] { new AttributeEndpointBinding("api.partner.sg", null, true, "C.cs(1,1)") }));
        Assert.Contains("bound to SG here but domestic in the attribute", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TransferMechanism.Certification, "SCC-1", null, null, "mechanism StandardContract vs Certification")]
    [InlineData(TransferMechanism.StandardContract, "SCC-2", null, null, "reference 'SCC-1' vs 'SCC-2'")]
    [InlineData(TransferMechanism.StandardContract, null, "2025-01-03", null, "issuedOn '2025-01-02' vs '2025-01-03'")]
    public void SameTransferIdDeclaredDifferentlyConflicts(TransferMechanism mechanism, string? reference, string? issuedOn, string? validUntil, string fragment)
    {
        var diagnostic = Assert.Single(Find(transfers: new[] { new AttributeTransferDeclaration("scc-1", mechanism, reference, issuedOn, validUntil, "Sender.cs(9,6)") }));
        Assert.Equal(PolicyDiagnosticIds.TransferConflict, diagnostic.Id);
        Assert.Equal(new TextPosition(8, 5), diagnostic.Position);
        Assert.Equal("Sender.cs(9,6)", diagnostic.AdditionalLocation);
        Assert.StartsWith("transfers[0]: transfer 'scc-1' differs from the attribute at Sender.cs(9,6): ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllDifferencesAreListedInOneDiagnostic()
    {
        var diagnostic = Assert.Single(Find(transfers: new[] { new AttributeTransferDeclaration("sa-1", TransferMechanism.Certification, "X", "2024-05-02", "2027-05-01", "S.cs(1,1)") }));
        Assert.Equal(new TextPosition(9, 5), diagnostic.Position);
        Assert.Contains("mechanism SecurityAssessment vs Certification; reference 'SA-1' vs 'X'; issuedOn '2024-05-01' vs '2024-05-02'; validUntil '2027-04-30' vs '2027-05-01'", diagnostic.Message, StringComparison.Ordinal);
    }
}
