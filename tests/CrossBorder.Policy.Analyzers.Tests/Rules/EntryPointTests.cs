using CrossBorder.Policy.Analyzers.Flow;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = CrossBorder.Policy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CrossBorder.Policy.Analyzers.Rules.CrossBorderFlowAnalyzer>;

namespace CrossBorder.Policy.Analyzers.Tests.Rules;

/// <summary>
/// Entry points (<c>crossborder.entry_points</c>): a method whose parameters reach a sink and that nothing in the
/// compilation calls reports the flow itself, with the labels of the parameters' declared types; a method with a
/// caller leaves the finding to the caller.
/// </summary>
public sealed class EntryPointTests
{
    private static Task VerifyAsync(string source) => VerifyCS.VerifyAnalyzerAsync(source, CrossBorderFlowAnalyzerTests.Model);

    private static Task VerifyWithOptionAsync(string value, params string[] sources)
    {
        var test = new VerifyCS.Test();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.TestState.Sources.Add(CrossBorderFlowAnalyzerTests.Model);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"""
            root = true

            [*]
            {FlowEngine.EntryPointsKey} = {value}
            """));
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    private static string Controller(bool flagged) => $$"""
        public class PatientController
        {
            private readonly HttpClient _client = new HttpClient();

            public Task Upload(Person p) => {{(flagged ? "{|CBDT1001:" : string.Empty)}}_client.PostAsJsonAsync("https://x.example.com/records", p){{(flagged ? "|}" : string.Empty)}};
        }
        """;

    [Fact]
    public Task UncalledActionReportsItsParameterAtTheSink() => VerifyAsync(Controller(flagged: true));

    [Fact]
    public Task OptionNoneReportsNothing() => VerifyWithOptionAsync("none", Controller(flagged: false));

    [Fact]
    public Task OptionUncalledIsTheDefault() => VerifyWithOptionAsync("uncalled", Controller(flagged: true));

    [Fact]
    public Task UnknownOptionValueMeansUncalled() => VerifyWithOptionAsync("sometimes", Controller(flagged: true));

    [Fact]
    public Task MemberPrecisionAtEntryPoints() => VerifyAsync("""
        public class Api
        {
            private readonly HttpClient _http = new HttpClient();

            public Task SendId(Person p) => _http.PostAsync("https://api.foreign.com/v1/ids", new StringContent(p.Id.ToString()));

            public Task SendMail(Person p) => {|CBDT1001:_http.PostAsync("https://api.foreign.com/v1/mail", new StringContent(p.Email))|};

            public Task SendDto(PersonDto dto, string note) => _http.PostAsJsonAsync("https://api.foreign.com/v1/dto", new { dto.Name, note });
        }
        """);

    [Fact]
    public Task CalledMethodLeavesTheFindingToItsCaller() => VerifyAsync("""
        public class Api
        {
            private readonly HttpClient _http = new HttpClient();

            public Task Send(Person p) => _http.PostAsJsonAsync("https://api.foreign.com/v1/in", p);

            public Task Clean() => Send(null!);

            public async Task Run() => await {|CBDT1001:Send(Repo.Load(1))|};
        }
        """);

    [Fact]
    public Task PublicModeReportsVisibleMethodsEvenWithCallers() => VerifyWithOptionAsync("public", """
        public class Api
        {
            private readonly HttpClient _http = new HttpClient();

            public Task Send(Person p) => {|CBDT1001:_http.PostAsJsonAsync("https://api.foreign.com/v1/in", p)|};

            internal Task SendInternal(Person p) => _http.PostAsJsonAsync("https://api.foreign.com/v1/in", p);

            public async Task Run()
            {
                await {|CBDT1001:Send(Repo.Load(1))|};
                await {|CBDT1001:SendInternal(Repo.Load(2))|};
            }
        }
        """);

    [Fact]
    public Task EntryPointFindingGoesToTheCallInTheMethod() => VerifyAsync("""
        public class Api
        {
            public Task Forward(Person p) => {|CBDT1001:Helpers.Post(p.Name)|};
        }

        static class Helpers
        {
            public static Task Post(string body) => new HttpClient().PostAsync("https://api.foreign.com/v1/in", new StringContent(body));
        }
        """);

    [Fact]
    public Task UnclassifiedParameterTypesReportNothing() => VerifyAsync("""
        public class Api
        {
            private readonly HttpClient _http = new HttpClient();

            public Task Send(string body, PersonDto dto) => _http.PostAsJsonAsync("https://api.foreign.com/v1/in", new { body, dto });
        }
        """);

    [Fact]
    public Task ParameterEndpointAndParameterDataAreUnresolved() => VerifyAsync("""
        public class Api
        {
            public Task Send(HttpClient http, string url, Person p) => {|CBDT1005:http.PostAsJsonAsync(url, p)|};
        }
        """);

    [Fact]
    public Task CallersThatAreNeverAnalysedDoNotCount() => VerifyAsync("""
        public class Api
        {
            private static readonly HttpClient Http = new HttpClient();

            // Used in a stored lambda and in a field initializer: the engine finishes no flow at either, so each
            // method reports its own parameters. A method group passed to a call is run there, so ByGroup's flow is
            // reported where it is passed (MethodGroupTests).
            public static void ByGroup(Person p) => Http.PostAsJsonAsync("https://api.foreign.com/v1/a", p).Wait();

            public static Task ByStoredLambda(Person p) => {|CBDT1001:Http.PostAsJsonAsync("https://api.foreign.com/v1/b", p)|};

            public static Task ByInitializer(Person p) => {|CBDT1001:Http.PostAsJsonAsync("https://api.foreign.com/v1/c", p)|};

            private readonly Task _pending = ByInitializer(new Person());

            public void Wire(List<Person> people)
            {
                Func<Person, Task> stored = p => ByStoredLambda(p);
                {|CBDT1001:people.ForEach(ByGroup)|};
            }
        }
        """);

    [Fact]
    public Task CallInsideALambdaPassedToACallCounts() => VerifyAsync("""
        public class Api
        {
            private static readonly HttpClient Http = new HttpClient();

            public static Task Send(Person p) => Http.PostAsJsonAsync("https://api.foreign.com/v1/a", p);

            public Task Run() => Task.Run(() => {|CBDT1001:Send(Repo.Load(1))|});
        }
        """);

    [Fact]
    public Task CallerInGeneratedCodeDoesNotCount() => VerifyCS.VerifyAnalyzerAsync(
        """
        public class Handlers
        {
            public static Task Handle(Person p) => {|CBDT1001:new HttpClient().PostAsJsonAsync("https://api.foreign.com/v1/a", p)|};
        }
        """,
        """
        // <auto-generated/>
        static class Dispatcher
        {
            public static Task Dispatch(Person p) => Handlers.Handle(p);
        }
        """,
        CrossBorderFlowAnalyzerTests.Model);

    [Fact]
    public Task ConstructorsAndSetters() => VerifyAsync("""
        public class Uploader
        {
            private readonly HttpClient _http = new HttpClient();

            public Uploader(Person p)
            {
                _ = {|CBDT1001:_http.PostAsJsonAsync("https://api.foreign.com/v1/ctor", p)|};
            }

            public Uploader(GenomeSample sample, int copies)
            {
                _ = _http.PostAsJsonAsync("https://api.foreign.com/v1/sample", sample);
            }

            // The engine does not follow setters where a property is assigned: a setter is always an entry point.
            public Person Current
            {
                set => {|CBDT1001:_http.PostAsJsonAsync("https://api.foreign.com/v1/setter", value)|};
            }
        }

        public class Factory
        {
            public Uploader Make() => {|CBDT1001:new Uploader(new GenomeSample(), 2)|};
        }
        """);

    [Fact]
    public Task LambdaParametersCarryTheirDeclaredTypesLabels() => VerifyAsync("""
        public static class Routes
        {
            public static void MapPost(string path, Func<Person, Task> handler) { }
        }

        public class Startup
        {
            private static readonly HttpClient Http = new HttpClient();

            public void Configure()
            {
                Routes.MapPost("/people", p => {|CBDT1001:Http.PostAsJsonAsync("https://api.foreign.com/v1/in", p)|});
                Routes.MapPost("/ids", p => Http.PostAsync("https://api.foreign.com/v1/ids", new StringContent(p.Id.ToString())));
            }
        }
        """);

    [Fact]
    public Task LambdaParametersWithOptionNone() => VerifyWithOptionAsync("none", """
        public static class Routes
        {
            public static void MapPost(string path, Func<Person, Task> handler) { }
        }

        public class Startup
        {
            private static readonly HttpClient Http = new HttpClient();

            public void Configure() => Routes.MapPost("/people", p => Http.PostAsJsonAsync("https://api.foreign.com/v1/in", p));
        }
        """);

    [Fact]
    public Task ParameterAndConcreteDataAtOneSinkAreOneFinding() => VerifyAsync("""
        public class Api
        {
            private readonly HttpClient _http = new HttpClient();

            public Task Send(Person p) => {|CBDT1001:_http.PostAsJsonAsync("https://api.foreign.com/v1/in", new { p.Name, Other = Repo.Load(2).Email })|};
        }
        """);

    [Fact]
    public void OptionValuesParse()
    {
        Assert.Equal(EntryPointMode.Uncalled, FlowEngine.ParseEntryPointMode(null));
        Assert.Equal(EntryPointMode.Uncalled, FlowEngine.ParseEntryPointMode("uncalled"));
        Assert.Equal(EntryPointMode.Public, FlowEngine.ParseEntryPointMode(" Public "));
        Assert.Equal(EntryPointMode.None, FlowEngine.ParseEntryPointMode("none"));
        Assert.Equal(EntryPointMode.Uncalled, FlowEngine.ParseEntryPointMode("all"));
    }
}
