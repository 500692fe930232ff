using System.Text.RegularExpressions;
using CrossBorder.Policy.Analyzers.Tests.Rules;
using VerifyCS = CrossBorder.Policy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CrossBorder.Policy.Analyzers.Rules.CrossBorderFlowAnalyzer>;

namespace CrossBorder.Policy.Analyzers.Tests.Sinks;

/// <summary>
/// Registration rows (typed HttpClients, gRPC client factory) and the rows for Azure's specialized blob clients and S3's
/// TransferUtility, against the real package types: a foreign endpoint without authorization is CBDT1001, the same code
/// with a covering <c>[CrossBorderTransfer]</c> (where the source says <c>/*AUTH*/</c>) is clean, a domestic endpoint
/// is clean, an endpoint that nothing binds is CBDT1005.
/// </summary>
public sealed class SinkRegistrationTests
{
    private static Task VerifyAsync(string source)
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(CrossBorderFlowAnalyzerTests.Model);
        test.TestState.AdditionalReferences.AddRange(TestReferences.SinkLibraries);
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    private static Task VerifyRabbitMq6Async(string source)
    {
        // RabbitMQ.Client 6.8.1 alone: the referenced 7.x (in SinkLibraries) declares the same namespace.
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(CrossBorderFlowAnalyzerTests.Model);
        test.TestState.AdditionalReferences.Add(TestReferences.RabbitMq6);
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    private static Task Unauthorized(string source) => VerifyAsync(source.Replace("/*AUTH*/", string.Empty, StringComparison.Ordinal));

    private static Task Authorized(string source, string endpoint)
    {
        var clean = Regex.Replace(source, @"\{\|CBDT1001:(.*?)\|\}", "{|CBDT1006:$1|}");
        Assert.NotEqual(source, clean);
        var attribute = "[CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = \"SC-1\", EstimatedSubjectsPerYear = 50_000, Endpoint = \"" + endpoint + "\")]";
        return VerifyAsync(clean.Replace("/*AUTH*/", attribute, StringComparison.Ordinal));
    }

    // ------------------------------------------------------------------ typed HttpClients (Microsoft.Extensions.Http)

    private const string TypedClients = """
        using Microsoft.Extensions.DependencyInjection;

        public interface IPartnerClient { Task Upload(); }

        static class Startup
        {
            public static void Configure(IServiceCollection services)
            {
                services.AddHttpClient<PartnerClient>(c => c.BaseAddress = new Uri("https://api.partner.sg/"));
                services.AddHttpClient<IPartnerClient, PartnerImplementation>((sp, c) => { c.BaseAddress = new Uri("https://api.partner.sg/"); });
                services.AddHttpClient<ChainedClient>()
                    .SetHandlerLifetime(TimeSpan.FromMinutes(5))
                    .ConfigureHttpClient(c => c.BaseAddress = new Uri("https://api.partner.sg/"));
                services.AddHttpClient<DomesticClient>().ConfigureHttpClient((sp, c) => c.BaseAddress = new Uri("https://api.example.cn/"));
                services.AddHttpClient("named").ConfigureHttpClient(c => c.BaseAddress = new Uri("https://api.partner.sg/"));
            }
        }

        class PartnerClient
        {
            private readonly HttpClient _http;
            public PartnerClient(HttpClient http) => _http = http;

            /*AUTH*/
            public Task Upload() => {|CBDT1001:_http.PostAsJsonAsync("v1/people", Repo.Load(1))|};
        }

        class PartnerImplementation : IPartnerClient
        {
            private readonly HttpClient _http;
            public PartnerImplementation(HttpClient http) => _http = http;

            /*AUTH*/
            public Task Upload() => {|CBDT1001:_http.PostAsJsonAsync("v1/people", Repo.Load(1))|};
        }

        class ChainedClient
        {
            private readonly HttpClient _http;
            public ChainedClient(HttpClient http) => _http = http;

            /*AUTH*/
            public Task Upload() => {|CBDT1001:_http.PostAsJsonAsync("v1/people", Repo.Load(1))|};
        }

        class DomesticClient
        {
            private readonly HttpClient _http;
            public DomesticClient(HttpClient http) => _http = http;
            public Task Upload() => _http.PostAsJsonAsync("v1/people", Repo.Load(1));
        }

        class UnregisteredClient
        {
            private readonly HttpClient _http;
            public UnregisteredClient(HttpClient http) => _http = http;
            public Task Upload() => {|CBDT1005:_http.PostAsJsonAsync("v1/people", Repo.Load(1))|};
        }

        class Named
        {
            private readonly IHttpClientFactory _factory;
            public Named(IHttpClientFactory factory) => _factory = factory;

            /*AUTH*/
            public Task Upload() => {|CBDT1001:_factory.CreateClient("named").PostAsJsonAsync("v1/people", Repo.Load(1))|};
        }
        """;

    [Fact]
    public Task TypedHttpClients_Unauthorized() => Unauthorized(TypedClients);

    [Fact]
    public Task TypedHttpClients_Authorized() => Authorized(TypedClients, "api.partner.sg");

    // ------------------------------------------------------------------ gRPC client factory (Grpc.Net.ClientFactory)

    private const string GrpcFactory = """
        using Grpc.Core;
        using Microsoft.Extensions.DependencyInjection;

        public class HelloRequest { public string Name { get; set; } = ""; }
        public class HelloReply { }

        public static class Greeter
        {
            public class GreeterClient : ClientBase<GreeterClient>
            {
                public GreeterClient(CallInvoker callInvoker) : base(callInvoker) { }
                protected GreeterClient(ClientBaseConfiguration configuration) : base(configuration) { }
                public virtual AsyncUnaryCall<HelloReply> SayHelloAsync(HelloRequest request, CallOptions options) => throw new NotSupportedException();
                protected override GreeterClient NewInstance(ClientBaseConfiguration configuration) => new GreeterClient(configuration);
            }
        }

        public static class Archive
        {
            public class ArchiveClient : ClientBase<ArchiveClient>
            {
                public ArchiveClient(CallInvoker callInvoker) : base(callInvoker) { }
                protected ArchiveClient(ClientBaseConfiguration configuration) : base(configuration) { }
                public virtual AsyncUnaryCall<HelloReply> StoreAsync(HelloRequest request, CallOptions options) => throw new NotSupportedException();
                protected override ArchiveClient NewInstance(ClientBaseConfiguration configuration) => new ArchiveClient(configuration);
            }
        }

        public static class Audit
        {
            public class AuditClient : ClientBase<AuditClient>
            {
                public AuditClient(CallInvoker callInvoker) : base(callInvoker) { }
                protected AuditClient(ClientBaseConfiguration configuration) : base(configuration) { }
                public virtual AsyncUnaryCall<HelloReply> LogAsync(HelloRequest request, CallOptions options) => throw new NotSupportedException();
                protected override AuditClient NewInstance(ClientBaseConfiguration configuration) => new AuditClient(configuration);
            }
        }

        static class Startup
        {
            public static void Configure(IServiceCollection services)
            {
                services.AddGrpcClient<Greeter.GreeterClient>(o => o.Address = new Uri("https://grpc.partner.sg"));
                services.AddGrpcClient<Archive.ArchiveClient>("archive", o => { o.Address = new Uri("https://grpc.example.cn"); });
            }
        }

        class C
        {
            private readonly Greeter.GreeterClient _greeter;
            private readonly Archive.ArchiveClient _archive;
            private readonly Audit.AuditClient _audit;

            public C(Greeter.GreeterClient greeter, Archive.ArchiveClient archive, Audit.AuditClient audit) { _greeter = greeter; _archive = archive; _audit = audit; }

            /*AUTH*/
            async Task Run()
            {
                await {|CBDT1001:_greeter.SayHelloAsync(new HelloRequest { Name = Repo.Load(1).Name }, new CallOptions())|};
                await _greeter.SayHelloAsync(new HelloRequest { Name = "anonymous" }, new CallOptions());
            }

            async Task Domestic()
            {
                await _archive.StoreAsync(new HelloRequest { Name = Repo.Load(1).Name }, new CallOptions());
            }

            async Task Unregistered()
            {
                await {|CBDT1005:_audit.LogAsync(new HelloRequest { Name = Repo.Load(1).Name }, new CallOptions())|};
            }
        }
        """;

    [Fact]
    public Task GrpcClientFactory_Unauthorized() => Unauthorized(GrpcFactory);

    [Fact]
    public Task GrpcClientFactory_Authorized() => Authorized(GrpcFactory, "grpc.partner.sg");

    // ------------------------------------------------------------------ Azure specialized blob clients and chains

    private const string SpecializedBlobs = """
        using System.IO;
        using Azure.Storage.Blobs;
        using Azure.Storage.Blobs.Specialized;

        class C
        {
            private static Stream Json() => new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Repo.Load(1))));

            /*AUTH*/
            async Task Block()
            {
                var container = new BlobContainerClient(new Uri("https://acct.blob.core.windows.net/people"));
                await {|CBDT1001:container.GetBlockBlobClient("p1.json").UploadAsync(Json())|};
                var block = new BlockBlobClient(new Uri("https://acct.blob.core.windows.net/people/p2.json"));
                await {|CBDT1001:block.StageBlockAsync("AAAA", Json())|};
            }

            /*AUTH*/
            async Task Append()
            {
                var log = new AppendBlobClient("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.windows.net", "people", "log");
                await {|CBDT1001:log.AppendBlockAsync(Json())|};
            }

            /*AUTH*/
            async Task Page()
            {
                var service = new BlobServiceClient(new Uri("https://acct.blob.core.windows.net"));
                var page = service.GetBlobContainerClient("disks").GetPageBlobClient("d1");
                await {|CBDT1001:page.UploadPagesAsync(Json(), 0)|};
            }

            /*AUTH*/
            async Task GetBlobClientChain()
            {
                var container = new BlobContainerClient(new Uri("https://acct.blob.core.windows.net/people"));
                var blob = container.GetBlobClient("p1.json");
                await {|CBDT1001:blob.UploadAsync(Json())|};
            }

            async Task Domestic()
            {
                var container = new BlobContainerClient(new Uri("https://acct.blob.core.chinacloudapi.cn/people"));
                await container.GetBlockBlobClient("p1.json").UploadAsync(Json());
                await new AppendBlobClient(new Uri("https://acct.blob.core.chinacloudapi.cn/people/log")).AppendBlockAsync(Json());
                await container.GetBlobClient("p2.json").UploadAsync(Json());
            }

            async Task Unknown(BlobContainerClient container)
            {
                await {|CBDT1005:container.GetBlockBlobClient("p1.json").UploadAsync(Json())|};
            }
        }
        """;

    [Fact]
    public Task AzureSpecializedBlobs_Unauthorized() => Unauthorized(SpecializedBlobs);

    [Fact]
    public Task AzureSpecializedBlobs_Authorized() => Authorized(SpecializedBlobs, "acct.blob.core.windows.net");

    // ------------------------------------------------------------------ S3 TransferUtility

    private const string Transfer = """
        using System.IO;
        using Amazon;
        using Amazon.S3;
        using Amazon.S3.Transfer;

        class C
        {
            /*AUTH*/
            async Task WithClient()
            {
                var transfer = new TransferUtility(new AmazonS3Client(RegionEndpoint.EUWest1));
                var p = Repo.Load(1);
                await {|CBDT1001:transfer.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(p.Email)), "people", "p1")|};
                await {|CBDT1001:transfer.UploadAsync(new MemoryStream(), "people", $"people/{p.Email}")|};
            }

            /*AUTH*/
            async Task WithRegion()
            {
                ITransferUtility transfer = new TransferUtility(RegionEndpoint.EUWest1);
                await {|CBDT1001:transfer.UploadAsync(new TransferUtilityUploadRequest { BucketName = "people", Key = Repo.Load(1).Email })|};
            }

            async Task Domestic()
            {
                var transfer = new TransferUtility(new AmazonS3Client(RegionEndpoint.CNNorth1));
                await transfer.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Repo.Load(1).Email)), "people", "p1");
                await new TransferUtility(RegionEndpoint.CNNorthWest1).UploadAsync(new MemoryStream(), "people", Repo.Load(1).Email);
            }

            async Task Unknown(IAmazonS3 s3)
            {
                await {|CBDT1005:new TransferUtility(s3).UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Repo.Load(1).Email)), "people", "p1")|};
            }
        }
        """;

    [Fact]
    public Task S3TransferUtility_Unauthorized() => Unauthorized(Transfer);

    [Fact]
    public Task S3TransferUtility_Authorized() => Authorized(Transfer, "s3.eu-west-1.amazonaws.com");

    // ------------------------------------------------------------------ gRPC client-streaming and duplex calls

    private const string GrpcStreaming = """
        using Grpc.Core;
        using Grpc.Net.Client;
        using Microsoft.Extensions.DependencyInjection;

        public class PersonMessage { public string Name { get; set; } = ""; }
        public class Ack { }

        // The shape protoc's C# plugin generates for client-streaming and duplex methods.
        public static class People
        {
            public class PeopleClient : ClientBase<PeopleClient>
            {
                public PeopleClient(ChannelBase channel) : base(channel) { }
                public PeopleClient(CallInvoker callInvoker) : base(callInvoker) { }
                protected PeopleClient(ClientBaseConfiguration configuration) : base(configuration) { }
                public virtual AsyncClientStreamingCall<PersonMessage, Ack> Upload(CallOptions options) => throw new NotSupportedException();
                public virtual AsyncDuplexStreamingCall<PersonMessage, Ack> Sync(CallOptions options) => throw new NotSupportedException();
                protected override PeopleClient NewInstance(ClientBaseConfiguration configuration) => new PeopleClient(configuration);
            }
        }

        public static class Registered
        {
            public class RegisteredClient : ClientBase<RegisteredClient>
            {
                public RegisteredClient(CallInvoker callInvoker) : base(callInvoker) { }
                protected RegisteredClient(ClientBaseConfiguration configuration) : base(configuration) { }
                public virtual AsyncClientStreamingCall<PersonMessage, Ack> Upload(CallOptions options) => throw new NotSupportedException();
                protected override RegisteredClient NewInstance(ClientBaseConfiguration configuration) => new RegisteredClient(configuration);
            }
        }

        static class Startup
        {
            public static void Configure(IServiceCollection services)
            {
                services.AddGrpcClient<Registered.RegisteredClient>(o => o.Address = new Uri("https://grpc.partner.sg"));
            }
        }

        class C
        {
            private readonly Registered.RegisteredClient _registered;
            private readonly People.PeopleClient _injected;

            public C(Registered.RegisteredClient registered, People.PeopleClient injected) { _registered = registered; _injected = injected; }

            /*AUTH*/
            async Task ClientStreaming()
            {
                var client = new People.PeopleClient(GrpcChannel.ForAddress("https://grpc.partner.sg"));
                using var call = client.Upload(new CallOptions());
                await {|CBDT1001:call.RequestStream.WriteAsync(new PersonMessage { Name = Repo.Load(1).Name })|};
                await call.RequestStream.WriteAsync(new PersonMessage { Name = "anonymous" });
                await call.RequestStream.CompleteAsync();
            }

            /*AUTH*/
            async Task Duplex()
            {
                using var channel = GrpcChannel.ForAddress(new Uri("https://grpc.partner.sg"));
                using var call = new People.PeopleClient(channel).Sync(new CallOptions());
                await {|CBDT1001:call.RequestStream.WriteAsync(new PersonMessage { Name = Repo.Load(1).Name })|};
            }

            /*AUTH*/
            async Task RegisteredStreaming()
            {
                using var call = _registered.Upload(new CallOptions());
                await {|CBDT1001:call.RequestStream.WriteAsync(new PersonMessage { Name = Repo.Load(1).Name })|};
            }

            async Task Domestic()
            {
                var client = new People.PeopleClient(GrpcChannel.ForAddress("https://grpc.example.cn"));
                using var call = client.Sync(new CallOptions());
                await call.RequestStream.WriteAsync(new PersonMessage { Name = Repo.Load(1).Name });
            }

            async Task Unregistered()
            {
                using var call = _injected.Upload(new CallOptions());
                await {|CBDT1005:call.RequestStream.WriteAsync(new PersonMessage { Name = Repo.Load(1).Name })|};
            }
        }
        """;

    [Fact]
    public Task GrpcStreaming_Unauthorized() => Unauthorized(GrpcStreaming);

    [Fact]
    public Task GrpcStreaming_Authorized() => Authorized(GrpcStreaming, "grpc.partner.sg");

    // ------------------------------------------------------------------ RabbitMQ.Client 6.x (IModel)

    private const string RabbitMq6 = """
        using RabbitMQ.Client;

        class C
        {
            /*AUTH*/
            void Run()
            {
                var factory = new ConnectionFactory { HostName = "rabbit.partner.sg" };
                using var connection = factory.CreateConnection();
                using var channel = connection.CreateModel();
                var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Repo.Load(1)));
                {|CBDT1001:channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), body)|};
                channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), new byte[] { 1, 2, 3 });
                {|CBDT1001:channel.BasicPublish("", "people", channel.CreateBasicProperties(), body)|};
            }

            void Domestic()
            {
                IConnectionFactory factory = new ConnectionFactory { Uri = new Uri("amqps://rabbit.example.cn") };
                using var channel = factory.CreateConnection().CreateModel();
                channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Encoding.UTF8.GetBytes(Repo.Load(1).Email));
            }

            void Unknown(IModel channel)
            {
                {|CBDT1005:channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Encoding.UTF8.GetBytes(Repo.Load(1).Email))|};
            }
        }
        """;

    [Fact]
    public Task RabbitMq6_Unauthorized() => VerifyRabbitMq6Async(RabbitMq6.Replace("/*AUTH*/", string.Empty, StringComparison.Ordinal));

    [Fact]
    public Task RabbitMq6_Authorized()
    {
        var clean = Regex.Replace(RabbitMq6, @"\{\|CBDT1001:(.*?)\|\}", "{|CBDT1006:$1|}");
        Assert.NotEqual(RabbitMq6, clean);
        var attribute = "[CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = \"SC-1\", EstimatedSubjectsPerYear = 50_000, Endpoint = \"rabbit.partner.sg\")]";
        return VerifyRabbitMq6Async(clean.Replace("/*AUTH*/", attribute, StringComparison.Ordinal));
    }
}
