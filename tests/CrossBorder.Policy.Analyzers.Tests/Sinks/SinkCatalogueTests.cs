using System.Reflection;
using System.Text.RegularExpressions;
using CrossBorder.Policy.Analyzers.Rules;
using CrossBorder.Policy.Analyzers.Tests.Rules;
using CrossBorder.Policy.Core.Sinks;
using VerifyCS = CrossBorder.Policy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CrossBorder.Policy.Analyzers.Rules.CrossBorderFlowAnalyzer>;

namespace CrossBorder.Policy.Analyzers.Tests.Sinks;

/// <summary>
/// Every sink of Core's catalogue (docs/sinks.md), compiled against the real package types (TestReferences.SinkLibraries),
/// each with its endpoint from the client's construction: a foreign endpoint without an authorization is CBDT1001; the same
/// code with a covering <c>[CrossBorderTransfer]</c> (written where the source says <c>/*AUTH*/</c>) is clean; a domestic
/// endpoint is clean; an endpoint that cannot be known is CBDT1005.
/// </summary>
public sealed class SinkCatalogueTests
{
    private static Task VerifyAsync(string source)
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(CrossBorderFlowAnalyzerTests.Model);
        test.TestState.AdditionalReferences.AddRange(TestReferences.SinkLibraries);
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    private static Task Unauthorized(string source) => VerifyAsync(source.Replace("/*AUTH*/", string.Empty, StringComparison.Ordinal));

    private static Task Authorized(string source, string endpoint)
    {
        // CBDT1001 becomes the hidden traceability record CBDT1006; CBDT1005 (an endpoint that cannot be known) stays: no authorization can be matched to it.
        var clean = Regex.Replace(source, @"\{\|CBDT1001:(.*?)\|\}", "{|CBDT1006:$1|}");
        Assert.NotEqual(source, clean);
        var attribute = "[CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = \"SC-1\", EstimatedSubjectsPerYear = 50_000, Endpoint = \"" + endpoint + "\")]";
        return VerifyAsync(clean.Replace("/*AUTH*/", attribute, StringComparison.Ordinal));
    }

    // ------------------------------------------------------------------ IHttpClientFactory named clients

    private const string NamedClient = """
        using Microsoft.Extensions.DependencyInjection;

        static class Startup
        {
            public static void Configure(IServiceCollection services)
            {
                services.AddHttpClient("partner", c => c.BaseAddress = new Uri("https://api.partner.sg/"));
                services.AddHttpClient("local", c => { c.BaseAddress = new Uri("https://api.example.cn/"); });
            }
        }

        class C
        {
            private readonly IHttpClientFactory _factory;

            public C(IHttpClientFactory factory) { _factory = factory; }

            /*AUTH*/
            async Task Run()
            {
                var http = _factory.CreateClient("partner");
                await {|CBDT1001:http.PostAsJsonAsync("people", Repo.Load(1))|};
            }

            async Task Local()
            {
                var http = _factory.CreateClient("local");
                await http.PostAsJsonAsync("people", Repo.Load(1));
            }

            async Task Unregistered()
            {
                var http = _factory.CreateClient("nobody");
                await {|CBDT1005:http.PostAsJsonAsync("people", Repo.Load(1))|};
            }
        }
        """;

    [Fact]
    public Task NamedHttpClient_Unauthorized() => Unauthorized(NamedClient);

    [Fact]
    public Task NamedHttpClient_Authorized() => Authorized(NamedClient, "api.partner.sg");

    // ------------------------------------------------------------------ Refit

    private const string RefitApi = """
        using Refit;

        public interface IPartnerApi
        {
            [Post("/people")]
            Task Create([Body] Person person);

            [Get("/people/{email}")]
            Task<string> Find(string email);
        }
        """;

    private const string RefitRestService = RefitApi + """

        class C
        {
            /*AUTH*/
            async Task Run()
            {
                var api = RestService.For<IPartnerApi>("https://api.partner.sg");
                var p = Repo.Load(1);
                await {|CBDT1001:api.Create(p)|};
                await {|CBDT1001:api.Find(p.Email)|};
                await api.Find("constant");
            }

            async Task Domestic()
            {
                var api = RestService.For<IPartnerApi>("https://api.example.cn");
                await api.Create(Repo.Load(1));
            }
        }
        """;

