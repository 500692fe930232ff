using System.Collections.Immutable;
using CrossBorder.Policy.Analyzers.Flow;
using CrossBorder.Policy.Analyzers.Rules;
using CrossBorder.Policy.Analyzers.Tests.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrossBorder.Policy.Analyzers.Tests.Flow;

/// <summary>
/// Issue 4's cost rule: a method from which no sink is reachable is not analysed unless a caller needs its summary.
/// Counted through the engine's counters (not timed).
/// </summary>
public sealed class PreFilterTests
{
    private const string Flow = """
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
        """;

    /// <summary>Business code that touches classified data and calls other methods, but reaches no sink.</summary>
    private static string Unrelated(int count) => string.Concat(Enumerable.Range(0, count).Select(i => $$"""
        class Rules{{i}}
        {
            public static bool Validate(Person p) => p.Email.Length > 0 && Describe(p).Length < 64;
            public static string Describe(Person p) => p.Name + "#" + Count(Repo.All());
            static int Count(List<Person> people) { var n = 0; foreach (var x in people) { n += x.Id; } return n; }
            public int Recurse(int depth) => depth <= 0 ? 0 : Recurse(depth - 1) + 1;
            public string Label { get { return Describe(Repo.Load(2)); } }
        }

        """));

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, FlowEngine Engine)> RunAsync(params string[] sources)
    {
        var compilation = AnalyzerRunner.Compile(sources);
        FlowEngine? engine = null;
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var analyzer = new CrossBorderFlowAnalyzer(e => engine = e);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options).GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
        Assert.Empty(exceptions);
        Assert.NotNull(engine);
        return (diagnostics, engine);
    }

    [Fact]
    public async Task MethodsThatReachNoSinkAreNotAnalysedForThemselves()
    {
        var (diagnostics, engine) = await RunAsync(Flow, Unrelated(10), CrossBorderFlowAnalyzerTests.Model);

        Assert.Equal("CBDT1001", Assert.Single(diagnostics).Id);

        // Analysed: Push, Send, Wrap and Post (they reach the sink) and Repo.Load (Push needs its summary).
        // Nothing of the 10 Rules classes (50 methods and getters), nor Repo.All, nor the Person accessors.
        Assert.Equal(new[] { "Caller.Push", "Helpers.Post", "Helpers.Send", "Helpers.Wrap", "Repo.Load" }, engine.SummarizedMethods);
        Assert.Equal(5, engine.SummaryCount);
        // Concurrent blocks may compute the same summary twice before one publishes it; without the filter every one
        // of the 55 methods and accessors would be analysed.
        Assert.InRange(engine.AnalyzedBodyCount, 5, 20);
        // Of the four blocks that reach the sink, Wrap(string) and Post(string) hold no value that can carry a label:
        // only Push and Send are analysed for themselves (Wrap and Post are summarised for Send).
        Assert.Equal(2, engine.BlocksAnalyzed);
        Assert.Equal(2, engine.BlocksWithoutLabels);
        Assert.True(engine.BlocksSkipped >= 52, $"skipped {engine.BlocksSkipped}");
    }

    /// <summary>
    /// Blocks that reach a sink but hold no value that can carry a label are skipped; every way a label can still reach
    /// such a block must keep it analysed: a field its type's constructor stores a label into, a classified parameter,
    /// a getter, a helper or a lambda's callee that reads classified data, a virtual call.
    /// </summary>
    [Fact]
    public async Task BlocksThatReachASinkWithoutLabelsAreSkipped_AndEveryLabelSourceKeepsABlock()
    {
        const string source = """
            abstract class Source { public abstract string Read(); }
            sealed class PersonSource : Source { private readonly Person _p = Repo.Load(1); public override string Read() => _p.Email; }

            sealed class Client
            {
                private readonly HttpClient _http = new();
                private readonly string _stored;
                private readonly string _plain = "constant";
                public Client(Person p) { _stored = p.Email; }

                public Task Plain() => _http.PostAsync("https://a.foreign.com/in", new StringContent(_plain + DateTime.Now.Ticks));
                public Task FromField() => _http.PostAsync("https://b.foreign.com/in", new StringContent(_stored));
                public Task FromParameter([PersonalInformation] string phone) => _http.PostAsync("https://c.foreign.com/in", new StringContent(phone));
                public Task FromGetter() => _http.PostAsync("https://d.foreign.com/in", new StringContent(Contact));
                public Task FromHelper() => _http.PostAsync("https://e.foreign.com/in", new StringContent(Helper()));
                public Task FromLambda() => _http.PostAsync("https://f.foreign.com/in", new StringContent(string.Join(",", new[] { 1 }.Select(id => Describe(id)))));
                public Task FromVirtual(Source s) => _http.PostAsync("https://g.foreign.com/in", new StringContent(s.Read()));

                private static string Contact => Repo.Load(2).Name;
                private static string Helper() => Repo.Load(3).Email;
                private static string Describe(int id) => Repo.Load(id).Name;
            }
            """;
        var (diagnostics, engine) = await RunAsync(source, CrossBorderFlowAnalyzerTests.Model);

        var messages = diagnostics.Where(static d => d.Id == "CBDT1001").Select(static d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var reported = "abcdefg".Where(x => messages.Any(m => m.Contains(x + ".foreign.com", StringComparison.Ordinal))).ToArray();
        Assert.Equal("bcdefg".ToCharArray(), reported);
        Assert.True(engine.BlocksWithoutLabels >= 1, $"without labels {engine.BlocksWithoutLabels}");
    }

    /// <summary>
    /// Entry points are the methods nothing calls; deciding that binds the call sites of the method's name. Many
    /// methods of one name (every client's <c>SendAsync</c>) must not bind those sites once each.
    /// </summary>
    [Fact]
    public async Task DecidingEntryPointsBindsEachCallSiteOnce()
    {
        const int Clients = 30;
        var clients = string.Concat(Enumerable.Range(0, Clients).Select(i => $$"""
            class Client{{i}}
            {
                public async Task SendAsync(Person p)
                {
                    using var http = new HttpClient();
                    await http.PostAsync("https://api.foreign{{i}}.com/v1/in", new StringContent(p.Email));
                }
                public Task SendAsync(Person p, int retries) => SendAsync(p);
            }

            """));
        var (diagnostics, engine) = await RunAsync(clients, CrossBorderFlowAnalyzerTests.Model);

        // Each one-parameter SendAsync is called (by its overload); the two-parameter ones are entry points, so each
        // reports its flow through the overload.
        Assert.Equal(Clients, diagnostics.Count(static d => d.Id == "CBDT1001"));
        // The 30 call sites of the name SendAsync are bound once each, not once per method that asks (60 methods).
        Assert.Equal(Clients, engine.SitesBound);
    }

    [Fact]
    public async Task ReadingAFieldAnalysesOnlyTheMethodsThatMayStoreIntoIt()
    {
        var readers = string.Concat(Enumerable.Range(0, 12).Select(i => $"    public int Reader{i}() => _http.Timeout.Milliseconds + _count + {i};\n"));
        var (diagnostics, engine) = await RunAsync("""
            public sealed class Client
            {
                private readonly HttpClient _http;
                private int _count;
                private string _pending = "";

                public Client(HttpClient http)
                {
                    _http = http;
                    _http.BaseAddress = new Uri("https://api.partner.sg/");
                }

                public void Remember(Person p) { _pending = p.Email; _count++; }

                public Task Flush() => _http.PostAsync("v1/outbox", new StringContent(_pending));

            """ + readers + "}", CrossBorderFlowAnalyzerTests.Model);

        Assert.Equal("CBDT1001", Assert.Single(diagnostics).Id);

        // Flush reads _http and _pending: the constructor and Remember store into them; the readers do not.
        Assert.Equal(new[] { "Client..ctor", "Client.Flush", "Client.Remember" }, engine.SummarizedMethods);
    }

    [Fact]
    public async Task CostDoesNotGrowWithUnrelatedCode()
    {
        var (_, small) = await RunAsync(Flow, Unrelated(2), CrossBorderFlowAnalyzerTests.Model);
        var (_, large) = await RunAsync(Flow, Unrelated(40), CrossBorderFlowAnalyzerTests.Model);

        Assert.Equal(small.SummarizedMethods, large.SummarizedMethods);
        Assert.Equal(small.BlocksAnalyzed, large.BlocksAnalyzed);
    }

    [Fact]
    public async Task SinksReachedThroughGettersConstructorsDispatchAndLambdasAreKept()
    {
        var (diagnostics, engine) = await RunAsync("""
            public interface IOut { Task Put(Person p); }
            public sealed class Out : IOut { public Task Put(Person p) => new HttpClient().PostAsJsonAsync("https://a.foreign.com/in", p); }

            public sealed class Uploader
            {
                public Uploader(Person p) { _ = new HttpClient().PostAsJsonAsync("https://b.foreign.com/in", p); }
            }

            public sealed class Holder
            {
                public Person Subject { get; set; } = new Person();
                public Task Pending => new HttpClient().PostAsJsonAsync("https://c.foreign.com/in", Subject);
            }

            class C
            {
                Task ViaInterface(IOut o) => o.Put(Repo.Load(1));
                Uploader ViaConstructor() => new Uploader(Repo.Load(2));
                Task ViaGetter() => new Holder().Pending;
                void ViaLambda() => Repo.All().ForEach(p => new HttpClient().PostAsJsonAsync("https://d.foreign.com/in", p));
                void ViaLocalFunction() { Send(); void Send() => new HttpClient().PostAsJsonAsync("https://e.foreign.com/in", Repo.Load(3)); }
                int Unrelated() => Repo.All().Count;
            }
            """, CrossBorderFlowAnalyzerTests.Model);

        Assert.Equal(
            new[] { "ViaInterface", "ViaConstructor", "get_Pending", "ViaLambda", "ViaLocalFunction" }.Order(StringComparer.Ordinal),
            diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split(" via ")[1].Split(' ')[0]).Order(StringComparer.Ordinal));
        Assert.True(engine.BlocksSkipped >= 1);
    }
}
