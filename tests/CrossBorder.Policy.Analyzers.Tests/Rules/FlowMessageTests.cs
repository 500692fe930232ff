using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrossBorder.Policy.Analyzers.Tests.Rules;

/// <summary>Messages, additional locations and document-scoped (IDE) analysis of the flow rules.</summary>
public sealed class FlowMessageTests
{
    private const string Caller = """
        class Caller
        {
            async Task Push()
            {
                var p = Repo.Load(1);
                await Helpers.Send(p);
            }
        }
        """;

    private const string Sink = """
        static class Helpers
        {
            public static Task Send(Person p) => Wrap(p.Email);
            static Task Wrap(string value) => Post("payload=" + value);
            static async Task Post(string body)
            {
                using var http = new HttpClient();
                await http.PostAsync("https://api.foreign.com/v1/in", new StringContent(body));
            }
        }
        """;

    /// <summary>Core's explanation of how a host is placed (the message quotes it; its wording is Core's).</summary>
    private static string Explain(string host)
    {
        Assert.True(CrossBorder.Policy.Core.Jurisdictions.JurisdictionResolver.Default.TryResolve(host, out var resolution, out _));
        return resolution.Explanation;
    }

    [Fact]
    public async Task MessageNamesDataOriginHostJurisdictionAndChain()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(Caller, Sink, CrossBorderFlowAnalyzerTests.Model);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CBDT1001", diagnostic.Id);
        Assert.Equal(
            "Personal information from 'Person.Email' reaches 'api.foreign.com' (" + Explain("api.foreign.com") + ") via Push -> Send -> Wrap -> Post -> HttpClient.PostAsync with no covering [CrossBorderTransfer] authorization",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("File0.cs", diagnostic.Location.SourceTree!.FilePath);
        var sinkLocation = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal("File1.cs", sinkLocation.SourceTree!.FilePath);
        Assert.StartsWith("http.PostAsync(", sinkLocation.SourceTree.ToString().Substring(sinkLocation.SourceSpan.Start), StringComparison.Ordinal);
        Assert.Equal(RuleIdentifiers.GetHelpUri("CBDT1001"), diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public async Task DocumentScopedAnalysisFindsFlowWhoseSinkIsInAnotherFile()
    {
        var compilation = AnalyzerRunner.Compile(Caller, Sink, CrossBorderFlowAnalyzerTests.Model);
        var exceptions = new List<Exception>();
        var analyzers = AnalyzerRunner.WithAnalyzer(compilation, exceptions);
        var cancellationToken = TestContext.Current.CancellationToken;

        var callerModel = compilation.GetSemanticModel(compilation.SyntaxTrees.First());
        var callerDiagnostics = await analyzers.GetAnalyzerSemanticDiagnosticsAsync(callerModel, filterSpan: null, cancellationToken);
        var sinkModel = compilation.GetSemanticModel(compilation.SyntaxTrees.ElementAt(1));
        var sinkDiagnostics = await analyzers.GetAnalyzerSemanticDiagnosticsAsync(sinkModel, filterSpan: null, cancellationToken);

        Assert.Empty(exceptions);
        var diagnostic = Assert.Single(callerDiagnostics);
        Assert.Equal("CBDT1001", diagnostic.Id);
        Assert.Contains("Push -> Send -> Wrap -> Post -> HttpClient.PostAsync", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(sinkDiagnostics);
    }

    [Fact]
    public async Task UnresolvedEndpointMessageSaysWhy()
    {
        var diagnostics = await AnalyzerRunner.RunAsync("""
            class C
            {
                public async Task Upload(HttpClient http)
                {
                    await http.PostAsJsonAsync(Environment.GetEnvironmentVariable("PARTNER_URL"), Repo.Load(1));
                }
            }
            """, CrossBorderFlowAnalyzerTests.Model);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CBDT1005", diagnostic.Id);
        Assert.Equal(
            "Personal information from 'Person.Email', 'Person.Name' reaches an endpoint whose destination cannot be determined at compile time (the URL is not a constant and the client is not bound to an endpoint) via Upload -> HttpClient.PostAsJsonAsync",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AttributeBindingIsNamedInMessage()
    {
        var diagnostics = await AnalyzerRunner.RunAsync("""
            [ForeignEndpoint("SG")]
            class PartnerApi
            {
                private readonly HttpClient _http = new HttpClient();
                public Task Upload() => _http.PostAsJsonAsync("v1/people", Repo.Load(1).Email);
            }
            """, CrossBorderFlowAnalyzerTests.Model);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Contains("reaches 'an endpoint in SG' (outside mainland China, in SG, by [ForeignEndpoint(\"SG\")] on 'PartnerApi')", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopLevelStatementsAreAnalysed()
    {
        var compilation = AnalyzerRunner.Compile(
            OutputKind.ConsoleApplication,
            System.Collections.Immutable.ImmutableArray<MetadataReference>.Empty,
            """
            using var http = new HttpClient();
            var p = Repo.Load(1);
            await http.PostAsJsonAsync("https://api.foreign.com/v1/people", p);
            await http.PostAsJsonAsync("https://api.example.cn/v1/people", p);
            """,
            CrossBorderFlowAnalyzerTests.Model);

        var diagnostics = await AnalyzerRunner.RunAsync(compilation);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CBDT1001", diagnostic.Id);
        Assert.Contains("'api.foreign.com'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultsAreDeterministicUnderConcurrentExecution()
    {
        var sources = new[] { Caller, Sink, CrossBorderFlowAnalyzerTests.Model };
        var first = await AnalyzerRunner.RunAsync(sources);
        var runs = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => AnalyzerRunner.RunAsync(sources))));
        foreach (var run in runs)
        {
            Assert.Equal(
                first.Select(d => d.ToString()),
                run.Select(d => d.ToString()));
        }
    }
}
