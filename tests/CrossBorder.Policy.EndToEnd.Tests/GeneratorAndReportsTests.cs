using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using CrossBorder.Policy.EndToEnd.Tests.Infrastructure;

namespace CrossBorder.Policy.EndToEnd.Tests;

/// <summary>
/// The source generator and the build task as a user gets them: consumer projects built with <c>dotnet build</c>
/// against the packed package (docs/generator.md, docs/templates.md). The builds are shared: <see cref="ClinicBuilds"/>
/// builds one application six times (clean, unchanged, touched, clean under tr-TR, clean under fi-FI, with replaced
/// templates) and keeps what each build left; <see cref="LibraryAndAppBuild"/> builds an application with a
/// ProjectReference to a classified library. The tests only read what the builds recorded.
/// </summary>
public sealed class GeneratorAndReportsTests : IClassFixture<GeneratorAndReportsTests.ClinicBuilds>, IClassFixture<GeneratorAndReportsTests.LibraryAndAppBuild>
{
    /// <summary>What the build task writes by default (docs/templates.md).</summary>
    public static readonly string[] DefaultFiles =
    [
        "data-directory.csv", "data-directory.html", "data-directory.json", "data-directory.md",
        "transfers.csv", "transfers.html", "transfers.json", "transfers.md",
    ];

    private readonly PackageFixture _package;
    private readonly ClinicBuilds _clinic;
    private readonly LibraryAndAppBuild _multi;

    public GeneratorAndReportsTests(PackageFixture package, ClinicBuilds clinic, LibraryAndAppBuild multi)
    {
        _package = package;
        _clinic = clinic;
        _multi = multi;
    }

    [Fact]
    public void ProgramReadsTheTypedDirectory()
    {
        var run = _clinic.ProgramRun;
        Assert.True(run.Succeeded, run.ToString());
        var lines = run.StandardOutput.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("count|6|3", lines);

        // Entries, sorted by id; the attributes' values come through. The type holding a Patient is derived and carries
        // what Patient carries (its sensitive category and its members' important data); a type whose only classified
        // member is general data gets no entry of its own (general data is not carried).
        var entries = lines.Where(l => l.StartsWith("entry|", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "entry|P:Clinic.Patient.Diagnoses|Property|False|True|True|MedicalHealth|False|-|-|Diagnoses",
                "entry|P:Clinic.Patient.Email|Property|False|True|False||False|-|-|-",
                "entry|P:Clinic.Patient.GenomeSequence|Property|False|False|False||True|-|-|-",
                "entry|P:Clinic.Ward.Layout|Property|False|False|False||False|-|-|-",
                "entry|T:Clinic.Appointment|Type|True|True|True|MedicalHealth|True|-|-|-",
                "entry|T:Clinic.Patient|Type|False|True|False||False|CN-JS|-|A registered patient",
            ],
            entries);

        // Three transfers: a declared id, a derived id (method/mechanism/reference) with a computed end date
        // (three years for a security assessment), and an assembly-level exemption.
        var transfers = lines.Where(l => l.StartsWith("transfer|", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "transfer|M:Clinic.TrialClient.Archive(System.String)/SecurityAssessment/CAC-2025-001|SecurityAssessment|CAC-2025-001|2025-06-30|2028-06-30|True|Archive Inc.|US|None|-",
                "transfer|assembly/Exemption|Exemption|-|-|-|False|-|-|Emergency|-",
                "transfer|sg-cro-2025|StandardContract|苏网信备〔2025〕0117号|2025-03-01|2028-02-29|False|Example CRO Pte. Ltd.|SG|None|20000",
            ],
            transfers);

        Assert.Contains("find|苏网信备〔2025〕0117号|Clinic.Patient.Email", lines);
        Assert.Contains("processor|诊所 Clinic Ltd.|CN-JS-FTZ", lines);
        Assert.Contains("namespace|Clinic|internal", lines);
    }

