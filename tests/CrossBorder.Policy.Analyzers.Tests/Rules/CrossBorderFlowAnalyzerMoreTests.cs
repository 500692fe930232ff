using VerifyCS = CrossBorder.Policy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CrossBorder.Policy.Analyzers.Rules.CrossBorderFlowAnalyzer>;

namespace CrossBorder.Policy.Analyzers.Tests.Rules;

/// <summary>The "still to add" cases 21-38 of flow-engine.md that this engine covers, and further negatives.</summary>
public sealed class CrossBorderFlowAnalyzerMoreTests
{
    private static Task VerifyAsync(string source) => VerifyCS.VerifyAnalyzerAsync(source, CrossBorderFlowAnalyzerTests.Model);

    [Fact]
    public Task P26_FieldStoredByOneMethodAndSentByAnother() => VerifyAsync("""
        class Outbox
        {
            private readonly HttpClient _http = new HttpClient();
            private string _pending = "";
            private Person? _last;

            public void Remember(Person p)
            {
                _pending = p.Email;
                _last = p;
            }

            public async Task Flush()
            {
                await {|CBDT1001:_http.PostAsync("https://api.foreign.com/v1/outbox", new StringContent(_pending))|};
                await {|CBDT1001:_http.PostAsJsonAsync("https://api.foreign.com/v1/last", _last)|};
            }
        }
        """);

    [Fact]
    public Task FieldOnlyEverHoldingCleanDataIsClean() => VerifyAsync("""
        class Outbox
        {
            private readonly HttpClient _http = new HttpClient();
            private string _pending = "";

            public void Remember(Person p) => _pending = p.Id.ToString();

            public Task Flush() => _http.PostAsync("https://api.foreign.com/v1/outbox", new StringContent(_pending));
        }
        """);

    [Fact]
    public Task SeveralMethodsOfATypedClientShareTheConstructorBase() => VerifyAsync("""
        class PartnerClient
        {
            private readonly HttpClient _http;

            public PartnerClient(HttpClient http)
            {
                _http = http;
                _http.BaseAddress = new Uri("https://api.partner.sg/");
            }

            public Task UploadA() => {|CBDT1001:_http.PostAsJsonAsync("a", Repo.Load(1))|};
            public Task UploadB() => {|CBDT1001:_http.PostAsJsonAsync("b", Repo.Load(2))|};
            public Task UploadC() => {|CBDT1001:_http.PostAsJsonAsync("c", Repo.Load(3))|};
        }
        """);

    [Fact]
    public Task P29_YieldIteratorAndAsyncEnumerable() => VerifyAsync("""
        class C
        {
            static IEnumerable<string> Emails()
            {
                foreach (var p in Repo.All())
                {
                    yield return p.Email;
                }
            }

            static async IAsyncEnumerable<string> NamesAsync()
            {
                await Task.Yield();
                yield return Repo.Load(1).Name;
            }

            async Task Run(HttpClient http)
            {
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/in", new StringContent(string.Join(",", Emails())))|};
                await foreach (var name in NamesAsync())
                {
                    await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/in", new StringContent(name))|};
                }
            }
        }
        """);

