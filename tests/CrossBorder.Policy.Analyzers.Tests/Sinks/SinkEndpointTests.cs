using CrossBorder.Policy.Analyzers.Tests.Rules;
using Microsoft.CodeAnalysis.CSharp;
using VerifyCS = CrossBorder.Policy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CrossBorder.Policy.Analyzers.Rules.CrossBorderFlowAnalyzer>;

namespace CrossBorder.Policy.Analyzers.Tests.Sinks;

/// <summary>
/// How the catalogue's endpoints travel: from a parameter (resolved per call site), through fields, through builder
/// chains, and with both extension-method forms (classic, and C# 14 extension blocks as RestSharp 114 and Refit 16 ship).
/// </summary>
public sealed class SinkEndpointTests
{
    private static Task VerifyAsync(string source, LanguageVersion? languageVersion = null)
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(CrossBorderFlowAnalyzerTests.Model);
        test.TestState.AdditionalReferences.AddRange(TestReferences.SinkLibraries);
        if (languageVersion is { } version)
        {
            test.SolutionTransforms.Add((solution, projectId) =>
                solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithLanguageVersion(version)));
        }

        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public Task EndpointFromAParameterIsResolvedAtEachCallSite() => VerifyAsync("""
        using RestSharp;

        class C
        {
            static Task Send(string baseUrl, Person p)
            {
                var client = new RestClient(baseUrl);
                return client.PostJsonAsync("people", p);
            }

            async Task Run()
            {
                var p = Repo.Load(1);
                await {|CBDT1001:Send("https://api.partner.sg", p)|};
                await Send("https://api.example.cn", p);
            }
        }
        """);

    [Fact]
    public Task ClientStoredInAFieldByTheConstructor() => VerifyAsync("""
        using Confluent.Kafka;
        using System.Net.Mail;

        class Publisher
        {
            private readonly IProducer<string, string> _producer;
            private readonly SmtpClient _smtp = new SmtpClient("smtp.partner.sg");

            public Publisher()
            {
                _producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = "broker.partner.sg:9092" }).Build();
            }

            public async Task Publish(int id)
            {
                var p = Repo.Load(id);
                await {|CBDT1001:_producer.ProduceAsync("people", new Message<string, string> { Value = p.Email })|};
                {|CBDT1001:_smtp.Send("noreply@example.cn", "ops@example.cn", "New", p.Name)|};
            }
        }
        """);

    [Fact]
    public Task AttributesOnASourceClientTypeBindAndAuthorizeItsCalls() => VerifyAsync("""
        using Refit;

        [ForeignEndpoint("SG", Recipient = "Partner Pte. Ltd.")]
        public interface IBoundApi
        {
            [Post("/people")]
            Task Create([Body] Person person);
        }

        [ForeignEndpoint("SG")]
        [CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = "SC-9", EstimatedSubjectsPerYear = 50_000, Jurisdiction = "SG")]
        public interface ICoveredApi
        {
            [Post("/people")]
            Task Create([Body] Person person);
        }

        class C
        {
            private readonly IBoundApi _bound;
            private readonly ICoveredApi _covered;

            public C(IBoundApi bound, ICoveredApi covered) { _bound = bound; _covered = covered; }

            async Task Run()
            {
                await {|CBDT1001:_bound.Create(Repo.Load(1))|};
                await {|CBDT1006:_covered.Create(Repo.Load(1))|};
            }
        }
        """);

    [Fact]
    public Task FieldAssignedAnObjectWithAnInitializer()
    {
        // The control flow graph captures the target field before the initializer runs (_http = new HttpClient { ... }).
        return VerifyAsync("""
            class Client
            {
                private readonly HttpClient _http;
                private readonly HttpClient _local;

                public Client()
                {
                    _http = new HttpClient { BaseAddress = new Uri("https://api.partner.sg/") };
                    _local = new HttpClient { BaseAddress = new Uri("https://api.example.cn/") };
                }

                public async Task Send(int id)
                {
                    await {|CBDT1001:_http.PostAsJsonAsync("people", Repo.Load(id))|};
                    await _local.PostAsJsonAsync("people", Repo.Load(id));
                }
            }
            """);
    }

    [Fact]
    public Task ClassicExtensionMethodCalls_CSharp12() => VerifyAsync("""
        using Microsoft.Extensions.DependencyInjection;
        using Refit;
        using RestSharp;

        public interface IPartnerApi
        {
            [Post("/people")]
            Task Create([Body] Person person);
        }

        static class Startup
        {
            public static void Configure(IServiceCollection services)
            {
                services.AddRefitClient<IPartnerApi>().ConfigureHttpClient(c => c.BaseAddress = new Uri("https://api.partner.sg"));
            }
        }

        class C
        {
            private readonly IPartnerApi _api;

            public C(IPartnerApi api) { _api = api; }

            async Task Run()
            {
                var p = Repo.Load(1);
                await {|CBDT1001:new RestClient("https://api.partner.sg").PostJsonAsync("people", p)|};
                await {|CBDT1001:_api.Create(p)|};
                await new RestClient("https://api.example.cn").PostJsonAsync("people", p);
            }
        }
        """, LanguageVersion.CSharp12);

    [Fact]
    public Task EndpointsThatCannotBeKnownAreCBDT1005() => VerifyAsync("""
        using Flurl.Http;
        using RabbitMQ.Client;

        class C
        {
            async Task Run()
            {
                var p = Repo.Load(1);
                var url = Environment.GetEnvironmentVariable("PARTNER_URL")!;
                await {|CBDT1005:url.PostJsonAsync(p)|};

                var factory = new ConnectionFactory { HostName = Environment.GetEnvironmentVariable("RABBIT_HOST")! };
                await using var connection = await factory.CreateConnectionAsync();
                await using var channel = await connection.CreateChannelAsync();
                await {|CBDT1005:channel.BasicPublishAsync("", "people", Encoding.UTF8.GetBytes(p.Email))|};
            }
        }
        """);

    [Fact]
    public Task CleanDataToAForeignEndpointIsNotReported() => VerifyAsync("""
        using Amazon;
        using Amazon.S3;
        using Amazon.S3.Model;
        using Azure.Storage.Blobs;
        using Confluent.Kafka;
        using System.IO;

        class C
        {
            async Task Run()
            {
                var p = Repo.Load(1);
                using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = "broker.partner.sg:9092" }).Build();
                await producer.ProduceAsync("counts", new Message<string, string> { Value = p.Id.ToString() });
                await new AmazonS3Client(RegionEndpoint.USEast1).PutObjectAsync(new PutObjectRequest { BucketName = "stats", Key = "k", ContentBody = "42" });
                await new BlobContainerClient(new Uri("https://acct.blob.core.windows.net/stats")).UploadBlobAsync("n", new MemoryStream(new byte[] { 1 }));
            }
        }
        """);

    [Fact]
    public Task DomesticAndForeignRegionsOfTheSameClientType() => VerifyAsync("""
        using Amazon;
        using Amazon.S3;
        using Amazon.S3.Model;

        class C
        {
            async Task Run(bool abroad)
            {
                var p = Repo.Load(1);
                var request = new PutObjectRequest { BucketName = "people", Key = "p", ContentBody = p.Email };
                await new AmazonS3Client(RegionEndpoint.CNNorthWest1).PutObjectAsync(request);
                await new AmazonS3Client("key", "secret", RegionEndpoint.GetBySystemName("cn-north-1")).PutObjectAsync(request);
                await {|CBDT1001:new AmazonS3Client(RegionEndpoint.APEast1).PutObjectAsync(request)|};
                await {|CBDT1001:new AmazonS3Client(new AmazonS3Config { ServiceURL = "https://s3.ap-southeast-1.amazonaws.com" }).PutObjectAsync(request)|};
                var region = abroad ? RegionEndpoint.EUCentral1 : RegionEndpoint.CNNorth1;
                await {|CBDT1001:new AmazonS3Client(region).PutObjectAsync(request)|};
            }
        }
        """);
}