    [Fact]
    public void BuildWritesTheManifestsAndTheReportsMatchingTheEmbeddedDigests()
    {
        Assert.Equal(DefaultFiles, _clinic.First.Keys.Order(StringComparer.Ordinal));

        var metadata = ReadAssemblyMetadata(_clinic.Project.OutputAssembly("net10.0"));
        Assert.Equal("1", metadata["CrossBorder.Policy.ManifestFormat"]);
        Assert.Equal("Clinic.CrossBorderDirectory", metadata["CrossBorder.Policy.Directory"]);

        var core = Path.Combine(_package.ExtractedPackageDirectory, "analyzers", "dotnet", "cs", "CrossBorder.Policy.Core.dll");
        foreach (var (file, key) in new[] { ("transfers.json", "Transfers"), ("data-directory.json", "DataDirectory") })
        {
            var bytes = _clinic.First[file];
            Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{file} starts with a BOM.");
            Assert.Equal(metadata[$"CrossBorder.Policy.{key}Json"], Encoding.UTF8.GetString(bytes));
            Assert.Equal(metadata[$"CrossBorder.Policy.{key}Sha256"], ComputeDigestWithPackagedCore(core, bytes));
            Assert.Matches("^sha256:[0-9a-f]{64}$", metadata[$"CrossBorder.Policy.{key}Sha256"]);
        }

        // The program printed the same digest from the typed API.
        Assert.Contains("digest|" + metadata["CrossBorder.Policy.TransfersSha256"], _clinic.ProgramRun.StandardOutput, StringComparison.Ordinal);

        using var transfers = JsonDocument.Parse(_clinic.First["transfers.json"]);
        Assert.Equal("crossborder.transfer-manifest", transfers.RootElement.GetProperty("document").GetString());
        Assert.Equal("Clinic", transfers.RootElement.GetProperty("assembly").GetString());
        Assert.Equal(
            ["M:Clinic.TrialClient.Archive(System.String)/SecurityAssessment/CAC-2025-001", "assembly/Exemption", "sg-cro-2025"],
            transfers.RootElement.GetProperty("authorizations").EnumerateArray().Select(a => a.GetProperty("id").GetString()));

        // The reports carry what was declared, in both languages by default; CSV with BOM and CRLF, the rest without.
        var transfersMd = Encoding.UTF8.GetString(_clinic.First["transfers.md"]);
        Assert.Contains("苏网信备〔2025〕0117号", transfersMd, StringComparison.Ordinal);
        Assert.Contains("数据出境清单", transfersMd, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", transfersMd, StringComparison.Ordinal);
        Assert.Contains("Clinic.Patient.Email", Encoding.UTF8.GetString(_clinic.First["data-directory.md"]), StringComparison.Ordinal);
        Assert.Contains("<html", Encoding.UTF8.GetString(_clinic.First["transfers.html"]), StringComparison.Ordinal);
        foreach (var csv in new[] { "transfers.csv", "data-directory.csv" })
        {
            Assert.True(_clinic.First[csv].AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{csv} has no BOM.");
            Assert.Contains("\r\n", Encoding.UTF8.GetString(_clinic.First[csv]), StringComparison.Ordinal);
        }

        Assert.Contains("CAC-2025-001", Encoding.UTF8.GetString(_clinic.First["transfers.csv"]), StringComparison.Ordinal);
    }

    [Fact]
    public void ReplacedTemplateIsUsedAndTheOthersKeepTheirDefaults()
    {
        var custom = _clinic.CustomTemplates;
        Assert.Equal(DefaultFiles.Append("recipients.txt").Order(StringComparer.Ordinal), custom.Keys.Order(StringComparer.Ordinal));

        Assert.Equal(
            "# Custom transfers of Clinic (both)\n" +
            "- M:Clinic.TrialClient.Archive(System.String)/SecurityAssessment/CAC-2025-001: SecurityAssessment CAC-2025-001 until 2028-06-30\n" +
            "- assembly/Exemption: Exemption  until \n" +
            "- sg-cro-2025: StandardContract 苏网信备〔2025〕0117号 until 2028-02-29\n",
            Encoding.UTF8.GetString(custom["transfers.md"]));
        Assert.Equal("Archive Inc.\n\nExample CRO Pte. Ltd.\n", Encoding.UTF8.GetString(custom["recipients.txt"]));

        foreach (var name in DefaultFiles.Where(n => n != "transfers.md"))
        {
            Assert.True(_clinic.First[name].AsSpan().SequenceEqual(custom[name]), $"{name} changed although its template was not replaced.");
        }
    }

    [Fact]
    public void CleanBuildsGiveTheSameBytesInEveryCulture()
    {
        // The variables do reach .NET processes started this way: the program reports the culture it ran in.
        Assert.True(_clinic.TurkishProgramRun.Succeeded, _clinic.TurkishProgramRun.ToString());
        Assert.Contains("culture|tr-TR", _clinic.TurkishProgramRun.StandardOutput, StringComparison.Ordinal);

        // The typed API reads the same under tr-TR (dotted and dotless i, other casing rules).
        static IEnumerable<string> WithoutCulture(ProcessResult run) =>
            run.StandardOutput.Split('\n').Where(l => !l.StartsWith("culture|", StringComparison.Ordinal));
        Assert.Equal(WithoutCulture(_clinic.ProgramRun), WithoutCulture(_clinic.TurkishProgramRun));

        foreach (var (culture, files) in new[] { ("tr-TR", _clinic.Turkish), ("fi-FI", _clinic.Finnish) })
        {
            Assert.Equal(_clinic.First.Keys.Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, bytes) in _clinic.First)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(files[name]), $"{name} differs between the first clean build and the clean build under {culture}.");
            }
        }
    }

    [Fact]
    public void UnchangedBuildDoesNotRewriteTheFiles()
    {
        Assert.Contains("Skipping target \"CrossBorderWriteReports\"", _clinic.Unchanged.Output, StringComparison.Ordinal);
        Assert.Equal(_clinic.FirstTimes, _clinic.UnchangedTimes);

        // A comment changes the assembly (its PDB checksum), so the task runs again, but the content is the same
        // and no file is rewritten.
        Assert.DoesNotContain("Skipping target \"CrossBorderWriteReports\"", _clinic.Touched.Output, StringComparison.Ordinal);
        Assert.Contains("CrossBorderWriteReports", _clinic.Touched.Output, StringComparison.Ordinal);
        Assert.Equal(_clinic.FirstTimes, _clinic.TouchedTimes);
    }

    [Fact]
    public void AppDirectoryListsTheLibraryTypesFromTheReferencedAssembly()
    {
        using var app = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_multi.AppOutput, "data-directory.json")));
        Assert.Equal("ClinicApp", app.RootElement.GetProperty("assembly").GetString());
        var appEntries = Entries(app);

        // The app uses Customer (Order.Customer), not Card: only the library types it uses are listed.
        Assert.Equal("ClinicLib", appEntries["P:ClinicLib.Customer.Phone"]);
        Assert.DoesNotContain("T:ClinicLib.Card", appEntries.Keys);
        Assert.Null(appEntries["P:ClinicApp.Order.ShippingAddress"]);
        Assert.Null(appEntries["T:ClinicApp.Order"]);
        Assert.DoesNotContain("T:ClinicLib.Hidden", appEntries.Keys);
        Assert.DoesNotContain("T:ClinicLib.Plain", appEntries.Keys);

        using var appTransfers = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_multi.AppOutput, "transfers.json")));
        Assert.Equal(
            ["app-contract"],
            appTransfers.RootElement.GetProperty("authorizations").EnumerateArray().Select(a => a.GetProperty("id").GetString()));

        // The library's own build wrote its own directory, with its types as its own.
        Assert.Equal(DefaultFiles, Directory.GetFiles(_multi.LibraryOutput).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var lib = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_multi.LibraryOutput, "data-directory.json")));
        Assert.Equal("ClinicLib", lib.RootElement.GetProperty("assembly").GetString());
        var libEntries = Entries(lib);
        Assert.Null(libEntries["P:ClinicLib.Customer.Phone"]);
        Assert.Null(libEntries["T:ClinicLib.Card"]);
        Assert.Null(libEntries["T:ClinicLib.Hidden"]);
        Assert.DoesNotContain(libEntries.Keys, k => k.Contains("ClinicApp", StringComparison.Ordinal));

        // The application's output folder holds the application's manifest, not the library's.
        var metadata = ReadAssemblyMetadata(_multi.App.OutputAssembly("net10.0"));
        Assert.Equal(metadata["CrossBorder.Policy.DataDirectoryJson"], File.ReadAllText(Path.Combine(_multi.AppOutput, "data-directory.json")));
    }

    /// <summary>Entry id to its <c>referencedAssembly</c>.</summary>
    private static Dictionary<string, string?> Entries(JsonDocument directory) =>
        directory.RootElement.GetProperty("entries").EnumerateArray()
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("referencedAssembly").GetString(), StringComparer.Ordinal);

    /// <summary>The assembly's <c>AssemblyMetadata</c> pairs, read from its metadata tables without loading it.</summary>
    internal static Dictionary<string, string> ReadAssemblyMetadata(string dllPath)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var pe = new PEReader(File.OpenRead(dllPath));
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var type = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (reader.GetString(type.Namespace) != "System.Reflection" || reader.GetString(type.Name) != "AssemblyMetadataAttribute")
            {
                continue;
            }

            var value = reader.GetBlobReader(attribute.Value);
            Assert.Equal(1, value.ReadUInt16());
            var key = value.ReadSerializedString();
            if (key is not null && key.StartsWith("CrossBorder.Policy.", StringComparison.Ordinal))
            {
                result.Add(key, value.ReadSerializedString() ?? "");
            }
        }

        return result;
    }

    /// <summary>Core's <c>ManifestDigest.Compute(byte[])</c>, from the Core DLL the package ships, in a collectible context.</summary>
    private static string ComputeDigestWithPackagedCore(string coreDll, byte[] bytes)
    {
        Assert.True(File.Exists(coreDll), $"{coreDll} is not in the restored package.");
        var context = new AssemblyLoadContext("crossborder-core-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            var type = context.LoadFromAssemblyPath(coreDll).GetType("CrossBorder.Policy.Core.Manifest.ManifestDigest", throwOnError: true)!;
            var compute = type.GetMethod("Compute", [typeof(byte[])]) ?? throw new InvalidOperationException("ManifestDigest.Compute(byte[]) not found.");
            return (string)compute.Invoke(null, [bytes])!;
        }
        finally
        {
            context.Unload();
        }
    }

    private static Task<ProcessResult> BuildAsync(ConsumerProject project, IReadOnlyDictionary<string, string?>? environment = null, params string[] extraArguments) =>
        DotNet.RunAsync(
            project.Directory,
            ["build", project.ProjectPath, "-c", "Debug", "--disable-build-servers", "-nodeReuse:false", "-nologo", .. extraArguments],
            environment: environment);

    private static ProcessResult EnsureSucceeded(ProcessResult result, string what) =>
        result.Succeeded ? result : throw new InvalidOperationException($"{what} failed.\n{result}");

    private static Dictionary<string, byte[]> ReadFiles(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal)
            : [];

    private static Dictionary<string, DateTime> Timestamps(string directory) =>
        Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f), File.GetLastWriteTimeUtc, StringComparer.Ordinal);

    private static Dictionary<string, string?> Culture(string name) => new()
    {
        ["LANG"] = name + ".UTF-8",
        ["LC_ALL"] = name + ".UTF-8",
        ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = null,
    };

    /// <summary>One application with classified models, three transfers and a program that prints its directory, built six times.</summary>
    public sealed class ClinicBuilds : IAsyncLifetime
    {
        private const string Models = """
            using System.Collections.Generic;
            using CrossBorder.Policy;

            namespace Clinic;

            [PersonalInformation(Category = "identity", Description = "A registered patient")]
            [DataOrigin("CN-JS")]
            public sealed class Patient
            {
                [PersonalInformation(Category = "contact")]
                public string Email { get; set; } = "";

                [SensitivePersonalInformation(SensitiveCategory.MedicalHealth, Description = "Diagnoses")]
                public List<string> Diagnoses { get; } = new List<string>();

                [ImportantData("BIO-001", Catalog = "JS-FTZ-Biomedicine", CatalogVersion = "2024", Domain = "biomedicine")]
                public string? GenomeSequence { get; set; }

                public int VisitCount { get; set; }
            }

            public sealed class Appointment
            {
                public Patient? Patient { get; set; }

                public System.DateTime At { get; set; }
            }

            public sealed class Ward
            {
                [GeneralData(Level = 2)]
                public string? Layout { get; set; }
            }
            """;

        private const string Clients = """
            using CrossBorder.Policy;

            [assembly: DataProcessor(Name = "诊所 Clinic Ltd.", FreeTradeZone = "CN-JS-FTZ")]
            [assembly: CrossBorderTransfer(Mechanism = TransferMechanism.Exemption, Exemption = ExemptionBasis.Emergency, Purpose = "Emergency treatment abroad")]

            namespace Clinic;

            [ForeignEndpoint("SG", Host = "api.cro.example.sg", Recipient = "Example CRO Pte. Ltd.")]
            public sealed class TrialClient
            {
                [CrossBorderTransfer(
                    Id = "sg-cro-2025",
                    Mechanism = TransferMechanism.StandardContract,
                    Reference = "苏网信备〔2025〕0117号",
                    IssuedOn = "2025-03-01",
                    ValidUntil = "2028-02-29",
                    Recipient = "Example CRO Pte. Ltd.",
                    Jurisdiction = "SG",
                    Endpoint = "*.cro.example.sg",
                    Purpose = "Clinical trial monitoring",
                    Categories = new[] { "PersonalInformation", "SensitivePersonalInformation:MedicalHealth" },
                    EstimatedSubjectsPerYear = 20000,
                    SeparateConsent = true)]
                public void Send(Patient patient) { }

                [CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "CAC-2025-001", IssuedOn = "2025-06-30", Jurisdiction = "US", Recipient = "Archive Inc.")]
                public string Archive(string backup) => backup;
            }
            """;

        private const string Program = """
            using System;
            using System.Globalization;
            using System.Linq;

            namespace Clinic;

            public static class Program
            {
                public static void Main()
                {
                    Console.OutputEncoding = System.Text.Encoding.UTF8;
                    Console.WriteLine("culture|" + CultureInfo.CurrentCulture.Name);
                    Console.WriteLine("namespace|" + typeof(CrossBorderDirectory).Namespace + "|" + (typeof(CrossBorderDirectory).IsPublic ? "public" : "internal"));
                    Console.WriteLine("count|" + CrossBorderDirectory.Entries.Count.ToString(CultureInfo.InvariantCulture) + "|" + CrossBorderDirectory.Transfers.Count.ToString(CultureInfo.InvariantCulture));
                    foreach (var e in CrossBorderDirectory.Entries)
                    {
                        Console.WriteLine(string.Join("|", "entry", e.Id, e.Kind, e.IsDerived, e.IsPersonalInformation, e.IsSensitivePersonalInformation,
                            string.Join(",", e.SensitiveCategories), e.IsImportantData, e.DataOrigin ?? "-", e.Assembly ?? "-", e.Description ?? "-"));
                    }

                    foreach (var t in CrossBorderDirectory.Transfers)
                    {
                        Console.WriteLine(string.Join("|", "transfer", t.Id, t.Mechanism?.ToString() ?? "-", t.Reference ?? "-", t.IssuedOn ?? "-", t.ValidUntil ?? "-",
                            t.IsValidUntilComputed, t.Recipient ?? "-", t.Jurisdiction ?? "-", t.Exemption?.ToString() ?? "-",
                            t.EstimatedSubjectsPerYear?.ToString(CultureInfo.InvariantCulture) ?? "-"));
                    }

                    Console.WriteLine("find|" + (CrossBorderDirectory.FindTransfer("sg-cro-2025")?.Reference ?? "null") + "|" + (CrossBorderDirectory.FindEntry("P:Clinic.Patient.Email")?.Name ?? "null"));
                    Console.WriteLine("processor|" + CrossBorderDirectory.Processor?.Name + "|" + CrossBorderDirectory.Processor?.FreeTradeZone);
                    Console.WriteLine("digest|" + CrossBorderDirectory.TransfersSha256);
                }
            }
            """;

        private const string TransfersTemplate = """
            # Custom transfers of {{ report.assembly }} ({{ lang }})
            {{~ for a in transfers.authorizations ~}}
            - {{ a.id }}: {{ a.mechanism }} {{ text a.reference }} until {{ text a.valid_until }}
            {{~ end ~}}

            """;

        private const string RecipientsTemplate = """
            {{~ for a in transfers.authorizations ~}}
            {{ text a.recipient }}
            {{~ end ~}}

            """;

        private readonly PackageFixture _package;

        public ClinicBuilds(PackageFixture package) => _package = package;

        public ConsumerProject Project { get; private set; } = null!;

        public string OutputDirectory => Path.Combine(Project.Directory, "bin", "Debug", "net10.0", "crossborder");

        /// <summary>The files of the first (clean) build.</summary>
        public Dictionary<string, byte[]> First { get; private set; } = [];

        public Dictionary<string, DateTime> FirstTimes { get; private set; } = [];

        /// <summary>A second build with no change (normal verbosity, to see skipped targets).</summary>
        public ProcessResult Unchanged { get; private set; } = null!;

        public Dictionary<string, DateTime> UnchangedTimes { get; private set; } = [];

        /// <summary>A build after a comment was added to a source file.</summary>
        public ProcessResult Touched { get; private set; } = null!;

        public Dictionary<string, DateTime> TouchedTimes { get; private set; } = [];

        public ProcessResult ProgramRun { get; private set; } = null!;

        public ProcessResult TurkishProgramRun { get; private set; } = null!;

        /// <summary>The files of a clean build with the process culture tr-TR.</summary>
        public Dictionary<string, byte[]> Turkish { get; private set; } = [];

        /// <summary>The files of a clean build with the process culture fi-FI.</summary>
        public Dictionary<string, byte[]> Finnish { get; private set; } = [];

        /// <summary>The files written with a templates folder that replaces transfers.md and adds recipients.txt.</summary>
        public Dictionary<string, byte[]> CustomTemplates { get; private set; } = [];

        public async ValueTask InitializeAsync()
        {
            Project = ConsumerProject.Create(_package, "Clinic", properties: new Dictionary<string, string>
            {
                ["OutputType"] = "Exe",
                ["CrossBorderAsOfDate"] = "2026-01-15",
            });
            Project.WriteFile("Models.cs", Models);
            Project.WriteFile("Clients.cs", Clients);
            var program = Project.WriteFile("Program.cs", Program);
            var templates = Path.GetDirectoryName(Project.WriteFile(Path.Combine("report-templates", "transfers.md.scriban"), TransfersTemplate))!;
            Project.WriteFile(Path.Combine("report-templates", "recipients.txt.scriban"), RecipientsTemplate);

            EnsureSucceeded(await BuildAsync(Project), "The first build");
            First = ReadFiles(OutputDirectory);
            FirstTimes = Timestamps(OutputDirectory);

            var dll = Project.OutputAssembly("net10.0");
            ProgramRun = await DotNet.RunAsync(Project.Directory, [dll]);
            TurkishProgramRun = await DotNet.RunAsync(Project.Directory, [dll], environment: Culture("tr_TR"));

            // Timestamps have sub-second resolution here, but leave a visible gap anyway.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Unchanged = EnsureSucceeded(await BuildAsync(Project, null, "-v:n"), "The unchanged build");
            UnchangedTimes = Timestamps(OutputDirectory);

            File.AppendAllText(program, "\n// An unrelated edit.\n");
            Touched = EnsureSucceeded(await BuildAsync(Project, null, "-v:n"), "The build after an edit");
            TouchedTimes = Timestamps(OutputDirectory);

            foreach (var (culture, set) in new (string, Action<Dictionary<string, byte[]>>)[] { ("tr_TR", f => Turkish = f), ("fi_FI", f => Finnish = f) })
            {
                TempDirectory.DeleteQuietly(Path.Combine(Project.Directory, "bin"));
                TempDirectory.DeleteQuietly(Path.Combine(Project.Directory, "obj"));
                EnsureSucceeded(await BuildAsync(Project, Culture(culture)), $"The clean build under {culture}");
                set(ReadFiles(OutputDirectory));
            }

            var customOutput = Path.Combine(Project.Directory, "custom-reports") + Path.DirectorySeparatorChar;
            EnsureSucceeded(
                await BuildAsync(Project, null, "-p:CrossBorderTemplatesDirectory=" + templates, "-p:CrossBorderOutputPath=" + customOutput),
                "The build with replaced templates");
            CustomTemplates = ReadFiles(customOutput);
        }

        public ValueTask DisposeAsync()
        {
            Project?.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A classified library and an application that references it and declares a transfer.</summary>
    public sealed class LibraryAndAppBuild : IAsyncLifetime
    {
        private const string LibrarySource = """
            using CrossBorder.Policy;

            namespace ClinicLib;

            public sealed class Customer
            {
                [PersonalInformation(Category = "contact")]
                public string? Phone { get; set; }
            }

            [SensitivePersonalInformation(SensitiveCategory.FinancialAccount)]
            public sealed class Card
            {
                public string? Number { get; set; }
            }

            [PersonalInformation]
            internal sealed class Hidden
            {
            }

            public sealed class Plain
            {
                public string? Name { get; set; }
            }
            """;

        private const string AppSource = """
            using CrossBorder.Policy;

            namespace ClinicApp;

            public sealed class Order
            {
                public ClinicLib.Customer? Customer { get; set; }

                [PersonalInformation]
                public string? ShippingAddress { get; set; }
            }

            [ForeignEndpoint("DE", Host = "api.shop.example.de", Recipient = "Shop GmbH")]
            public sealed class ShopClient
            {
                [CrossBorderTransfer(Id = "app-contract", Mechanism = TransferMechanism.StandardContract, Reference = "SH-SC-2025-7", IssuedOn = "2025-05-01",
                    Recipient = "Shop GmbH", Jurisdiction = "DE", Purpose = "Order fulfilment")]
                public void Submit(Order order) { }
            }
            """;

        private readonly PackageFixture _package;

        public LibraryAndAppBuild(PackageFixture package) => _package = package;

        public ConsumerProject Library { get; private set; } = null!;

        public ConsumerProject App { get; private set; } = null!;

        public string LibraryOutput => Path.Combine(Library.Directory, "bin", "Debug", "net10.0", "crossborder");

        public string AppOutput => Path.Combine(App.Directory, "bin", "Debug", "net10.0", "crossborder");

        public async ValueTask InitializeAsync()
        {
            var settings = new Dictionary<string, string> { ["CrossBorderAsOfDate"] = "2026-01-15" };
            Library = ConsumerProject.Create(_package, "ClinicLib", properties: settings);
            Library.WriteFile("Models.cs", LibrarySource);
            App = ConsumerProject.Create(_package, "ClinicApp", properties: settings, projectReferences: [Library.ProjectPath]);
            App.WriteFile("Orders.cs", AppSource);

            // Building the application builds the library through the ProjectReference.
            EnsureSucceeded(await BuildAsync(App), "The application build");
        }

        public ValueTask DisposeAsync()
        {
            App?.Dispose();
            Library?.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
