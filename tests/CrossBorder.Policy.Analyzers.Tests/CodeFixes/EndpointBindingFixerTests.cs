using CrossBorder.Policy.CodeFixes;
using VerifyFix = CrossBorder.Policy.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<CrossBorder.Policy.Analyzers.Rules.CrossBorderFlowAnalyzer, CrossBorder.Policy.CodeFixes.EndpointBindingFixer>;

namespace CrossBorder.Policy.Analyzers.Tests.CodeFixes;

/// <summary>CBDT1005: binding the sending client to a domestic endpoint resolves the destination (no CBDT1005 is left).</summary>
public sealed class EndpointBindingFixerTests
{
    private const string Model = """
        global using System.Net.Http;
        global using System.Threading.Tasks;
        global using CrossBorder.Policy;

        public class Person
        {
            [PersonalInformation] public string Email { get; set; } = "";
        }

        public static class Repo
        {
            public static Person Load() => new Person();
        }
        """;

    private static Task VerifyAsync(string source, string fixedSource, int iterations = 1)
    {
        var test = new VerifyFix.Test
        {
            CodeActionEquivalenceKey = EndpointBindingFixer.DomesticTitle,
            NumberOfIncrementalIterations = iterations,
            NumberOfFixAllIterations = iterations == 0 ? 0 : 1,
        };
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(Model);
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.Sources.Add(Model);
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public Task FieldClientIsBound() => VerifyAsync(
        """
        class Sender
        {
            private readonly HttpClient _http = new HttpClient();

            async Task Run(string url)
            {
                await {|CBDT1005:_http.PostAsync(url + "/x", new StringContent(Repo.Load().Email))|};
            }
        }
        """,
        """
        class Sender
        {
            [DomesticEndpoint]
            private readonly HttpClient _http = new HttpClient();

            async Task Run(string url)
            {
                await _http.PostAsync(url + "/x", new StringContent(Repo.Load().Email));
            }
        }
        """);

    [Fact]
    public Task FixAllBindsEveryClientParameter() => VerifyAsync(
        """
        class Sender
        {
            async Task A(HttpClient http, string url)
            {
                await {|CBDT1005:http.PostAsync(url, new StringContent(Repo.Load().Email))|};
            }

            async Task B(HttpClient other, string url)
            {
                await {|CBDT1005:other.PostAsync(url, new StringContent(Repo.Load().Email))|};
            }
        }
        """,
        """
        class Sender
        {
            async Task A([DomesticEndpoint] HttpClient http, string url)
            {
                await http.PostAsync(url, new StringContent(Repo.Load().Email));
            }

            async Task B([DomesticEndpoint] HttpClient other, string url)
            {
                await other.PostAsync(url, new StringContent(Repo.Load().Email));
            }
        }
        """,
        iterations: 2);

    [Fact]
    public Task NoFixWhenTheClientIsNotAMemberOrParameter()
    {
        const string Source = """
            class Sender
            {
                async Task Run(string url)
                {
                    await {|CBDT1005:new HttpClient().PostAsync(url, new StringContent(Repo.Load().Email))|};
                }
            }
            """;
        return VerifyAsync(Source, Source, iterations: 0);
    }
}