    [Fact]
    public Task Refit_RestServiceFor_Unauthorized() => Unauthorized(RefitRestService);

    [Fact]
    public Task Refit_RestServiceFor_Authorized() => Authorized(RefitRestService, "api.partner.sg");

    private const string RefitRegistered = "using Microsoft.Extensions.DependencyInjection;\n" + RefitApi + """

        public interface IUnboundApi
        {
            [Post("/people")]
            Task Create([Body] Person person);
        }

        static class Startup
        {
            public static void Configure(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
            {
                services.AddRefitClient<IPartnerApi>().ConfigureHttpClient(c => c.BaseAddress = new Uri("https://api.partner.sg"));
            }
        }

        class C
        {
            private readonly IPartnerApi _api;
            private readonly IUnboundApi _unbound;

            public C(IPartnerApi api, IUnboundApi unbound) { _api = api; _unbound = unbound; }

            /*AUTH*/
            async Task Run()
            {
                await {|CBDT1001:_api.Create(Repo.Load(1))|};
            }

            async Task Unbound()
            {
                await {|CBDT1005:_unbound.Create(Repo.Load(1))|};
            }
        }
        """;

    [Fact]
    public Task Refit_AddRefitClient_Unauthorized() => Unauthorized(RefitRegistered);

    [Fact]
    public Task Refit_AddRefitClient_Authorized() => Authorized(RefitRegistered, "api.partner.sg");

    // ------------------------------------------------------------------ gRPC

    private const string Grpc = """
        using Grpc.Core;
        using Grpc.Net.Client;

        public class HelloRequest { public string Name { get; set; } = ""; }
        public class HelloReply { }

        // The shape protoc's C# plugin generates: a client class derived from Grpc.Core.ClientBase<T>.
        public static class Greeter
        {
            public class GreeterClient : ClientBase<GreeterClient>
            {
                public GreeterClient(ChannelBase channel) : base(channel) { }
                protected GreeterClient(ClientBaseConfiguration configuration) : base(configuration) { }
                public virtual AsyncUnaryCall<HelloReply> SayHelloAsync(HelloRequest request, CallOptions options) => throw new NotSupportedException();
                protected override GreeterClient NewInstance(ClientBaseConfiguration configuration) => new GreeterClient(configuration);
            }
        }

        class C
        {
            /*AUTH*/
            async Task Run()
            {
                using var channel = GrpcChannel.ForAddress("https://grpc.partner.sg");
                var client = new Greeter.GreeterClient(channel);
                var p = Repo.Load(1);
                await {|CBDT1001:client.SayHelloAsync(new HelloRequest { Name = p.Name }, new CallOptions())|};
                await client.SayHelloAsync(new HelloRequest { Name = "anonymous" }, new CallOptions());
            }

            async Task Domestic()
            {
                var client = new Greeter.GreeterClient(GrpcChannel.ForAddress(new Uri("https://grpc.example.cn")));
                await client.SayHelloAsync(new HelloRequest { Name = Repo.Load(1).Name }, new CallOptions());
            }
        }
        """;

    [Fact]
    public Task Grpc_Unauthorized() => Unauthorized(Grpc);

    [Fact]
    public Task Grpc_Authorized() => Authorized(Grpc, "grpc.partner.sg");

    // ------------------------------------------------------------------ RestSharp

    private const string RestSharp = """
        using RestSharp;

        class C
        {
            /*AUTH*/
            async Task Run()
            {
                var client = new RestClient("https://api.partner.sg");
                var request = new RestRequest("people", Method.Post);
                request.AddJsonBody(Repo.Load(1));
                await {|CBDT1001:client.ExecuteAsync(request)|};
            }

            /*AUTH*/
            async Task WithOptions()
            {
                var client = new RestClient(new RestClientOptions { BaseUrl = new Uri("https://api.partner.sg") });
                await {|CBDT1001:client.PostJsonAsync("people", Repo.Load(1))|};
            }

            async Task Domestic()
            {
                var client = new RestClient(new RestClientOptions("https://api.example.cn"));
                await client.ExecuteAsync(new RestRequest("people", Method.Post).AddJsonBody(Repo.Load(1)));
            }
        }
        """;

