using System.Text.RegularExpressions;
using CrossBorder.Policy.Analyzers.Tests.Rules;
using VerifyCS = CrossBorder.Policy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CrossBorder.Policy.Analyzers.Rules.CrossBorderFlowAnalyzer>;

namespace CrossBorder.Policy.Analyzers.Tests.Sinks;

/// <summary>
/// RabbitMQ host lists (<c>rabbitmq-connection-hosts</c>, <c>rabbitmq-connection-endpoints</c>, <c>rabbitmq-endpoint-host</c>,
/// <c>rabbitmq-endpoint-uri</c>), against the real RabbitMQ.Client 6.8.1 and 7.2.2 types: a constant list replaces the
/// factory's <c>HostName</c>; one foreign host makes the publish a foreign sink (CBDT1001, or CBDT1006 with a covering
/// <c>[CrossBorderTransfer]</c> where the source says <c>/*AUTH*/</c>); a list with an element that cannot be known is
/// CBDT1005.
/// </summary>
public sealed class SinkHostListTests
{
    private const string Attribute = "[CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = \"SC-1\", EstimatedSubjectsPerYear = 50_000, Endpoint = \"*.partner.sg\")]";

    private static Task VerifyAsync(string source, bool rabbitMq6)
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(CrossBorderFlowAnalyzerTests.Model);
        if (rabbitMq6)
        {
            // RabbitMQ.Client 6.8.1 alone: the referenced 7.x (in SinkLibraries) declares the same namespace.
            test.TestState.AdditionalReferences.Add(TestReferences.RabbitMq6);
        }
        else
        {
            test.TestState.AdditionalReferences.AddRange(TestReferences.SinkLibraries);
        }

        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    private static Task Unauthorized(string source, bool rabbitMq6) => VerifyAsync(source.Replace("/*AUTH*/", string.Empty, StringComparison.Ordinal), rabbitMq6);

    private static Task Authorized(string source, bool rabbitMq6)
    {
        // CBDT1001 becomes the hidden record CBDT1006; CBDT1005 stays (no authorization can be matched to an unknown endpoint).
        var clean = Regex.Replace(source, @"\{\|CBDT1001:(.*?)\|\}", "{|CBDT1006:$1|}");
        Assert.NotEqual(source, clean);
        return VerifyAsync(clean.Replace("/*AUTH*/", Attribute, StringComparison.Ordinal), rabbitMq6);
    }

    // ------------------------------------------------------------------ RabbitMQ.Client 6.x: CreateConnection(hostnames) / (endpoints)

