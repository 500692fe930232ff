using VerifyCS = CrossBorder.Policy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CrossBorder.Policy.Analyzers.Rules.CrossBorderFlowAnalyzer>;

namespace CrossBorder.Policy.Analyzers.Tests.Rules;

/// <summary>
/// The engine gaps docs/sample.md listed: anonymous-object payloads built from a parameter's classified members,
/// values stored into classified members, virtual and interface dispatch, and the <c>this</c> receiver.
/// </summary>
public sealed class EngineGapTests
{
    private const string Shipping = """
        public sealed class Shipment
        {
            public string Kit { get; set; } = "";
            [PersonalInformation] public string Phone { get; set; } = "";
        }

        public sealed class Notifier
        {
            private readonly HttpClient _http = new HttpClient();

            public Task Notify(Shipment s) => _http.PostAsJsonAsync("https://sms.foreign.com/send", new { to = s.Phone, text = "Kit " + s.Kit });

            public Task NotifyKit(Shipment s) => _http.PostAsJsonAsync("https://sms.foreign.com/send", new { text = "Kit " + s.Kit });
        }
        """;

    private static Task VerifyAsync(params string[] sources) => VerifyCS.VerifyAnalyzerAsync([.. sources, CrossBorderFlowAnalyzerTests.Model]);

    // ------------------------------------------------------------------ anonymous objects from parameter members

    [Fact]
    public Task AnonymousPayloadFromParameterMemberIsReportedAtTheCaller() => VerifyAsync(Shipping, """
        class Delivery
        {
            async Task Ship(Notifier n)
            {
                var p = Repo.Load(1);
                var s = new Shipment { Kit = "K1", Phone = p.Name };
                await {|CBDT1001:n.Notify(s)|};
                await n.NotifyKit(s);
            }
        }
        """);

    [Fact]
    public Task AnonymousPayloadThroughAnEntryPointParameter() => VerifyAsync(Shipping, """
        public class Delivery
        {
            private readonly Notifier _notifier = new Notifier();

            public async Task Ship(Person patient, string kit)
            {
                var s = new Shipment { Kit = kit, Phone = patient.Email };
                await {|CBDT1001:_notifier.Notify(s)|};
                await _notifier.NotifyKit(new Shipment { Kit = patient.Id.ToString() });
            }
        }
        """);

    // ------------------------------------------------------------------ values stored into classified members