    [Fact]
    public Task RestSharp_Unauthorized() => Unauthorized(RestSharp);

    [Fact]
    public Task RestSharp_Authorized() => Authorized(RestSharp, "api.partner.sg");

    // ------------------------------------------------------------------ Flurl

    private const string Flurl = """
        using Flurl;
        using Flurl.Http;

        class C
        {
            /*AUTH*/
            async Task Run()
            {
                var p = Repo.Load(1);
                await {|CBDT1001:"https://api.partner.sg".AppendPathSegment("people").PostJsonAsync(p)|};
                await {|CBDT1001:$"https://api.partner.sg/lookup?email={p.Email}".GetStringAsync()|};
            }

            /*AUTH*/
            async Task WithClient()
            {
                var client = new FlurlClient("https://api.partner.sg");
                await {|CBDT1001:client.Request("people").PostJsonAsync(Repo.Load(1))|};
            }

            async Task Domestic()
            {
                await "https://api.example.cn".AppendPathSegment("people").PostJsonAsync(Repo.Load(1));
            }
        }
        """;

    [Fact]
    public Task Flurl_Unauthorized() => Unauthorized(Flurl);

    [Fact]
    public Task Flurl_Authorized() => Authorized(Flurl, "api.partner.sg");

    // ------------------------------------------------------------------ AWS S3

    private const string S3 = """
        using Amazon;
        using Amazon.S3;
        using Amazon.S3.Model;

        class C
        {
            /*AUTH*/
            async Task Run()
            {
                var s3 = new AmazonS3Client(RegionEndpoint.EUWest1);
                var p = Repo.Load(1);
                await {|CBDT1001:s3.PutObjectAsync(new PutObjectRequest { BucketName = "people", Key = "p1", ContentBody = JsonSerializer.Serialize(p) })|};
            }

            /*AUTH*/
            async Task WithConfig()
            {
                IAmazonS3 s3 = new AmazonS3Client(new AmazonS3Config { RegionEndpoint = RegionEndpoint.GetBySystemName("eu-west-1") });
                await {|CBDT1001:s3.PutObjectAsync(new PutObjectRequest { BucketName = "people", Key = "p1", ContentBody = Repo.Load(1).Email })|};
            }

            async Task Domestic()
            {
                var s3 = new AmazonS3Client(RegionEndpoint.CNNorth1);
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = "people", Key = "p1", ContentBody = Repo.Load(1).Email });
            }

            async Task DefaultRegion()
            {
                var s3 = new AmazonS3Client();
                await {|CBDT1005:s3.PutObjectAsync(new PutObjectRequest { BucketName = "people", Key = "p1", ContentBody = Repo.Load(1).Email })|};
            }
        }
        """;

    [Fact]
    public Task S3_Unauthorized() => Unauthorized(S3);

    [Fact]
    public Task S3_Authorized() => Authorized(S3, "s3.eu-west-1.amazonaws.com");

    // ------------------------------------------------------------------ Azure Blob Storage

    private const string Blob = """
        using System.IO;
        using Azure.Storage.Blobs;

        class C
        {
            /*AUTH*/
            async Task Run()
            {
                var blob = new BlobClient(new Uri("https://acct.blob.core.windows.net/people/p1.json"));
                var json = JsonSerializer.Serialize(Repo.Load(1));
                await {|CBDT1001:blob.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)))|};
            }

            /*AUTH*/
            async Task Container()
            {
                var service = new BlobServiceClient("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.windows.net");
                var container = service.GetBlobContainerClient("people");
                await {|CBDT1001:container.UploadBlobAsync("p1.json", new MemoryStream(Encoding.UTF8.GetBytes(Repo.Load(1).Email)))|};
            }

            async Task Domestic()
            {
                var container = new BlobContainerClient("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn", "people");
                await container.GetBlobClient("p1.json").UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Repo.Load(1).Email)));
            }
        }
        """;

