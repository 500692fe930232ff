using System;
using System.Collections.Generic;
using System.Globalization;

namespace CrossBorder.Policy.Corpus;

/// <summary>What a generated type carries.</summary>
internal enum TypeClass
{
    /// <summary>No classified member: flows of it never produce a diagnostic.</summary>
    Plain,

    /// <summary>A <c>[PersonalInformation]</c> member (<c>Contact</c>).</summary>
    Personal,

    /// <summary><c>[ImportantData]</c> on the type itself: only whole-object flows are generated for it.</summary>
    Important,
}

/// <summary>Where a flow goes.</summary>
internal enum Destination
{
    Domestic,
    ForeignUnauthorized,
    ForeignAuthorized,
}

/// <summary>The kind of project the corpus looks like.</summary>
internal enum CorpusShape
{
    /// <summary>Services, helpers and clients only: no web input.</summary>
    Classic,

    /// <summary>
    /// Classic, plus ASP.NET Core controllers whose action parameters (web input, the sources of NetAnalyzers' taint
    /// rules) reach SQL command text, file paths, process starts, regular expressions, XPath, raw XML, assembly
    /// loading and redirects, mostly through helpers, and whose <c>[FromBody]</c> DTOs are sent with HttpClient.
    /// </summary>
    Web,
}

/// <summary>Settings of one corpus.</summary>
internal sealed record CorpusOptions(int TargetLines, double Density, int Seed, CorpusShape Shape = CorpusShape.Classic);

/// <summary>Counts of what was generated, written to <c>corpus.json</c>.</summary>
internal sealed class CorpusStats
{
    public int Lines { get; set; }

    public int Files { get; set; }

    public int Modules { get; set; }

    public int Types { get; set; }

    public int ClassifiedTypes { get; set; }

    public int Flows { get; set; }

