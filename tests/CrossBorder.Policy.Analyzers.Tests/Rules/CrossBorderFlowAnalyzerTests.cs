using VerifyCS = CrossBorder.Policy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CrossBorder.Policy.Analyzers.Rules.CrossBorderFlowAnalyzer>;

namespace CrossBorder.Policy.Analyzers.Tests.Rules;

/// <summary>
/// The positive (P) and negative (N) cases of flow-engine.md, numbered as there. Each test is one source file plus
/// <see cref="Model"/>, a shared file of global usings and classified types.
/// </summary>
public sealed class CrossBorderFlowAnalyzerTests
{
    internal const string Model = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Text;
        global using System.Text.Json;
        global using System.Threading.Tasks;
        global using CrossBorder.Policy;

        public class Person
        {
            public int Id { get; set; }
            [PersonalInformation] public string Email { get; set; } = "";
            [PersonalInformation] public string Name { get; set; } = "";
            public bool Active { get; set; }
        }

        public class Customer
        {
            public int Number { get; set; }
            public Person Contact { get; set; } = new Person();
        }

        public class Order
        {
            public int Id { get; set; }
            public Customer Buyer { get; set; } = new Customer();
        }

        public class PersonDto
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
        }

        [ImportantData("BIO-001", Catalog = "JS-FTZ-Biomedicine")]
        public class GenomeSample
        {
            public string Sequence { get; set; } = "";
        }

        public class GridTopology
        {
            [CoreData] public string Layout { get; set; } = "";
        }

        public static class Repo
        {
            public static Person Load(int id) => new Person { Id = id };
            public static List<Person> All() => new List<Person>();
        }
        """;

    private static Task VerifyAsync(string source) => VerifyCS.VerifyAnalyzerAsync(source, Model);

    // ------------------------------------------------------------------ positive cases

    [Fact]
    public Task P01_EmailStraightIntoPostAsync() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/people", new StringContent(p.Email))|};
            }
        }
        """);

    [Fact]
    public Task P02_LocalsInterpolationAndConcatenation() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                var email = p.Email;
                var line = $"email={email}";
                var body = "{" + line + "}";
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/people", new StringContent(body))|};
            }
        }
        """);

    [Fact]
    public Task P03_DtoMappingThenSerialize() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                var dto = new PersonDto { Id = p.Id, Name = p.Name };
                var json = JsonSerializer.Serialize(dto);
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/people", new StringContent(json))|};
            }
        }
        """);

    [Fact]
    public Task P04_WholeObjectViaPostAsJsonAsync() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                await {|CBDT1001:http.PostAsJsonAsync("https://api.foreign.com/v1/people", p)|};
            }
        }
        """);

    [Fact]
    public Task P05_TransitivelyClassifiedType() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http, Func<Order> load)
            {
                Order order = load();
                await {|CBDT1001:http.PutAsJsonAsync("https://orders.example.com/api/orders", order)|};
            }
        }
        """);

    [Fact]
    public Task P06_LinqAndStringJoin() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var emails = Repo.All().Where(p => p.Active).Select(p => p.Email).ToList();
                var body = string.Join(",", emails);
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/bulk", new StringContent(body))|};
            }
        }
        """);

    [Fact]
    public Task P07_HelperChainAcrossFilesReportedAtCaller() => VerifyCS.VerifyAnalyzerAsync(
        """
        class Caller
        {
            async Task Push()
            {
                var p = Repo.Load(1);
                await {|CBDT1001:Helpers.Send(p)|};
            }
        }
        """,
        """
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
        """,
        Model);

    [Fact]
    public Task P08_AsyncHelperReturnsClassifiedValue() => VerifyAsync("""
        class C
        {
            static async Task<string> LoadEmailAsync()
            {
                await Task.Yield();
                return Repo.Load(1).Email;
            }

            async Task Run(HttpClient http)
            {
                var email = await LoadEmailAsync();
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/people", new StringContent(email))|};
            }
        }
        """);

    [Fact]
    public Task P09_TypedClientRegisteredWithAddHttpClient() => VerifyAsync("""
        // A minimal stand-in for Microsoft.Extensions.Http's registration API (same names and shapes).
        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection { }
            public interface IHttpClientBuilder { }
            public static class HttpClientFactoryServiceCollectionExtensions
            {
                public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services, Action<HttpClient> configureClient) where TClient : class => null!;
            }
        }

        namespace App
        {
            using Microsoft.Extensions.DependencyInjection;

            static class Startup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddHttpClient<PartnerClient>(c => c.BaseAddress = new Uri("https://api.partner.sg/"));
                    services.AddHttpClient<DomesticClient>(c => { c.BaseAddress = new Uri("https://api.example.cn/"); });
                }
            }

            class PartnerClient
            {
                private readonly HttpClient _http;
                public PartnerClient(HttpClient http) => _http = http;
                public Task Upload() => {|CBDT1001:_http.PostAsJsonAsync("v1/people", Repo.Load(1))|};
            }

            class DomesticClient
            {
                private readonly HttpClient _http;
                public DomesticClient(HttpClient http) => _http = http;
                public Task Upload() => _http.PostAsJsonAsync("v1/people", Repo.Load(1));
            }
        }
        """);

    [Fact]
    public Task P10_BaseAddressSetInConstructor() => VerifyAsync("""
        class PartnerClient
        {
            private readonly HttpClient _http;

            public PartnerClient(HttpClient http)
            {
                _http = http;
                _http.BaseAddress = new Uri("https://api.partner.sg/");
            }

            public async Task Upload(Person p)
            {
                await {|CBDT1001:_http.PostAsJsonAsync("v1/people", Repo.Load(p.Id))|};
            }
        }
        """);

    [Fact]
    public Task P10b_BaseAddressInObjectInitializer() => VerifyAsync("""
        class C
        {
            async Task Run()
            {
                var http = new HttpClient { BaseAddress = new Uri("https://api.foreign.com/") };
                var p = Repo.Load(1);
                await {|CBDT1001:http.PostAsJsonAsync("people", p)|};
            }
        }
        """);

    [Fact]
    public Task P11_ForeignEndpointOnClientType() => VerifyAsync("""
        [ForeignEndpoint("SG", Recipient = "Partner Pte Ltd")]
        class PartnerApi
        {
            private readonly HttpClient _http = new HttpClient();

            public async Task Upload()
            {
                var p = Repo.Load(1);
                await {|CBDT1001:_http.PostAsJsonAsync("v1/people", p)|};
            }
        }
        """);

    [Fact]
    public Task P12_RecursiveHelper() => VerifyAsync("""
        class C
        {
            static string Build(Person p, int depth) => depth == 0 ? p.Email : Build(p, depth - 1) + ";";

            async Task Run(HttpClient http)
            {
                var body = Build(Repo.Load(1), 3);
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/people", new StringContent(body))|};
            }
        }
        """);

    [Fact]
    public Task P13_SinkInsideLambda() => VerifyAsync("""
        class C
        {
            void Run(HttpClient http)
            {
                Repo.All().ForEach(p => {|CBDT1001:http.PostAsJsonAsync("https://api.foreign.com/v1/people", p)|});
            }
        }
        """);

    [Fact]
    public Task P14_UserDataSink() => VerifyAsync("""
        [ForeignEndpoint("US")]
        static class Telemetry
        {
            [DataSink(Description = "vendor SDK upload")]
            public static void Upload(object payload) { }
        }

        class C
        {
            void Run()
            {
                var p = Repo.Load(1);
                {|CBDT1001:Telemetry.Upload(p.Email)|};
            }
        }
        """);

    [Fact]
    public Task P15_UrlPassedAsHelperParameterResolvedPerCallSite() => VerifyAsync("""
        class C
        {
            static Task Send(HttpClient http, string url, Person p) => http.PostAsJsonAsync(url, p);

            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                await {|CBDT1001:Send(http, "https://api.foreign.com/v1/people", p)|};
                await Send(http, "https://api.example.cn/v1/people", p);
            }
        }
        """);

    [Fact]
    public Task P16_FluentStringBuilder() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                var body = new StringBuilder().Append("id=").Append(p.Id).Append("&mail=").Append(p.Email).ToString();
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/people", new StringContent(body))|};
            }
        }
        """);

    [Fact]
    public Task P16b_StringBuilderStatements() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                var sb = new StringBuilder();
                sb.Append("mail=");
                sb.Append(p.Email);
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/people", new StringContent(sb.ToString()))|};
            }
        }
        """);

    [Fact]
    public Task P17_ImportantData() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http, Func<GenomeSample> sample)
            {
                var s = sample();
                await {|CBDT1001:http.PostAsJsonAsync("https://lab.example.com/upload", s)|};
            }
        }
        """);

    [Fact]
    public Task P18_SinkInCatchBlock() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                try
                {
                    Console.WriteLine("working");
                }
                catch (Exception)
                {
                    await {|CBDT1001:http.PostAsync("https://errors.foreign.com/report", new StringContent(p.Email))|};
                }
            }
        }
        """);

    [Fact]
    public Task P19_HttpRequestMessageWithJsonContent() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                var request = new HttpRequestMessage(HttpMethod.Post, "https://api.foreign.com/v1/people")
                {
                    Content = JsonContent.Create(p),
                };
                await {|CBDT1001:http.SendAsync(request)|};
            }
        }
        """);

    [Fact]
    public Task P20_UnresolvedEndpoint() => VerifyAsync("""
        class C
        {
            public async Task Upload(HttpClient http, string url)
            {
                var p = Repo.Load(1);
                await {|CBDT1005:http.PostAsJsonAsync(url, p)|};
            }
        }
        """);

    [Fact]
    public Task CoreDataReachesForeignEndpoint() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http, Func<GridTopology> load)
            {
                var grid = load();
                await {|CBDT1002:http.PostAsync("https://api.foreign.com/grid", new StringContent(grid.Layout))|};
            }
        }
        """);

    [Fact]
    public Task DataInUrlOfGet() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                await {|CBDT1001:http.GetStringAsync($"https://api.foreign.com/v1/lookup?email={p.Email}")|};
            }
        }
        """);

    [Fact]
    public Task SensitivePersonalInformationParameterLabel() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http, [SensitivePersonalInformation(SensitiveCategory.MedicalHealth)] string diagnosis)
            {
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/v1/health", new StringContent(diagnosis))|};
            }
        }
        """);

    [Fact]
    public Task AuthorizationForAnotherEndpointDoesNotCover() => VerifyAsync("""
        class C
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "SC-1", EstimatedSubjectsPerYear = 50_000, Endpoint = "*.partner.sg")]
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                await {|CBDT1001:http.PostAsJsonAsync("https://api.foreign.com/v1/people", p)|};
            }
        }
        """);

    [Fact]
    public Task AuthorizationWhoseCategoriesDoNotCoverTheData() => VerifyAsync("""
        class C
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "SC-1", EstimatedSubjectsPerYear = 50_000, Endpoint = "api.foreign.com", Categories = new[] { "ImportantData" })]
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                await {|CBDT1001:http.PostAsJsonAsync("https://api.foreign.com/v1/people", p)|};
            }
        }
        """);

    [Fact]
    public Task StandardContractDoesNotCoverCoreData() => VerifyAsync("""
        [CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-1")]
        class C
        {
            async Task Run(HttpClient http, Func<GridTopology> load)
            {
                await {|CBDT1002:http.PostAsJsonAsync("https://api.foreign.com/grid", load())|};
            }
        }
        """);

    [Fact]
    public Task AnonymizerKeepsImportantData() => VerifyAsync("""
        static class Privacy
        {
            [Anonymizer(Method = "k-anonymity")]
            public static string Strip(object value) => "";
        }

        class C
        {
            async Task Run(HttpClient http, Func<GenomeSample> load)
            {
                var body = Privacy.Strip(load());
                await {|CBDT1001:http.PostAsync("https://lab.example.com/upload", new StringContent(body))|};
            }
        }
        """);

    // ------------------------------------------------------------------ negative cases

    [Fact]
    public Task N01_DomesticEndpoint() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                await http.PostAsJsonAsync("https://api.example.cn/v1/people", p);
            }
        }
        """);

    [Fact]
    public Task N02_OnlyUnclassifiedMembers() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                await http.PostAsync("https://api.foreign.com/v1/ids", new StringContent(p.Id.ToString()));
            }
        }
        """);

    [Fact]
    public Task N03_Anonymizer() => VerifyAsync("""
        static class Privacy
        {
            [Anonymizer(Method = "aggregation")]
            public static string Aggregate(IEnumerable<Person> people) => people.Count().ToString();
        }

        class C
        {
            async Task Run(HttpClient http)
            {
                var stats = Privacy.Aggregate(Repo.All());
                await http.PostAsync("https://api.foreign.com/v1/stats", new StringContent(stats));
            }
        }
        """);

    [Fact]
    public Task N04_AuthorizationOnMethod() => VerifyAsync("""
        class C
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "SC-2025-001", EstimatedSubjectsPerYear = 50_000, Endpoint = "api.foreign.com", Categories = new[] { "PersonalInformation" })]
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                await {|CBDT1006:http.PostAsJsonAsync("https://api.foreign.com/v1/people", p)|};
            }
        }
        """);

    [Fact]
    public Task N05_VariableOverwrittenBeforeSending() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var body = Repo.Load(1).Email;
                body = "constant";
                await http.PostAsync("https://api.foreign.com/v1/people", new StringContent(body));
            }
        }
        """);

    [Fact]
    public Task N06_HelperReadsOnlyIdOfDtoBuiltFromPii() => VerifyAsync("""
        class C
        {
            static Task SendId(HttpClient http, PersonDto dto) => http.PostAsync("https://api.foreign.com/v1/ids", new StringContent(dto.Id.ToString()));

            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                var dto = new PersonDto { Id = p.Id, Name = p.Name };
                await SendId(http, dto);
            }
        }
        """);

    [Fact]
    public Task N07_HelperReturnsConstant() => VerifyAsync("""
        class C
        {
            static string Describe(Person p) => "person";

            async Task Run(HttpClient http)
            {
                var text = Describe(Repo.Load(1));
                await http.PostAsync("https://api.foreign.com/v1/people", new StringContent(text));
            }
        }
        """);

    [Fact]
    public Task N08_DomesticTypedClient() => VerifyAsync("""
        class DomesticClient
        {
            private readonly HttpClient _http;

            public DomesticClient(HttpClient http)
            {
                _http = http;
                _http.BaseAddress = new Uri("https://api.example.com.cn/");
            }

            public Task Upload(Person p) => _http.PostAsJsonAsync("v1/people", p);

            public async Task Run() => await Upload(Repo.Load(1));
        }
        """);

    [Fact]
    public Task N09_ForeignSinkHelperOnlyCalledWithCleanData() => VerifyAsync("""
        class C
        {
            static Task Send(HttpClient http, string body) => http.PostAsync("https://api.foreign.com/v1/in", new StringContent(body));

            async Task Run(HttpClient http)
            {
                await Send(http, "hello");
                await Send(http, Repo.Load(1).Id.ToString());
            }
        }
        """);

    [Fact]
    public Task N10_ImplicitFlowThroughBool() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                var isCorporate = p.Email.EndsWith("@corp.example");
                var flag = p.Email.Contains("@");
                await http.PostAsync("https://api.foreign.com/v1/flags", new StringContent(isCorporate.ToString() + flag));
            }
        }
        """);

    [Fact]
    public Task N11_AuthorizationOnClassOfSinkHelper() => VerifyAsync("""
        [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "SC-7", EstimatedSubjectsPerYear = 50_000, Endpoint = "*.foreign.com")]
        static class Outbound
        {
            public static Task Send(HttpClient http, Person p) => http.PostAsJsonAsync("https://api.foreign.com/v1/people", p);
        }

        class C
        {
            async Task Run(HttpClient http) => await {|CBDT1006:Outbound.Send(http, Repo.Load(1))|};
        }
        """);

    [Fact]
    public Task N12_TaintedInOneBranchReassignedBeforeJoin() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http, bool verbose)
            {
                string body;
                if (verbose)
                {
                    body = Repo.Load(1).Email;
                    body = "redacted";
                }
                else
                {
                    body = "none";
                }

                await http.PostAsync("https://api.foreign.com/v1/people", new StringContent(body));
            }
        }
        """);

    [Fact]
    public Task N13_AuthorizationOnAssembly() => VerifyAsync("""
        [assembly: CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "SA-2025-9", Jurisdiction = "SG")]

        [ForeignEndpoint("SG")]
        class PartnerApi
        {
            private readonly HttpClient _http = new HttpClient();

            public Task Upload() => {|CBDT1006:_http.PostAsJsonAsync("v1/people", Repo.Load(1))|};
        }
        """);

    [Fact]
    public Task N14_GetWithoutClassifiedDataInUrl() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var p = Repo.Load(1);
                var reply = await http.GetStringAsync($"https://api.foreign.com/v1/items/{p.Id}");
                Console.WriteLine(reply + p.Email);
            }
        }
        """);

    [Fact]
    public Task N15_ClassifiedDataOnlyLoggedLocally() => VerifyAsync("""
        class C
        {
            void Run()
            {
                var p = Repo.Load(1);
                Console.WriteLine(p.Email);
                System.IO.File.WriteAllText("people.txt", p.Name);
            }
        }
        """);

    [Fact]
    public Task DomesticEndpointAttributeOnClientType() => VerifyAsync("""
        [DomesticEndpoint(Host = "*.example.internal")]
        class InternalApi
        {
            private readonly HttpClient _http = new HttpClient();

            public Task Upload() => _http.PostAsJsonAsync("v1/people", Repo.Load(1));
        }
        """);

    [Fact]
    public Task AnonymizedTypeIsNotClassified() => VerifyAsync("""
        [Anonymized(Method = "aggregation")]
        public class Histogram
        {
            public Person Sample { get; set; } = new Person();
        }

        class C
        {
            async Task Run(HttpClient http, Func<Histogram> load)
            {
                await http.PostAsJsonAsync("https://api.foreign.com/stats", load());
            }
        }
        """);

    [Fact]
    public Task AuthorityApprovalCoversCoreData() => VerifyAsync("""
        class C
        {
            [CrossBorderTransfer(Mechanism = TransferMechanism.AuthorityApproval, Reference = "APPROVAL-1", Endpoint = "api.foreign.com")]
            async Task Run(HttpClient http, Func<GridTopology> load)
            {
                await {|CBDT1006:http.PostAsJsonAsync("https://api.foreign.com/grid", load())|};
            }
        }
        """);

    // ------------------------------------------------------------------ robustness

    [Fact]
    public Task EmptySource() => VerifyCS.VerifyAnalyzerAsync(string.Empty);

    [Fact]
    public Task NoPolicyReference() => VerifyCS.VerifyWithoutPolicyReferenceAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            async Task Run(HttpClient http, string secret)
            {
                await http.PostAsync("https://api.foreign.com/v1", new StringContent(secret));
            }
        }
        """);
}