    [Fact]
    public Task ConditionalAccessAndCoalesce() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http, Func<Person?> maybe)
            {
                var mail = maybe()?.Email ?? "unknown";
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/in", new StringContent(mail))|};
            }
        }
        """);

    [Fact]
    public Task ConcreteDataWithParameterUrlIsUnresolvedInTheHelperAndResolvedAtCallers() => VerifyAsync("""
        class C
        {
            static Task Upload(HttpClient http, string url) => {|CBDT1005:http.PostAsJsonAsync(url, Repo.Load(1))|};

            async Task Run(HttpClient http)
            {
                await {|CBDT1001:Upload(http, "https://api.foreign.com/v1/people")|};
                await Upload(http, "https://api.example.cn/v1/people");
            }
        }
        """);

    [Fact]
    public Task EndpointBindingOnClientFieldAndParameter() => VerifyAsync("""
        class C
        {
            [ForeignEndpoint("JP", Host = "api.partner.jp")]
            private readonly HttpClient _partner = new HttpClient();

            [DomesticEndpoint]
            private readonly HttpClient _internal = new HttpClient();

            async Task Run([ForeignEndpoint("DE")] HttpClient vendor)
            {
                var p = Repo.Load(1);
                await {|CBDT1001:_partner.PostAsJsonAsync("v1/people", p)|};
                await _internal.PostAsJsonAsync("v1/people", p);
                await {|CBDT1001:vendor.PostAsJsonAsync("v1/people", p)|};
            }
        }
        """);

    [Fact]
    public Task AuthorizationMatchedByRecipientOrJurisdictionOnClientType() => VerifyAsync("""
        [ForeignEndpoint("SG", Recipient = "Partner Pte Ltd")]
        [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "SC-9", EstimatedSubjectsPerYear = 50_000, Recipient = "Partner Pte Ltd")]
        class PartnerApi
        {
            private readonly HttpClient _http = new HttpClient();
            public Task Upload() => {|CBDT1006:_http.PostAsJsonAsync("v1/people", Repo.Load(1))|};
        }

        [ForeignEndpoint("US")]
        [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "SC-10", EstimatedSubjectsPerYear = 50_000, Jurisdiction = "SG")]
        class VendorApi
        {
            private readonly HttpClient _http = new HttpClient();
            public Task Upload() => {|CBDT1001:_http.PostAsJsonAsync("v1/people", Repo.Load(1))|};
        }
        """);

    [Fact]
    public Task P27_TuplesAndDeconstruction() => VerifyAsync("""
        class C
        {
            static (string Mail, int Id) Pick(Person p) => (p.Email, p.Id);

            async Task Run(HttpClient http)
            {
                var (mail, _) = Pick(Repo.Load(1));
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/in", new StringContent(mail))|};
            }
        }
        """);

    [Fact]
    public Task P28_SwitchExpression() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http, int mode)
            {
                var p = Repo.Load(1);
                var body = mode switch
                {
                    0 => "none",
                    1 => p.Name,
                    _ => p.Id.ToString(),
                };
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/in", new StringContent(body))|};
            }
        }
        """);

    [Fact]
    public Task P30_LocalFunction() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                await Send(p.Email);

                Task Send(string value) => {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/in", new StringContent(value))|};
            }
        }
        """);

    [Fact]
    public Task P31_PropertyWithBody() => VerifyAsync("""
        class Envelope
        {
            public Person Subject { get; set; } = new Person();
            public string Summary => Subject.Name + " <" + Subject.Email + ">";
        }

        class C
        {
            async Task Run(HttpClient http)
            {
                var envelope = new Envelope { Subject = Repo.Load(1) };
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/in", new StringContent(envelope.Summary))|};
            }
        }
        """);

    [Fact]
    public Task P32_RecordWith() => VerifyAsync("""
        public record Contact([property: PersonalInformation] string Phone, string Label);

        class C
        {
            async Task Run(HttpClient http, Func<Contact> load)
            {
                var contact = load() with { Label = "work" };
                await {|CBDT1001:http.PostAsJsonAsync("https://api.foreign.com/v1/in", contact)|};
            }
        }
        """);

    [Fact]
    public Task P33_DictionaryValues() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var fields = new Dictionary<string, string>();
                fields["mail"] = Repo.Load(1).Email;
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/in", new FormUrlEncodedContent(fields))|};
            }
        }
        """);

    [Fact]
    public Task P34_ParamsArray() => VerifyAsync("""
        class C
        {
            static string Join(params string[] parts) => string.Join("&", parts);

            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                var body = Join("a=1", "mail=" + p.Email);
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/in", new StringContent(body))|};
            }
        }
        """);

    [Fact]
    public Task P35_GenericHelper() => VerifyAsync("""
        static class Outbound
        {
            public static Task Post<T>(HttpClient http, T value) => http.PostAsJsonAsync("https://api.foreign.com/v1/in", value);
        }

        class C
        {
            async Task Run(HttpClient http) => await {|CBDT1001:Outbound.Post(http, Repo.Load(1))|};
        }
        """);

    [Fact]
    public Task P36_ExtensionMethod() => VerifyAsync("""
        static class PersonExtensions
        {
            public static string ToLine(this Person p) => p.Name + ";" + p.Email;
        }

        class C
        {
            async Task Run(HttpClient http)
            {
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/in", new StringContent(Repo.Load(1).ToLine()))|};
            }
        }
        """);

    [Fact]
    public Task P38_PartialClassAcrossFiles() => VerifyCS.VerifyAnalyzerAsync(
        """
        partial class Sync
        {
            async Task Run() => await {|CBDT1001:Push(Repo.Load(1))|};
        }
        """,
        """
        partial class Sync
        {
            private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri("https://sync.foreign.com/") };

            Task Push(Person p) => _http.PostAsJsonAsync("people", p);
        }
        """,
        CrossBorderFlowAnalyzerTests.Model);

    [Fact]
    public Task MutualRecursion() => VerifyAsync("""
        class C
        {
            static HttpClient Http = new HttpClient();

            static Task Ping(string body, int n) => n == 0 ? Http.PostAsync("https://api.foreign.com/v1/in", new StringContent(body)) : Pong(body, n - 1);
            static Task Pong(string body, int n) => Ping(body + ".", n);

            async Task Run() => await {|CBDT1001:Pong(Repo.Load(1).Email, 4)|};
        }
        """);

    [Fact]
    public Task CaseInsensitiveCnHostIsDomesticAndHongKongIsForeign() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                await http.PostAsJsonAsync("https://API.EXAMPLE.CN/v1", p);
                await {|CBDT1001:http.PostAsJsonAsync("https://api.example.hk/v1", p)|};
            }
        }
        """);

    [Fact]
    public Task AssemblyDomesticHostPattern() => VerifyAsync("""
        [assembly: DomesticEndpoint(Host = "*.corp.example")]

        class C
        {
            async Task Run(HttpClient http)
            {
                await http.PostAsJsonAsync("https://crm.corp.example/v1", Repo.Load(1));
            }
        }
        """);

    [Fact]
    public Task N16_GeneratedCodeIsNotAnalyzed() => VerifyAsync("""
        // <auto-generated/>
        class Generated
        {
            async Task Run(HttpClient http)
            {
                await http.PostAsJsonAsync("https://api.foreign.com/v1/people", Repo.Load(1));
            }
        }
        """);

    [Fact]
    public Task ParameterOfPublicApiWithoutCallersIsReportedAsAnEntryPoint() => VerifyAsync("""
        public class Api
        {
            public Task Send(HttpClient http, Person p) => {|CBDT1001:http.PostAsJsonAsync("https://api.foreign.com/v1/in", p)|};
        }
        """);

    [Fact]
    public Task CleanCountOfClassifiedCollection() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var people = Repo.All();
                var count = people.Count;
                await http.PostAsync("https://api.foreign.com/v1/stats", new StringContent(count.ToString()));
            }
        }
        """);

    [Fact]
    public Task ASharedLibraryStaticDoesNotKeepTheDataItOnceEncoded() => VerifyAsync("""
        class Exporter
        {
            async Task Run(HttpClient http, int id)
            {
                var p = Repo.Load(id);
                var personal = Encoding.UTF8.GetBytes(p.Email);
                var constant = Encoding.UTF8.GetBytes("heartbeat");
                await http.PostAsync("https://api.foreign.com/v1/ping", new ByteArrayContent(constant));
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/contact", new ByteArrayContent(personal))|};
            }
        }
        """);
}