    [Fact]
    public Task AzureBlob_Unauthorized() => Unauthorized(Blob);

    [Fact]
    public Task AzureBlob_Authorized() => Authorized(Blob, "acct.blob.core.windows.net");

    // ------------------------------------------------------------------ Kafka

    private const string Kafka = """
        using Confluent.Kafka;

        class C
        {
            /*AUTH*/
            async Task Run()
            {
                var config = new ProducerConfig { BootstrapServers = "broker1.partner.sg:9092,broker2.partner.sg:9092" };
                using var producer = new ProducerBuilder<string, string>(config).Build();
                var p = Repo.Load(1);
                await {|CBDT1001:producer.ProduceAsync("people", new Message<string, string> { Key = "1", Value = JsonSerializer.Serialize(p) })|};
                {|CBDT1001:producer.Produce("people", new Message<string, string> { Key = "1", Value = p.Email })|};
            }

            async Task Domestic()
            {
                using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = "kafka.example.cn:9092" }).Build();
                await producer.ProduceAsync("people", new Message<string, string> { Value = Repo.Load(1).Email });
            }
        }
        """;

    [Fact]
    public Task Kafka_Unauthorized() => Unauthorized(Kafka);

    [Fact]
    public Task Kafka_Authorized() => Authorized(Kafka, "*.partner.sg");

    // ------------------------------------------------------------------ RabbitMQ (RabbitMQ.Client 7.x: asynchronous API only)

    private const string Rabbit = """
        using RabbitMQ.Client;

        class C
        {
            /*AUTH*/
            async Task Run()
            {
                var factory = new ConnectionFactory { HostName = "rabbit.partner.sg" };
                await using var connection = await factory.CreateConnectionAsync();
                await using var channel = await connection.CreateChannelAsync();
                var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Repo.Load(1)));
                await {|CBDT1001:channel.BasicPublishAsync(exchange: "", routingKey: "people", body: body)|};
            }

            async Task Domestic()
            {
                var factory = new ConnectionFactory { Uri = new Uri("amqps://rabbit.example.cn") };
                await using var connection = await factory.CreateConnectionAsync();
                await using var channel = await connection.CreateChannelAsync();
                await channel.BasicPublishAsync("", "people", Encoding.UTF8.GetBytes(Repo.Load(1).Email));
            }
        }
        """;

    [Fact]
    public Task RabbitMq_Unauthorized() => Unauthorized(Rabbit);

    [Fact]
    public Task RabbitMq_Authorized() => Authorized(Rabbit, "rabbit.partner.sg");

    // ------------------------------------------------------------------ SMTP

    private const string Smtp = """
        using System.Net.Mail;

        class C
        {
            /*AUTH*/
            void Run()
            {
                using var smtp = new SmtpClient("smtp.partner.sg", 587);
                var p = Repo.Load(1);
                {|CBDT1001:smtp.Send(new MailMessage("noreply@example.cn", "ops@example.cn", "New customer", p.Email))|};
            }

            /*AUTH*/
            async Task HostProperty()
            {
                using var smtp = new SmtpClient { Host = "smtp.partner.sg" };
                await {|CBDT1001:smtp.SendMailAsync("noreply@example.cn", "ops@example.cn", "New customer", Repo.Load(1).Name)|};
            }

            void Domestic()
            {
                var smtp = new SmtpClient();
                smtp.Host = "smtp.example.cn";
                smtp.Send("noreply@example.cn", "ops@example.cn", "New customer", Repo.Load(1).Email);
            }
        }
        """;

    [Fact]
    public Task Smtp_Unauthorized() => Unauthorized(Smtp);

    [Fact]
    public Task Smtp_Authorized() => Authorized(Smtp, "smtp.partner.sg");

    // ------------------------------------------------------------------ catalogue data against the real packages