    [Fact]
    public Task LiteralStoredIntoClassifiedMemberCarriesItsClass() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var grid = new GridTopology { Layout = "ring" };
                await {|CBDT1002:http.PostAsync("https://api.foreign.com/grid", new StringContent(grid.Layout))|};
            }
        }
        """);

    [Fact]
    public Task LiteralInClassifiedMemberReachesTheSinkThroughAHelpersAnonymousObject() => VerifyAsync(Shipping, """
        class Delivery
        {
            async Task Ship(Notifier n)
            {
                await {|CBDT1001:n.Notify(new Shipment { Kit = "K1", Phone = "+86 138 0000 0000" })|};
                await n.NotifyKit(new Shipment { Kit = "K2", Phone = "+86 139 0000 0000" });
            }
        }
        """);

    [Fact]
    public Task UnclassifiedMemberOfTheSameObjectStaysClean() => VerifyAsync("""
        class C
        {
            async Task Run(HttpClient http)
            {
                var p = new Person { Id = 7, Email = "someone@example.com" };
                var dto = new PersonDto { Id = p.Id, Name = "fixed" };
                await http.PostAsync("https://api.foreign.com/v1/ids", new StringContent(p.Id.ToString()));
                await http.PostAsJsonAsync("https://api.foreign.com/v1/dto", dto);
            }
        }
        """);

    // ------------------------------------------------------------------ virtual and interface dispatch

    private const string Notifiers = """
        public interface INotifier
        {
            Task Send(Person p);
        }

        public sealed class ForeignNotifier : INotifier
        {
            private readonly HttpClient _http = new HttpClient();
            public Task Send(Person p) => _http.PostAsJsonAsync("https://api.foreign.com/notify", p);
        }

        public sealed class DomesticNotifier : INotifier
        {
            private readonly HttpClient _http = new HttpClient();
            public Task Send(Person p) => _http.PostAsJsonAsync("https://api.example.cn/notify", p);
        }
        """;

    [Fact]
    public Task InterfaceCallUsesTheImplementationsSummaries() => VerifyAsync(Notifiers, """
        class C
        {
            async Task Run(INotifier notifier)
            {
                await {|CBDT1001:notifier.Send(Repo.Load(1))|};
                await notifier.Send(null!);
            }
        }
        """);

    [Fact]
    public Task InterfaceWhoseImplementationsAreAllDomestic() => VerifyAsync("""
        public interface IArchive
        {
            Task Store(Person p);
        }

        public sealed class OssArchive : IArchive
        {
            private readonly HttpClient _http = new HttpClient();
            public Task Store(Person p) => _http.PostAsJsonAsync("https://archive.example.cn/put", p);
        }

        class C
        {
            async Task Run(IArchive archive) => await archive.Store(Repo.Load(1));
        }
        """);

    [Fact]
    public Task VirtualCallUsesTheOverrides() => VerifyAsync("""
        public abstract class Exporter
        {
            public abstract Task Export(Person p);

            public virtual string Describe(Person p) => "exporter";
        }

        public sealed class PartnerExporter : Exporter
        {
            private readonly HttpClient _http = new HttpClient();

            public override Task Export(Person p) => _http.PostAsync("https://partner.foreign.com/in", new StringContent(Describe(p)));

            public override string Describe(Person p) => p.Name;
        }

        class C
        {
            async Task Run(Exporter exporter)
            {
                await {|CBDT1001:exporter.Export(Repo.Load(1))|};
                await {|CBDT1001:new HttpClient().PostAsync("https://api.foreign.com/d", new StringContent(exporter.Describe(Repo.Load(2))))|};
                await exporter.Export(null!);
            }
        }
        """);

    [Fact]
    public Task DispatchIsLimitedByTheReceiversStaticType() => VerifyAsync(Notifiers, """
        public sealed class Logged : IDisposable
        {
            public void Dispose() => new HttpClient().PostAsJsonAsync("https://api.foreign.com/bye", Repo.Load(9)).Wait();
        }

        class C
        {
            async Task Run(DomesticNotifier domestic, HttpClient http, INotifier any)
            {
                await any.Send(null!);
                // Only DomesticNotifier is a DomesticNotifier; the IDisposable call on the response runs no Dispose
                // of this compilation (Logged.Dispose reports its own concrete data, once, where it sends it).
                await ((INotifier)domestic).Send(Repo.Load(1));
                using var response = await http.GetAsync("https://api.example.cn/ping");
            }
        }
        """.Replace("public void Dispose() => new", "public void Dispose() => {|CBDT1001:new", StringComparison.Ordinal).Replace("Repo.Load(9))", "Repo.Load(9))|}", StringComparison.Ordinal));

    [Fact]
    public Task ImplementationCalledOnlyThroughTheInterfaceIsNotAnEntryPoint() => VerifyAsync(Notifiers, """
        public class C
        {
            public async Task Run(INotifier notifier) => await notifier.Send(null!);
        }
        """);

    [Fact]
    public Task MoreImplementationsThanTheBoundDispatchToNone()
    {
        var implementations = string.Concat(Enumerable.Range(0, 9).Select(i => i == 0
            ? "public sealed class Sink0 : ISink { public Task Put(Person p) => {|CBDT1001:new HttpClient().PostAsJsonAsync(\"https://api.foreign.com/put\", p)|}; }\n"
            : $"public sealed class Sink{i} : ISink {{ public Task Put(Person p) => Task.CompletedTask; }}\n"));
        return VerifyAsync("public interface ISink { Task Put(Person p); }\n" + implementations, """
            class C
            {
                async Task Run(ISink sink) => await sink.Put(Repo.Load(1));
            }
            """);
    }

    // ------------------------------------------------------------------ the this receiver

    private const string Envelope = """
        public sealed class Envelope
        {
            private readonly HttpClient _http = new HttpClient();

            public string Body { get; set; } = "";

            public string Text => "body=" + Body;

            public Task Send() => _http.PostAsync("https://api.foreign.com/envelope", new StringContent(Body));

            public Task SendViaHelper() => Post(Text);

            private Task Post(string content) => _http.PostAsync("https://api.foreign.com/envelope", new StringContent(content));
        }
        """;

    [Fact]
    public Task ReceiverMembersSetByTheCallerReachTheCalleesSink() => VerifyAsync(Envelope, """
        class C
        {
            async Task Run(HttpClient http)
            {
                var e = new Envelope { Body = Repo.Load(1).Email };
                await {|CBDT1001:e.Send()|};
                await {|CBDT1001:e.SendViaHelper()|};
                await {|CBDT1001:http.PostAsync("https://api.foreign.com/text", new StringContent(e.Text))|};

                var clean = new Envelope { Body = "hello" };
                await clean.Send();
                await clean.SendViaHelper();
                await http.PostAsync("https://api.foreign.com/text", new StringContent(clean.Text));
            }
        }
        """);

    [Fact]
    public Task UncalledMethodReadingAnUnclassifiedMemberReportsNothing() => VerifyAsync(Envelope);

    [Fact]
    public Task ClassifiedFieldIsReportedOnceWhereItIsSent() => VerifyAsync("""
        class Outbox
        {
            private readonly HttpClient _http = new HttpClient();
            private Person? _last;

            public void Remember(Person p) => _last = p;

            public Task Flush() => {|CBDT1001:_http.PostAsJsonAsync("https://api.foreign.com/v1/last", _last)|};
        }

        class C
        {
            async Task Run()
            {
                var outbox = new Outbox();
                outbox.Remember(Repo.Load(1));
                await outbox.Flush();
            }
        }
        """);
}