    public SortedDictionary<string, int> FlowsByShape { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Web shape: per NetAnalyzers rule, how many sinks were written for it, by construction (not compared by the
    /// check: whether a rule recognises a given sink shape is NetAnalyzers' business).
    /// </summary>
    public SortedDictionary<string, int> TaintSinks { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Generates the corpus: modules of DTOs, a store, payload types, services, helpers several calls deep and
/// clients, until the target line count is reached. Every outbound flow is one of a few shapes the flow engine is
/// specified to handle (docs/flow-engine.md, the P and N cases), and whether it must produce a diagnostic follows
/// from how it was built: classified data, to a foreign host, with no covering authorization. The same options
/// always give the same files (a SplitMix64 sequence from the seed; all text is formatted with the invariant culture).
/// </summary>
internal sealed class CorpusGenerator
{
    /// <summary>The rules whose diagnostics the corpus predicts; a check compares only these.</summary>
    public static readonly IReadOnlySet<string> ModeledIds = new HashSet<string>(StringComparer.Ordinal) { "CBDT1001", "CBDT1002", "CBDT1005" };

    private static readonly string[] Nouns = { "Customer", "Order", "Invoice", "Shipment", "Patient", "Device", "Ticket", "Account", "Reading", "Booking", "Claim", "Member" };

    private readonly CorpusOptions _options;
    private ulong _state;

    public CorpusGenerator(CorpusOptions options)
    {
        _options = options;
        // The seed goes through the mixer: seeds n and n + 1 must not give the same sequence shifted by one draw.
        _state = Mix(unchecked((ulong)options.Seed + 0x2545F4914F6CDD1DUL));
    }

    public List<ExpectedDiagnostic> Expected { get; } = new();

    public CorpusStats Stats { get; } = new();

    /// <summary>Generates every source file: (relative path, text).</summary>
    public List<(string Path, string Text)> Generate()
    {
        var files = new List<(string, string)>();
        var shared = new CodeWriter("src/Shared.cs", Expected);
        WriteShared(shared);
        files.Add((shared.RelativePath, shared.Text));
        Stats.Lines += shared.LineCount;

        var module = 0;
        while (Stats.Lines < _options.TargetLines)
        {
            module++;
            foreach (var writer in WriteModule(module))
            {
                files.Add((writer.RelativePath, writer.Text));
                Stats.Lines += writer.LineCount;
            }
        }

        Stats.Modules = module;
        Stats.Files = files.Count;
        Expected.Sort();
        return files;
    }

    private static string I(FormattableString text) => FormattableString.Invariant(text);

    // SplitMix64: the same seed gives the same corpus on every .NET version (System.Random's seeded sequence is not
    // a documented contract).
    private ulong NextBits()
    {
        _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private double Next() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    private int Next(int max) => (int)(NextBits() % (ulong)max);

    private static void WriteShared(CodeWriter w)
    {
        w.Line("global using System;");
        w.Line("global using System.Collections.Generic;");
        w.Line("global using System.Globalization;");
        w.Line("global using System.Linq;");
        w.Line("global using System.Net.Http;");
        w.Line("global using System.Net.Http.Json;");
        w.Line("global using System.Text;");
        w.Line("global using System.Text.Json;");
        w.Line("global using System.Threading.Tasks;");
        w.Line("global using CrossBorder.Policy;");
    }

    private IEnumerable<CodeWriter> WriteModule(int module)
    {
        var ns = I($"Corpus.M{module:D4}");
        var dir = I($"src/M{module:D4}");
        var dtos = new CodeWriter(dir + "/Dtos.cs", Expected);
        var store = new CodeWriter(dir + "/Store.cs", Expected);
        var services = new CodeWriter(dir + "/Services.cs", Expected);
        var helpers = new CodeWriter(dir + "/Helpers.cs", Expected);
        var clients = new CodeWriter(dir + "/Clients.cs", Expected);
        var rules = new CodeWriter(dir + "/Rules.cs", Expected);
        var web = _options.Shape == CorpusShape.Web;
        var controllers = new CodeWriter(dir + "/Controllers.cs", Expected);
        var webHelpers = new CodeWriter(dir + "/WebHelpers.cs", Expected);
        foreach (var w in new[] { controllers, webHelpers })
        {
            foreach (var u in new[] { "System.Data.Common", "System.Diagnostics", "System.IO", "System.Reflection", "System.Text.RegularExpressions", "System.Xml", "Microsoft.AspNetCore.Mvc" })
            {
                w.Line("using " + u + ";");
            }

            w.Line();
        }

        foreach (var w in new[] { dtos, store, services, helpers, clients, rules, controllers, webHelpers })
        {
            w.Line(I($"namespace {ns};"));
            w.Line();
        }

        webHelpers.Open(I($"public static class WebHelpers{module:D4}"));

        store.Open(I($"public static class Store{module:D4}"));
        helpers.Open(I($"public static class Helpers{module:D4}"));

        const int TypesPerModule = 6;
        for (var k = 0; k < TypesPerModule; k++)
        {
            var name = I($"{Nouns[Next(Nouns.Length)]}{module:D4}_{k}");
            var roll = Next();
            var typeClass = roll >= _options.Density ? TypeClass.Plain : (Next() < 0.85 ? TypeClass.Personal : TypeClass.Important);
            Stats.Types++;
            if (typeClass != TypeClass.Plain)
            {
                Stats.ClassifiedTypes++;
            }

            WriteDto(dtos, name, typeClass, module, k);
            WriteStore(store, name, k);
            WriteRules(rules, name);
            services.Open(I($"public sealed class {name}Service"));
            services.Line("private readonly HttpClient _http;");
            services.Line();
            services.Line(I($"public {name}Service(HttpClient http) => _http = http;"));
            services.Line();
            WriteFiller(services, name, module, k);
            for (var j = 0; j < 3; j++)
            {
                WriteFlow(new FlowContext(services, helpers, clients, module, k, j, name, typeClass));
            }

            services.Close();
            services.Line();
            if (web)
            {
                WriteController(controllers, webHelpers, module, k, name, typeClass);
            }
        }

        // Core data in a few modules: always foreign, always CBDT1002.
        if (Next() < _options.Density * 0.2)
        {
            WriteCoreData(dtos, services, module);
        }

        store.Close();
        helpers.Close();
        webHelpers.Close();
        return web
            ? new[] { dtos, store, services, helpers, clients, rules, controllers, webHelpers }
            : new[] { dtos, store, services, helpers, clients, rules };
    }

    private void WriteDto(CodeWriter w, string name, TypeClass typeClass, int module, int k)
    {
        if (typeClass == TypeClass.Important)
        {
            w.Line(I($"[ImportantData(\"CAT-{module:D4}-{k}\", Catalog = \"Corpus\")]"));
        }

        w.Open(I($"public sealed class {name}"));
        w.Line("public int Id { get; set; }");
        w.Line(typeClass == TypeClass.Personal
            ? "[PersonalInformation] public string Contact { get; set; } = \"\";"
            : "public string Contact { get; set; } = \"\";");
        w.Line("public string Code { get; set; } = \"\";");
        w.Line("public string Region { get; set; } = \"\";");
        w.Line("public decimal Amount { get; set; }");
        w.Line("public DateTime CreatedOn { get; set; }");
        w.Line("public bool Active { get; set; }");
        w.Line("public List<string> Tags { get; set; } = new List<string>();");
        w.Close();
        w.Line();
        w.Open(I($"public sealed class {name}Payload"));
        w.Line("public string Key { get; set; } = \"\";");
        w.Line("public string Value { get; set; } = \"\";");
        w.Line("public decimal Amount { get; set; }");
        w.Close();
        w.Line();
    }

    private static void WriteStore(CodeWriter w, string name, int k)
    {
        w.Line(I($"public static {name} Load{k}(int id) => new {name} {{ Id = id, Code = \"C\" + id.ToString(CultureInfo.InvariantCulture), Active = id % 2 == 0 }};"));
        w.Line();
        w.Line(I($"public static List<{name}> All{k}() => new List<{name}> {{ Load{k}(1), Load{k}(2), Load{k}(3) }};"));
        w.Line();
    }

    private static void WriteRules(CodeWriter w, string name)
    {
        // Plain business logic with no sink: loops, switches, LINQ, string formatting, classified data that stays local.
        w.Open(I($"public static class {name}Rules"));
        w.Open(I($"public static bool IsValid({name} item)"));
        w.Open("if (item is null)");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Line("var total = 0m;");
        w.Open("foreach (var tag in item.Tags)");
        w.Line("total += tag.Length;");
        w.Close();
        w.Line();
        w.Line("return item.Id > 0 && total >= 0 && item.Code.Length < 64;");
        w.Close();
        w.Line();
        w.Open(I($"public static string Describe({name} item)"));
        w.Line("var level = item.Amount switch");
        w.Line("{");
        w.Line("    < 100m => \"small\",");
        w.Line("    < 10000m => \"medium\",");
        w.Line("    _ => \"large\",");
        w.Line("};");
        w.Line("return string.Create(CultureInfo.InvariantCulture, $\"{item.Code}:{level}:{item.Region}\");");
        w.Close();
        w.Line();
        w.Open(I($"public static IReadOnlyList<string> Regions(IEnumerable<{name}> items)"));
        w.Line("return items.Where(i => i.Active).Select(i => i.Region).Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal).ToList();");
        w.Close();
        w.Line();
        w.Open(I($"public static void Audit({name} item)"));
        w.Line("Console.WriteLine(item.Contact.Length);");
        w.Close();
        w.Close();
        w.Line();
    }

    private static void WriteFiller(CodeWriter w, string name, int module, int k)
    {
        w.Open(I($"public decimal Total{k}(int count)"));
        w.Line("var sum = 0m;");
        w.Open("for (var i = 1; i <= count; i++)");
        w.Line(I($"var item = Store{module:D4}.Load{k}(i);"));
        w.Open(I($"if ({name}Rules.IsValid(item))"));
        w.Line("sum += item.Amount;");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return sum;");
        w.Close();
        w.Line();
        w.Open(I($"public async Task<int> CountRemote{k}Async()"));
        w.Line(I($"var text = await _http.GetStringAsync(\"https://status.vendor{module % 7}.com/v1/count\");"));
        w.Line("return int.Parse(text, CultureInfo.InvariantCulture);");
        w.Close();
        w.Line();
    }

    private sealed record FlowContext(CodeWriter Services, CodeWriter Helpers, CodeWriter Clients, int Module, int K, int J, string Name, TypeClass Class);

    private void WriteFlow(FlowContext c)
    {
        // Shapes: 0 direct, 1 mapped+serialized, 2 LINQ, 3 helper chain, 4 typed client (BaseAddress in ctor),
        // 5 [ForeignEndpoint] client, 6 async helper, 7 unresolved URL (rare).
        var roll = Next();
        var shape = roll < 0.04 ? 7 : Next(7);
        if (c.Class == TypeClass.Important && shape is 1 or 2 or 6)
        {
            // Important data is on the type: generate only whole-object flows for it.
            shape = 0;
        }

        var d = Next();
        var destination = d < 0.3 ? Destination.Domestic : d < 0.7 ? Destination.ForeignUnauthorized : Destination.ForeignAuthorized;
        if (destination == Destination.ForeignAuthorized && shape is 3 or 4)
        {
            destination = Destination.ForeignUnauthorized;
        }

        if (shape == 5 && destination == Destination.Domestic)
        {
            destination = Destination.ForeignUnauthorized;
        }

        var vendor = Next(20);
        var host = destination == Destination.Domestic ? I($"api.vendor{vendor}.cn") : I($"api.vendor{vendor}.com");
        var url = I($"https://{host}/v1/m{c.Module}/k{c.K}");
        var classified = c.Class != TypeClass.Plain;
        var id = classified && destination == Destination.ForeignUnauthorized ? "CBDT1001" : null;
        var shapeName = shape switch
        {
            0 => "direct",
            1 => "mapped-serialized",
            2 => "linq",
            3 => "helper-chain",
            4 => "typed-client",
            5 => "foreign-endpoint-client",
            6 => "async-helper",
            _ => "unresolved-url",
        };
        Stats.Flows++;
        Stats.FlowsByShape[shapeName] = Stats.FlowsByShape.TryGetValue(shapeName, out var n) ? n + 1 : 1;

        var w = c.Services;
        var store = I($"Store{c.Module:D4}");
        var auth = destination == Destination.ForeignAuthorized
            ? I($"[CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = \"SC-{c.Module}-{c.K}-{c.J}\", Endpoint = \"{host}\")]")
            : null;
        switch (shape)
        {
            case 0:
                if (auth is not null)
                {
                    w.Line(auth);
                }

                w.Open(I($"public async Task PushDirect{c.J}()"));
                w.Line(I($"var item = {store}.Load{c.K}({c.J + 1});"));
                w.Line(I($"await _http.PostAsJsonAsync(\"{url}\", item);"), id);
                w.Close();
                break;
            case 1:
                if (auth is not null)
                {
                    w.Line(auth);
                }

                w.Open(I($"public async Task PushMapped{c.J}()"));
                w.Line(I($"var item = {store}.Load{c.K}({c.J + 1});"));
                w.Line(I($"var payload = new {c.Name}Payload {{ Key = item.Code, Value = item.Contact, Amount = item.Amount }};"));
                w.Line("var json = JsonSerializer.Serialize(payload);");
                w.Line(I($"await _http.PostAsync(\"{url}\", new StringContent(json));"), id);
                w.Close();
                break;
            case 2:
                if (auth is not null)
                {
                    w.Line(auth);
                }

                w.Open(I($"public async Task PushList{c.J}()"));
                w.Line(I($"var values = {store}.All{c.K}().Where(x => x.Active).Select(x => x.Contact).ToList();"));
                w.Line("var body = string.Join(\",\", values);");
                w.Line(I($"await _http.PostAsync(\"{url}\", new StringContent(body));"), id);
                w.Close();
                break;
            case 3:
                w.Open(I($"public async Task PushViaHelpers{c.J}()"));
                w.Line(I($"var item = {store}.Load{c.K}({c.J + 1});"));
                w.Line(I($"await Helpers{c.Module:D4}.Forward{c.K}_{c.J}(item);"), id);
                w.Close();
                WriteHelperChain(c, url);
                break;
            case 4:
                w.Open(I($"public async Task PushViaGateway{c.J}({c.Name}Gateway{c.J} gateway)"));
                w.Line(I($"var item = {store}.Load{c.K}({c.J + 1});"));
                w.Line("await gateway.Upload(item);", id);
                w.Close();
                WriteGateway(c, host);
                break;
            case 5:
                w.Open(I($"public Task PushViaPartner{c.J}()"));
                w.Line(I($"return new {c.Name}Partner{c.J}().Upload();"));
                w.Close();
                WritePartner(c, vendor, destination == Destination.ForeignAuthorized, id);
                break;
            case 6:
                if (auth is not null)
                {
                    w.Line(auth);
                }

                w.Open(I($"private static async Task<string> Fetch{c.J}Async()"));
                w.Line("await Task.Yield();");
                w.Line(I($"return {store}.Load{c.K}({c.J + 1}).Contact;"));
                w.Close();
                w.Line();
                if (auth is not null)
                {
                    w.Line(auth);
                }

                w.Open(I($"public async Task PushFetched{c.J}()"));
                w.Line(I($"var value = await Fetch{c.J}Async();"));
                w.Line(I($"await _http.PostAsync(\"{url}\", new StringContent(value));"), id);
                w.Close();
                break;
            default:
                w.Open(I($"public async Task PushTo{c.J}(string url)"));
                w.Line(I($"var item = {store}.Load{c.K}({c.J + 1});"));
                w.Line("await _http.PostAsJsonAsync(url, item);", classified ? "CBDT1005" : null);
                w.Close();
                break;
        }

        w.Line();
    }

    private static void WriteHelperChain(FlowContext c, string url)
    {
        var h = c.Helpers;
        h.Line(I($"public static Task Forward{c.K}_{c.J}({c.Name} item) => Stage{c.K}_{c.J}(JsonSerializer.Serialize(item));"));
        h.Line();
        h.Line(I($"private static Task Stage{c.K}_{c.J}(string body) => Deliver{c.K}_{c.J}(\"payload=\" + body);"));
        h.Line();
        h.Open(I($"private static async Task Deliver{c.K}_{c.J}(string body)"));
        h.Line("using var http = new HttpClient();");
        h.Line(I($"await http.PostAsync(\"{url}\", new StringContent(body));"));
        h.Close();
        h.Line();
    }

    private static void WriteGateway(FlowContext c, string host)
    {
        var w = c.Clients;
        w.Open(I($"public sealed class {c.Name}Gateway{c.J}"));
        w.Line("private readonly HttpClient _http;");
        w.Line();
        w.Open(I($"public {c.Name}Gateway{c.J}(HttpClient http)"));
        w.Line("_http = http;");
        w.Line(I($"_http.BaseAddress = new Uri(\"https://{host}/\");"));
        w.Close();
        w.Line();
        w.Line(I($"public Task Upload({c.Name} item) => _http.PostAsJsonAsync(\"v1/items\", item);"));
        w.Close();
        w.Line();
    }

    private static void WritePartner(FlowContext c, int vendor, bool authorized, string? id)
    {
        var w = c.Clients;
        var recipient = I($"Partner {vendor} Pte Ltd");
        w.Line(I($"[ForeignEndpoint(\"SG\", Recipient = \"{recipient}\")]"));
        if (authorized)
        {
            w.Line(I($"[CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = \"SC-P-{c.Module}-{c.K}-{c.J}\", Recipient = \"{recipient}\")]"));
        }

        w.Open(I($"public sealed class {c.Name}Partner{c.J}"));
        w.Line("private readonly HttpClient _http = new HttpClient();");
        w.Line();
        w.Open("public async Task Upload()");
        w.Line(I($"var item = Store{c.Module:D4}.Load{c.K}({c.J + 1});"));
        w.Line("await _http.PostAsJsonAsync(\"v1/items\", item);", id);
        w.Close();
        w.Close();
        w.Line();
    }

    /// <summary>
    /// Web shape: one controller per type. Its <c>[FromBody]</c> DTO goes to an HTTP endpoint (a CBDT flow, expected
    /// by the same rule as the services' flows), and its query parameters reach NetAnalyzers' taint sinks, most of
    /// them one or two calls deep in <c>WebHelpers</c> (interprocedural). No query parameter carries classified data,
    /// so the taint sinks never produce a CBDT diagnostic.
    /// </summary>
    private void WriteController(CodeWriter w, CodeWriter h, int module, int k, string name, TypeClass typeClass)
    {
        var d = Next();
        var destination = d < 0.3 ? Destination.Domestic : d < 0.7 ? Destination.ForeignUnauthorized : Destination.ForeignAuthorized;
        var vendor = Next(20);
        var host = destination == Destination.Domestic ? I($"api.vendor{vendor}.cn") : I($"api.vendor{vendor}.com");
        var id = typeClass != TypeClass.Plain && destination == Destination.ForeignUnauthorized ? "CBDT1001" : null;
        Stats.Flows++;
        Stats.FlowsByShape["web-action"] = Stats.FlowsByShape.TryGetValue("web-action", out var n) ? n + 1 : 1;
        var helpers = I($"WebHelpers{module:D4}");

        w.Line("[ApiController]");
        w.Line(I($"[Route(\"api/m{module}/k{k}\")]"));
        w.Open(I($"public sealed class {name}Controller : ControllerBase"));
        w.Line("private readonly HttpClient _http;");
        w.Line("private readonly DbConnection _db;");
        w.Line();
        w.Open(I($"public {name}Controller(HttpClient http, DbConnection db)"));
        w.Line("_http = http;");
        w.Line("_db = db;");
        w.Close();
        w.Line();
        if (destination == Destination.ForeignAuthorized)
        {
            w.Line(I($"[CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = \"SC-W-{module}-{k}\", Endpoint = \"{host}\")]"));
        }

        w.Line("[HttpPost(\"sync/{id}\")]");
        w.Open("public async Task<IActionResult> Sync(int id, [FromQuery] string note)");
        w.Line(I($"var item = Store{module:D4}.Load{k}(id);"));
        w.Line("item.Region = note;");
        w.Line(I($"await _http.PostAsJsonAsync(\"https://{host}/v1/m{module}/k{k}/sync\", item);"), id);
        w.Line("return Ok();");
        w.Close();
        w.Line();
        if (destination == Destination.ForeignAuthorized)
        {
            w.Line(I($"[CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = \"SC-W-{module}-{k}-F\", Endpoint = \"{host}\")]"));
        }

        // The request body itself sent on. Nothing in the compilation calls an action, so it is an entry point
        // (crossborder.entry_points = uncalled, the default): its parameter carries the labels of its declared type and
        // the flow is expected by the same rule as Sync's.
        w.Line("[HttpPost(\"forward\")]");
        w.Open(I($"public async Task<IActionResult> Forward([FromBody] {name} item)"));
        w.Line(I($"await _http.PostAsJsonAsync(\"https://{host}/v1/m{module}/k{k}/forward\", item);"), id);
        w.Line("return Ok();");
        w.Close();
        w.Line();
        Stats.Flows++;
        Stats.FlowsByShape["web-action-body-parameter"] = Stats.FlowsByShape.TryGetValue("web-action-body-parameter", out var b) ? b + 1 : 1;
        w.Line("[HttpGet(\"find\")]");
        w.Line(I($"public IActionResult Find([FromQuery] string code) => Ok({helpers}.Find{k}(_db, code));"));
        w.Line();
        w.Line("[HttpPost(\"export\")]");
        w.Open("public IActionResult Export([FromQuery] string name, [FromQuery] string format)");
        w.Line(I($"{helpers}.Export{k}(name, format);"));
        w.Line("return Ok();");
        w.Close();
        w.Line();
        w.Line("[HttpGet(\"search\")]");
        w.Line(I($"public IActionResult Search([FromQuery] string pattern, [FromQuery] string xpath) => Ok({helpers}.Search{k}(pattern, xpath));"));
        w.Line();
        w.Line("[HttpPost(\"render\")]");
        w.Line(I($"public IActionResult Render([FromQuery] string fragment) => Content({helpers}.Render{k}(fragment), \"application/xml\");"));
        w.Line();
        w.Line("[HttpPost(\"plugin\")]");
        w.Line(I($"public IActionResult Plugin([FromQuery] string path) => Ok({helpers}.Plugin{k}(path).FullName);"));
        w.Line();
        w.Line("[HttpGet(\"back\")]");
        w.Line("public IActionResult Back([FromQuery] string returnUrl) => Redirect(returnUrl);");
        w.Close();
        w.Line();
        Taint("CA3007");

        // SQL text built from web input: CA3001 (SQL injection) and CA2100 (review SQL queries).
        h.Open(I($"public static List<string> Find{k}(DbConnection db, string code)"));
        h.Line(I($"return Query{k}(db, \"SELECT Code FROM Items{k} WHERE Code = '\" + code + \"'\");"));
        h.Close();
        h.Line();
        h.Open(I($"private static List<string> Query{k}(DbConnection db, string sql)"));
        h.Line("using var command = db.CreateCommand();");
        h.Line("command.CommandText = sql;");
        h.Line("var result = new List<string>();");
        h.Line("using var reader = command.ExecuteReader();");
        h.Open("while (reader.Read())");
        h.Line("result.Add(reader.GetString(0));");
        h.Close();
        h.Line();
        h.Line("return result;");
        h.Close();
        h.Line();
        Taint("CA3001");
        Taint("CA2100");

        // A file path (CA3003) and a process start (CA3006) from web input.
        h.Open(I($"public static void Export{k}(string name, string format)"));
        h.Line("var path = Path.Combine(\"/var/exports\", name + \".\" + format);");
        h.Line("File.WriteAllText(path, format);");
        h.Line("Process.Start(\"convert\", path + \" \" + format);");
        h.Close();
        h.Line();
        Taint("CA3003");
        Taint("CA3006");

        // A regular expression (CA3012) and an XPath query (CA3008) from web input.
        h.Open(I($"public static int Search{k}(string pattern, string xpath)"));
        h.Line("var regex = new Regex(pattern);");
        h.Line("var document = new XmlDocument();");
        h.Line("document.LoadXml(\"<items><item code='a'/></items>\");");
        h.Line("var nodes = document.SelectNodes(xpath);");
        h.Line("return regex.IsMatch(\"abc\") && nodes is not null ? nodes.Count : 0;");
        h.Close();
        h.Line();
        Taint("CA3012");
        Taint("CA3008");

        // Raw XML (CA3009) and assembly loading (CA3011) from web input.
        h.Open(I($"public static string Render{k}(string fragment)"));
        h.Line("var builder = new StringBuilder();");
        h.Open("using (var writer = XmlWriter.Create(builder))");
        h.Line("writer.WriteStartElement(\"root\");");
        h.Line("writer.WriteRaw(fragment);");
        h.Line("writer.WriteEndElement();");
        h.Close();
        h.Line();
        h.Line("return builder.ToString();");
        h.Close();
        h.Line();
        h.Line(I($"public static Assembly Plugin{k}(string path) => Assembly.LoadFrom(path);"));
        h.Line();
        Taint("CA3009");
        Taint("CA3011");
    }

    private void Taint(string rule) => Stats.TaintSinks[rule] = Stats.TaintSinks.GetValueOrDefault(rule) + 1;

    private void WriteCoreData(CodeWriter dtos, CodeWriter services, int module)
    {
        dtos.Open(I($"public sealed class Grid{module:D4}"));
        dtos.Line("[CoreData(Basis = \"Corpus catalogue\")] public string Layout { get; set; } = \"\";");
        dtos.Line("public int Version { get; set; }");
        dtos.Close();
        dtos.Line();
        services.Open(I($"public sealed class Grid{module:D4}Service"));
        // Loaded, not built from a literal: the engine tracks a member set from a constant as that constant.
        services.Open(I($"public async Task Publish(HttpClient http, Func<Grid{module:D4}> load)"));
        services.Line("var grid = load();");
        services.Line(I($"await http.PostAsync(\"https://grid.vendor{module % 5}.com/v1/layout\", new StringContent(grid.Layout));"), "CBDT1002");
        services.Close();
        services.Close();
        services.Line();
        Stats.Flows++;
        Stats.FlowsByShape["core-data"] = Stats.FlowsByShape.TryGetValue("core-data", out var n) ? n + 1 : 1;
    }
}
