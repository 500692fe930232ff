using System.Collections.Immutable;
using System.Threading;
using CrossBorder.Policy.Analyzers.Flow;
using CrossBorder.Policy.Analyzers.Tests.Rules;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Tests.Flow;

/// <summary>The engine below the analyzer: laziness, cancellation, type labels and referenced assemblies.</summary>
public sealed class FlowEngineTests
{
    private const string Chain = """
        class Caller
        {
            async Task Push()
            {
                var p = Repo.Load(1);
                await Helpers.Send(p);
            }
        }

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

        class Unrelated
        {
            void A() => B();
            void B() { }
        }
        """;

    private static FlowEngine CreateEngine(Compilation compilation) =>
        new(compilation, new JurisdictionLookup(compilation, policy: null, policyPath: null), SinkCatalog.Default);

    private static IMethodSymbol Method(Compilation compilation, string type, string name) =>
        (IMethodSymbol)compilation.GetTypeByMetadataName(type)!.GetMembers(name).Single();

    [Fact]
    public void SummariesAreComputedOnlyForWhatTheMethodReaches()
    {
        var compilation = AnalyzerRunner.Compile(Chain, CrossBorderFlowAnalyzerTests.Model);
        var engine = CreateEngine(compilation);

        var summary = engine.GetSummary(Method(compilation, "Caller", "Push"), null, TestContext.Current.CancellationToken);

        Assert.Single(summary.Findings);
        // Push, Repo.Load, Send, Wrap and Post; nothing of Unrelated.
        Assert.Equal(5, engine.SummaryCount);
    }

    [Fact]
    public void CancelledAnalysisLeavesNoHalfWrittenCache()
    {
        var compilation = AnalyzerRunner.Compile(Chain, CrossBorderFlowAnalyzerTests.Model);
        var engine = CreateEngine(compilation);
        var push = Method(compilation, "Caller", "Push");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => engine.GetSummary(push, null, cancelled.Token));
        Assert.Equal(0, engine.SummaryCount);

        var summary = engine.GetSummary(push, null, TestContext.Current.CancellationToken);
        Assert.Single(summary.Findings);
    }

    [Fact]
    public void CalleeSummaryRecordsParameterPathsReachingTheSink()
    {
        var compilation = AnalyzerRunner.Compile(Chain, CrossBorderFlowAnalyzerTests.Model);
        var engine = CreateEngine(compilation);

        var send = engine.GetSummary(Method(compilation, "Helpers", "Send"), null, TestContext.Current.CancellationToken);

        Assert.Empty(send.Findings);
        var flow = Assert.Single(send.SinkFlows);
        Assert.Equal("0.Email", Assert.Single(flow.DataParams).ToString());
        Assert.Equal(new[] { "Wrap", "Post", "HttpClient.PostAsync" }, flow.Chain);
        Assert.Equal(new[] { "api.foreign.com" }, flow.Endpoint.Hosts);
    }

    [Fact]
    public void TypeLabelsGoThroughContainersAndSurviveCycles()
    {
        var compilation = AnalyzerRunner.Compile("""
            public class Node
            {
                public Node? Next { get; set; }
                public List<Node> Children { get; } = new();
                [PersonalInformation] public string Name { get; set; } = "";
            }

            public struct Reading
            {
                [SensitivePersonalInformation(SensitiveCategory.MedicalHealth)] public double Glucose;
            }

            public class Holder
            {
                public Dictionary<string, Person[]> People { get; } = new();
                public Task<Reading?> Pending { get; set; } = Task.FromResult<Reading?>(null);
                public (int Id, GenomeSample Sample) Pair { get; set; }
            }

            public class Plain
            {
                public int Id { get; set; }
                public Plain? Parent { get; set; }
            }
            """, CrossBorderFlowAnalyzerTests.Model);
        var labeler = new TypeLabeler();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(new[] { "PersonalInformation" }, labeler.GetTypeLabels(compilation.GetTypeByMetadataName("Node"), ct).Tags);
        Assert.Equal(
            new[] { "ImportantData:BIO-001", "PersonalInformation", "SensitivePersonalInformation:MedicalHealth" },
            labeler.GetTypeLabels(compilation.GetTypeByMetadataName("Holder"), ct).Tags);
        Assert.True(labeler.GetTypeLabels(compilation.GetTypeByMetadataName("Plain"), ct).IsEmpty);
        Assert.Contains("Reading.Glucose", labeler.GetTypeLabels(compilation.GetTypeByMetadataName("Holder"), ct).Origins);
    }

    [Fact]
    public async Task P37_LabelsDeclaredInReferencedAssemblyDtos()
    {
        var library = AnalyzerRunner.EmitLibrary("Contracts", """
            using CrossBorder.Policy;

            namespace Contracts
            {
                public class Patient
                {
                    public int Id { get; set; }
                    [SensitivePersonalInformation(SensitiveCategory.MedicalHealth)] public string Diagnosis { get; set; } = "";
                }
            }
            """);

        var diagnostics = await AnalyzerRunner.RunAsync(ImmutableArray.Create(library), """
            class C
            {
                async Task Run(HttpClient http, Func<Contracts.Patient> load)
                {
                    var patient = load();
                    await http.PostAsync("https://api.foreign.com/v1/ids", new StringContent(patient.Id.ToString()));
                    await http.PostAsync("https://api.foreign.com/v1/dx", new StringContent(patient.Diagnosis));
                }
            }
            """, CrossBorderFlowAnalyzerTests.Model);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CBDT1001", diagnostic.Id);
        Assert.Contains("Sensitive personal information (MedicalHealth) from 'Patient.Diagnosis'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void HostPatternsAndUrlTemplates()
    {
        Assert.Equal("api.foreign.com", UrlTemplate.HostOf("https://api.foreign.com/v1/x"));
        Assert.Equal("api.foreign.com", UrlTemplate.HostOf("https://user@API.Foreign.com:8443/v1"));
        Assert.Equal("api.foreign.com", UrlTemplate.HostOf("https://api.foreign.com/users/" + AbsValue.Unknown));
        Assert.Null(UrlTemplate.HostOf("https://" + AbsValue.Unknown + "/v1"));
        Assert.Null(UrlTemplate.HostOf("https://api." + AbsValue.Unknown));
        Assert.Null(UrlTemplate.HostOf("v1/people"));
        Assert.Equal("10.0.0.7", UrlTemplate.HostOf("http://10.0.0.7:8080/x"));
        Assert.Equal("::1", UrlTemplate.HostOf("http://[::1]:5000/x"));
        Assert.True(UrlTemplate.PatternMatches("*.partner.sg", "api.partner.sg"));
        Assert.False(UrlTemplate.PatternMatches("*.partner.sg", "partner.sg"));
        Assert.False(UrlTemplate.PatternMatches("*.partner.sg", "evilpartner.sg"));
        Assert.False(UrlTemplate.PatternMatches("not a pattern!", "evilpartner.sg"));
        Assert.Equal("https://a.example/v1/people", UrlTemplate.Combine("https://a.example/v1/", "/people"));
    }
}