    [Fact]
    public void AwsRegionNames_MatchTheSdksRegionEndpointMembers()
    {
        var sdk = typeof(Amazon.RegionEndpoint).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Amazon.RegionEndpoint))
            .ToDictionary(f => f.Name, f => ((Amazon.RegionEndpoint)f.GetValue(null)!).SystemName, StringComparer.Ordinal);
        Assert.NotEmpty(sdk);
        Assert.Equal(sdk.OrderBy(p => p.Key, StringComparer.Ordinal), AwsRegionNames.ByMemberName.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void EveryRowNamesARealTypeMemberAndParameter()
    {
        // Read as metadata (Roslyn symbols), not loaded: RabbitMQ.Client 6.x and 7.x declare the same type names, so
        // each row is looked up in the referenced libraries, then in 6.8.1 alone.
        static Microsoft.CodeAnalysis.Compilation Compile(IEnumerable<Microsoft.CodeAnalysis.MetadataReference> references) =>
            Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Rows", references: TestReferences.All.AddRange(references));
        var compilations = new[] { Compile(TestReferences.SinkLibraries), Compile([TestReferences.RabbitMq6]) };

        Microsoft.CodeAnalysis.INamedTypeSymbol? Find(string metadataName) =>
            compilations.Select(c => c.GetTypeByMetadataName(metadataName)).FirstOrDefault(t => t is not null);

        static IEnumerable<Microsoft.CodeAnalysis.ISymbol> Members(Microsoft.CodeAnalysis.INamedTypeSymbol type, string name)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    yield return member;
                }
            }

            foreach (var member in type.AllInterfaces.SelectMany(i => i.GetMembers(name)))
            {
                yield return member;
            }
        }

        static IEnumerable<Microsoft.CodeAnalysis.IMethodSymbol> Methods(Microsoft.CodeAnalysis.INamedTypeSymbol type, string name) =>
            Members(type, name).OfType<Microsoft.CodeAnalysis.IMethodSymbol>();

        foreach (var row in SinkCatalogue.Sinks)
        {
            if (row.MethodAttribute is not null)
            {
                Assert.True(Find(row.MethodAttribute) is not null, row.Id);
                continue;
            }

            var type = Find(row.TypeMetadataName);
            Assert.True(type is not null, row.Id + ": " + row.TypeMetadataName);
            if (row.MethodNames.Contains(SinkRow.AnyDerivedMethod))
            {
                continue;
            }

            var methods = row.MethodNames.SelectMany(name => Methods(type!, name)).ToList();
            Assert.True(methods.Count > 0, row.Id);
            var parameters = methods.SelectMany(m => m.Parameters).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            Assert.Contains(row.DataParameters, d => d == SinkRow.AllParameters || parameters.Contains(d));
            Assert.True(row.ClientParameter is null || parameters.Contains(row.ClientParameter), row.Id);
        }

        foreach (var row in SinkCatalogue.Endpoints)
        {
            var type = Find(row.TypeMetadataName);
            Assert.True(type is not null, row.Id + ": " + row.TypeMetadataName);
            foreach (var name in row.ResultTypeMetadataNames)
            {
                Assert.True(Find(name) is not null, row.Id + ": " + name);
            }

            foreach (var member in row.MemberNames)
            {
                switch (row.Kind)
                {
                    case EndpointRowKind.Property:
                        Assert.True(Members(type!, member).Any(m => m is Microsoft.CodeAnalysis.IPropertySymbol), row.Id);
                        break;
                    case EndpointRowKind.Argument or EndpointRowKind.NamedRegistration:
                        // Every version's type (RabbitMQ.Client 6.x has CreateConnection, 7.x CreateConnectionAsync).
                        var types = compilations.Select(c => c.GetTypeByMetadataName(row.TypeMetadataName)).OfType<Microsoft.CodeAnalysis.INamedTypeSymbol>().ToList();
                        var parameters = types.SelectMany(t => member == EndpointRow.ConstructorName ? t.InstanceConstructors.SelectMany(c => c.Parameters) : Methods(t, member).SelectMany(m => m.Parameters));
                        var names = parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                        Assert.True(
                            row.ParameterNames.Any(p => p == EndpointRow.ThisParameter || names.Contains(p)),
                            row.Id + ": none of " + string.Join(",", row.ParameterNames) + " on " + member + " (" + string.Join(",", names) + ")");
                        break;
                }
            }
        }
    }
}