    private const string RabbitMq6 = """
        using RabbitMQ.Client;

        class C
        {
            const string Primary = "rabbit1.partner.sg";

            static byte[] Body() => Encoding.UTF8.GetBytes(Repo.Load(1).Email);

            /*AUTH*/
            void CollectionExpression()
            {
                var factory = new ConnectionFactory();
                using var connection = factory.CreateConnection(["rabbit1.partner.sg", "rabbit2.partner.sg"]);
                using var channel = connection.CreateModel();
                {|CBDT1001:channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Body())|};
            }

            /*AUTH*/
            void ArrayInLocal()
            {
                var hosts = new[] { Primary, "rabbit2.partner.sg" };
                IConnectionFactory factory = new ConnectionFactory { HostName = "rabbit.example.cn" };
                using var channel = factory.CreateConnection(hosts).CreateModel();
                {|CBDT1001:channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Body())|};
            }

            /*AUTH*/
            void ListInitializerWithClientName()
            {
                var factory = new ConnectionFactory();
                using var channel = factory.CreateConnection(new List<string> { Primary, "rabbit2.partner.sg" }, "people-publisher").CreateModel();
                {|CBDT1001:channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Body())|};
            }

            /*AUTH*/
            void OneForeignAmongDomestic()
            {
                var factory = new ConnectionFactory();
                using var channel = factory.CreateConnection(new[] { "rabbit1.example.cn", "rabbit.partner.sg", "rabbit2.example.cn" }).CreateModel();
                {|CBDT1001:channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Body())|};
            }

            /*AUTH*/
            void AmqpTcpEndpoints()
            {
                var endpoints = new List<AmqpTcpEndpoint> { new AmqpTcpEndpoint("rabbit.example.cn", 5672), new AmqpTcpEndpoint(new Uri("amqps://rabbit.partner.sg:5671")) };
                using var channel = new ConnectionFactory().CreateConnection(endpoints).CreateModel();
                {|CBDT1001:channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Body())|};
            }

            /*AUTH*/
            void CopiedLists()
            {
                var hosts = new List<string>(new[] { "rabbit1.example.cn", "rabbit.partner.sg" });
                using var channel = new ConnectionFactory().CreateConnection(hosts.ToList()).CreateModel();
                {|CBDT1001:channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Body())|};
            }

            void DomesticCopiedLists()
            {
                var hosts = new HashSet<string> { "rabbit1.example.cn", "rabbit2.example.cn" };
                hosts.Remove("rabbit2.example.cn");
                var list = new List<string>(hosts);
                list.AddRange(["rabbit3.example.cn"]);
                list.Insert(0, "rabbit0.example.cn");
                using var channel = new ConnectionFactory { HostName = "rabbit.partner.sg" }.CreateConnection(list.ToArray()).CreateModel();
                channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Body());
            }

            void DomesticListReplacesForeignHostName()
            {
                var factory = new ConnectionFactory { HostName = "rabbit.partner.sg" };
                using var channel = factory.CreateConnection(new[] { "rabbit1.example.cn", "rabbit2.example.cn" }).CreateModel();
                channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Body());
            }

            void DomesticEndpoints()
            {
                var factory = new ConnectionFactory { Uri = new Uri("amqps://rabbit.partner.sg") };
                using var channel = factory.CreateConnection([new AmqpTcpEndpoint("rabbit1.example.cn"), new AmqpTcpEndpoint(new Uri("amqp://rabbit2.example.cn"))]).CreateModel();
                channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Body());
            }

            void NonConstantElement()
            {
                var factory = new ConnectionFactory();
                using var channel = factory.CreateConnection(new[] { "rabbit.example.cn", Environment.GetEnvironmentVariable("RABBIT_HOST")! }).CreateModel();
                {|CBDT1005:channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Body())|};
            }

            void AddedLater()
            {
                var hosts = new List<string> { "rabbit.example.cn" };
                hosts.Add(Environment.GetEnvironmentVariable("RABBIT_HOST")!);
                using var channel = new ConnectionFactory().CreateConnection(hosts).CreateModel();
                {|CBDT1005:channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Body())|};
            }

            void AddedByACallThatIsNotFollowed()
            {
                var hosts = new HashSet<string> { "rabbit1.example.cn" };
                hosts.UnionWith(new[] { "rabbit2.example.cn" });
                using var channel = new ConnectionFactory().CreateConnection(hosts.ToList()).CreateModel();
                {|CBDT1005:channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Body())|};
            }

            void ElementReplaced()
            {
                var hosts = new[] { "rabbit.example.cn" };
                hosts[0] = Environment.GetEnvironmentVariable("RABBIT_HOST")!;
                using var channel = new ConnectionFactory().CreateConnection(hosts).CreateModel();
                {|CBDT1005:channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Body())|};
            }

            void FilledByAHelper()
            {
                var hosts = new List<string> { "rabbit.example.cn" };
                Fill(hosts);
                using var channel = new ConnectionFactory().CreateConnection(hosts).CreateModel();
                {|CBDT1005:channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Body())|};
            }

            static void Fill(List<string> hosts) => hosts.Add(Environment.GetEnvironmentVariable("RABBIT_HOST")!);

            void ListFromConfiguration()
            {
                var hosts = Environment.GetEnvironmentVariable("RABBIT_HOSTS")!.Split(',');
                using var channel = new ConnectionFactory().CreateConnection(hosts).CreateModel();
                {|CBDT1005:channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Body())|};
            }

            void EmptyListIsNotAHost()
            {
                using var channel = new ConnectionFactory().CreateConnection(new List<string>()).CreateModel();
                {|CBDT1005:channel.BasicPublish("", "people", false, channel.CreateBasicProperties(), Body())|};
            }
        }
        """;

    [Fact]
    public Task RabbitMq6HostLists_Unauthorized() => Unauthorized(RabbitMq6, rabbitMq6: true);

    [Fact]
    public Task RabbitMq6HostLists_Authorized() => Authorized(RabbitMq6, rabbitMq6: true);

    // ------------------------------------------------------------------ RabbitMQ.Client 7.x: CreateConnectionAsync(hostnames) / (endpoints)

    private const string RabbitMq7 = """
        using RabbitMQ.Client;

        class C
        {
            /*AUTH*/
            async Task HostNames()
            {
                var factory = new ConnectionFactory { HostName = "rabbit.example.cn" };
                await using var connection = await factory.CreateConnectionAsync(["rabbit1.partner.sg", "rabbit2.partner.sg"]);
                await using var channel = await connection.CreateChannelAsync();
                await {|CBDT1001:channel.BasicPublishAsync("", "people", Encoding.UTF8.GetBytes(Repo.Load(1).Email))|};
            }

            /*AUTH*/
            async Task Endpoints()
            {
                var factory = new ConnectionFactory();
                await using var connection = await factory.CreateConnectionAsync(new[] { new AmqpTcpEndpoint("rabbit.partner.sg") });
                await using var channel = await connection.CreateChannelAsync();
                await {|CBDT1001:channel.BasicPublishAsync("", "people", Encoding.UTF8.GetBytes(Repo.Load(1).Email))|};
            }

            async Task Domestic()
            {
                var factory = new ConnectionFactory { HostName = "rabbit.partner.sg" };
                await using var connection = await factory.CreateConnectionAsync(["rabbit1.example.cn"]);
                await using var channel = await connection.CreateChannelAsync();
                await channel.BasicPublishAsync("", "people", Encoding.UTF8.GetBytes(Repo.Load(1).Email));
            }
        }
        """;

    [Fact]
    public Task RabbitMq7HostLists_Unauthorized() => Unauthorized(RabbitMq7, rabbitMq6: false);

    [Fact]
    public Task RabbitMq7HostLists_Authorized() => Authorized(RabbitMq7, rabbitMq6: false);
}
