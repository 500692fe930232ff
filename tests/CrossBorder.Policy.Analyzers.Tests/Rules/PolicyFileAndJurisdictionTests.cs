using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Tests.Rules;

/// <summary>Jurisdiction resolution through Core's resolver, the policy file (CBDT9xxx, endpoints, transfers, defaults).</summary>
public sealed class PolicyFileAndJurisdictionTests
{
    private static string Send(string url) => $$"""
        class C
        {
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                await http.PostAsJsonAsync("{{url}}", p);
            }
        }
        """;

    [Fact]
    public async Task UnknownHostIsForeignAndTheMessageSaysHowItWasResolved()
    {
        var diagnostics = await PolicyRunner.RunAsync(Send("https://api.partner.example/v1"), policy: null);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CBDT1001", diagnostic.Id);
        Assert.Contains("unknown host is treated as outside mainland China", PolicyRunner.Message(diagnostic), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:5000/api")]
    [InlineData("http://10.1.2.3/api")]
    [InlineData("http://192.168.0.7:8080/api")]
    [InlineData("https://api.example.cn/v1")]
    public async Task InternalAndMainlandHostsAreNotTransfers(string url)
    {
        Assert.Empty(await PolicyRunner.RunAsync(Send(url), policy: null));
    }

    [Fact]
    public async Task PolicyFileEndpointMakesHostDomestic()
    {
        const string policy = """{ "version": 1, "endpoints": [ { "host": "*.partner.example", "domestic": true } ] }""";
        Assert.Empty(await PolicyRunner.RunAsync(Send("https://api.partner.example/v1"), policy));
    }

    [Fact]
    public async Task PolicyFileEndpointWinsOverAttributeAndIsNamedInTheMessage()
    {
        const string policy = """{ "version": 1, "endpoints": [ { "host": "api.partner.example", "jurisdiction": "SG" } ] }""";
        var source = "[assembly: DomesticEndpoint(Host = \"*.partner.example\")]\n" + Send("https://api.partner.example/v1");
        var diagnostic = Assert.Single(await PolicyRunner.RunAsync(source, policy));
        Assert.Equal("CBDT1001", diagnostic.Id);
        var message = PolicyRunner.Message(diagnostic);
        Assert.Contains("Singapore", message, StringComparison.Ordinal);
        Assert.Contains("crossborder.json (1,32)", message, StringComparison.Ordinal);
        Assert.DoesNotContain("DomesticEndpoint", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttributeHostPatternOnATypeResolvesHostsEverywhere()
    {
        var source = Send("https://api.partner.example/v1") + """

            [DomesticEndpoint(Host = "*.partner.example")]
            class PartnerClient { }
            """;
        Assert.Empty(await PolicyRunner.RunAsync(source, policy: null));
    }

    [Fact]
    public async Task UnknownHostJurisdictionDefaultFromPolicyFile()
    {
        const string domestic = """{ "version": 1, "defaults": { "unknownHostJurisdiction": "domestic" } }""";
        Assert.Empty(await PolicyRunner.RunAsync(Send("https://api.partner.example/v1"), domestic));

        const string singapore = """{ "version": 1, "defaults": { "unknownHostJurisdiction": "SG" } }""";
        var diagnostic = Assert.Single(await PolicyRunner.RunAsync(Send("https://api.partner.example/v1"), singapore));
        Assert.Contains("configured default places unknown hosts in", PolicyRunner.Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyFileTransferAuthorizesTheFlow()
    {
        const string policy = """
            {
              "version": 1,
              "transfers": [
                {
                  "id": "scc-partner",
                  "mechanism": "StandardContract",
                  "reference": "SCC-2025-001",
                  "issuedOn": "2025-06-01",
                  "endpoint": "*.partner.example",
                  "categories": ["PersonalInformation"],
                  "estimatedSubjectsPerYear": 5000
                }
              ]
            }
            """;
        var authorized = PolicyRunner.Authorized(await PolicyRunner.RunAsync(Send("https://api.partner.example/v1"), policy), "scc-partner");
        Assert.Equal("policy-file", authorized.Properties[DiagnosticPropertyKeys.AuthorizationDeclaredOn]);
        Assert.Equal("api.partner.example", authorized.Properties[DiagnosticPropertyKeys.Host]);
        Assert.Equal("DefaultForUnknownHosts", authorized.Properties[DiagnosticPropertyKeys.JurisdictionResolution]);
        Assert.Contains("authorized by crossborder.json transfer 'scc-partner' (StandardContract, SCC-2025-001)", PolicyRunner.Message(authorized), StringComparison.Ordinal);
        Assert.Equal("CBDT1001", Assert.Single(await PolicyRunner.RunAsync(Send("https://api.other.example/v1"), policy)).Id);
    }

    [Fact]
    public async Task PolicyFileTransferWithoutVolumesIsNotAdequate()
    {
        const string policy = """
            { "version": 1, "transfers": [ { "id": "scc", "mechanism": "StandardContract", "reference": "SCC-1", "issuedOn": "2025-06-01", "jurisdiction": "SG" } ],
              "endpoints": [ { "host": "api.partner.example", "jurisdiction": "SG" } ] }
            """;
        var diagnostic = Assert.Single(await PolicyRunner.RunAsync(Send("https://api.partner.example/v1"), policy));
        Assert.Equal("CBDT1003", diagnostic.Id);
        Assert.Contains("crossborder.json transfer 'scc'", PolicyRunner.Message(diagnostic), StringComparison.Ordinal);
        Assert.Contains("Provisions 2024 Art.", PolicyRunner.Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyntaxErrorIsReportedAtItsLineAndColumnInThePolicyFile()
    {
        var diagnostics = await PolicyRunner.RunAsync(Send("https://api.example.cn/v1"), "{\n  \"version\": 1,\n  \"endpoints\": [ oops ]\n}\n");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CBDT9001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/repo/crossborder.json", span.Path);
        Assert.Equal(2, span.StartLinePosition.Line);
        Assert.Equal(DiagnosticDescriptors.PolicyFile["CBDT9001"].HelpLinkUri, diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public async Task InvalidValuesAreReportedWithCoreIds()
    {
        const string policy = """
            {
              "version": 1,
              "endpoints": [ { "host": "api.partner.example", "jurisdiction": "UK" } ],
              "transfers": [ { "id": "t", "mechanism": "StandardContract", "issuedOn": "2025-13-01", "jurisdiction": "SG" } ]
            }
            """;
        var ids = (await PolicyRunner.RunAsync(Send("https://api.example.cn/v1"), policy)).Select(d => d.Id).ToArray();
        Assert.Contains("CBDT9007", ids);
        Assert.Contains("CBDT9005", ids);
    }

    [Fact]
    public async Task SecondPolicyFileIsCBDT9021AndIgnored()
    {
        var compilation = AnalyzerRunner.Compile(Send("https://api.partner.example/v1"), CrossBorderFlowAnalyzerTests.Model);
        var diagnostics = await PolicyRunner.RunAsync(compilation, new[]
        {
            ("/repo/crossborder.json", (string?)"""{ "version": 1, "endpoints": [ { "host": "*.partner.example", "domestic": true } ] }""", true),
            ("/repo/other/policy.json", (string?)"""{ "version": 1 }""", true),
        });
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CBDT9021", diagnostic.Id);
        Assert.Equal("/repo/other/policy.json", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public async Task MarkedFileWinsOverAFileNamedCrossborderJson()
    {
        var compilation = AnalyzerRunner.Compile(Send("https://api.partner.example/v1"), CrossBorderFlowAnalyzerTests.Model);
        var diagnostics = await PolicyRunner.RunAsync(compilation, new[]
        {
            ("/repo/crossborder.json", (string?)"{ broken", false),
            ("/repo/config/policy.jsonc", (string?)"""{ "version": 1, "endpoints": [ { "host": "*.partner.example", "domestic": true } ] }""", true),
        });
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task PolicyFileAndAttributesThatDisagreeAreCBDT9014AndCBDT9015()
    {
        const string policy = """
            {
              "version": 1,
              "endpoints": [ { "host": "api.partner.example", "jurisdiction": "SG" } ],
              "transfers": [ { "id": "t-1", "mechanism": "StandardContract", "reference": "SC-1", "issuedOn": "2025-06-01", "endpoint": "api.partner.example", "estimatedSubjectsPerYear": 10 } ]
            }
            """;
        const string source = """
            [assembly: ForeignEndpoint("US", Host = "api.partner.example")]

            class C
            {
                [CrossBorderTransfer(Id = "t-1", Mechanism = TransferMechanism.StandardContract, Reference = "SC-2", IssuedOn = "2025-06-01", EstimatedSubjectsPerYear = 10)]
                void A() { }
            }
            """;
        var diagnostics = await PolicyRunner.RunAsync(source, policy);
        var endpoint = Assert.Single(diagnostics, d => d.Id == "CBDT9014");
        Assert.Equal("/repo/crossborder.json", endpoint.Location.GetLineSpan().Path);
        Assert.Contains("File0.cs(1,", PolicyRunner.Message(endpoint), StringComparison.Ordinal);
        Assert.Single(diagnostics, d => d.Id == "CBDT9015");

        // Agreeing declarations are no conflict.
        var agreeing = source.Replace("\"US\"", "\"SG\"", StringComparison.Ordinal).Replace("SC-2", "SC-1", StringComparison.Ordinal);
        Assert.DoesNotContain(await PolicyRunner.RunAsync(agreeing, policy), d => d.Id is "CBDT9014" or "CBDT9015");
    }

    [Fact]
    public async Task UnreadablePolicyFileIsCBDT9020()
    {
        var compilation = AnalyzerRunner.Compile(Send("https://api.example.cn/v1"), CrossBorderFlowAnalyzerTests.Model);
        var diagnostics = await PolicyRunner.RunAsync(compilation, new[] { ("/repo/crossborder.json", (string?)null, true) });
        Assert.Equal("CBDT9020", Assert.Single(diagnostics).Id);
    }

    public static TheoryData<string> TruncatedFlows()
    {
        const string full = """
            [assembly: CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-1", IssuedOn = "2020-01-01", Endpoint = "*.foreign.com")]
            class C
            {
                async Task Run(HttpClient http, string url)
                {
                    var p = Repo.Load(1);
                    var body = $"{p.Email}:{p.Name}";
                    await http.PostAsync("https://api.foreign.com/v1/" + p.Id, new StringContent(body));
                    await http.PostAsJsonAsync(url, new GenomeSample());
                    foreach (var q in Repo.All()) { await Send(http, q); }
                }
                static Task Send(HttpClient http, Person q) => http.PostAsJsonAsync("https://x.example/v1", q.Email);
            }
            """;
        var data = new TheoryData<string>();
        for (var length = 0; length <= full.Length; length += 9)
        {
            data.Add(full.Substring(0, length));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TruncatedFlows))]
    public async Task TruncatedFlowSourcesNeverThrow(string source)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var trees = new[]
        {
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, path: "Truncated.cs", cancellationToken: cancellationToken),
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(CrossBorderFlowAnalyzerTests.Model, path: "Model.cs", cancellationToken: cancellationToken),
        };
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("T", trees, TestReferences.All, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        await PolicyRunner.RunAsync(compilation, new[] { ("/repo/crossborder.json", (string?)"""{ "version": 1, "transfers": [ { "id": "t", "mechanism": "StandardContract", "reference": "S", "endpoint": "*.example" } ] }""", true) });
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{ \"version\": ")]
    [InlineData("[1, 2")]
    [InlineData("")]
    [InlineData("{ \"transfers\": [ { \"id\": ")]
    public async Task TruncatedPolicyFilesNeverThrow(string text)
    {
        var diagnostics = await PolicyRunner.RunAsync(Send("https://api.example.cn/v1"), text);
        Assert.All(diagnostics, d => Assert.StartsWith("CBDT90", d.Id, StringComparison.Ordinal));
        Assert.NotEmpty(diagnostics);
    }
}

/// <summary>The end-to-end consumer's source, analysed in process (file-scoped namespace, expression bodies, no global usings).</summary>
public sealed class ConsumerShapedSourceTests
{
    [Fact]
    public async Task FileScopedNamespaceAndExpressionBodies()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using CrossBorder.Policy;

            namespace Shop;

            public class Customer
            {
                public int Id { get; set; }

                [PersonalInformation]
                public string Email { get; set; } = "";
            }

            public static class Customers
            {
                public static Customer Load(int id) => new Customer { Id = id };
            }

            public static class Sync
            {
                public static Task Abroad(HttpClient http, int id) =>
                    http.PostAsJsonAsync("https://crm.foreign-vendor.com/v1/customers", Customers.Load(id));

                public static Task AtHome(HttpClient http, int id) =>
                    http.PostAsJsonAsync("https://crm.partner.example/v1/customers", Customers.Load(id));
            }
            """;
        var compilation = AnalyzerRunner.Compile(source);
        var diagnostics = await PolicyRunner.RunAsync(compilation, new[] { ("/repo/crossborder.json", (string?)"""{ "version": 1, "endpoints": [ { "host": "*.partner.example", "domestic": true } ] }""", true) });
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CBDT1001", diagnostic.Id);
    }
}
