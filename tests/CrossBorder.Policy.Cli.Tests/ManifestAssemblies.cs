using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrossBorder.Policy.Cli.Tests;

/// <summary>
/// A temporary folder of assemblies compiled with Roslyn that carry the AssemblyMetadata the generator emits, as the
/// output folder of an application build would hold them.
/// </summary>
internal sealed class ManifestAssemblies : IDisposable
{
    private static readonly MetadataReference[] References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToArray();

    public ManifestAssemblies()
    {
        Root = Path.Combine(Path.GetTempPath(), "cb-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Folder(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Compiles <paramref name="name"/>.dll into <paramref name="folder"/>, embedding the two documents when given.</summary>
    public static string Compile(string folder, string name, DataDirectory? directory, TransferManifest? manifest, Func<string, string>? editTransfersJson = null)
    {
        var lines = new List<string>();
        if (directory is not null && manifest is not null)
        {
            var d = ManifestWriter.WriteDocument(directory);
            var t = ManifestWriter.WriteDocument(manifest);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["CrossBorder.Policy.ManifestFormat"] = "1",
                ["CrossBorder.Policy.Directory"] = name + ".CrossBorderDirectory",
                ["CrossBorder.Policy.DataDirectoryJson"] = d.Json,
                ["CrossBorder.Policy.DataDirectorySha256"] = d.Digest,
                ["CrossBorder.Policy.TransfersJson"] = editTransfersJson is null ? t.Json : editTransfersJson(t.Json),
                ["CrossBorder.Policy.TransfersSha256"] = t.Digest,
            };
            lines.AddRange(metadata.Select(p => $"[assembly: System.Reflection.AssemblyMetadata({Literal(p.Key)}, {Literal(p.Value)})]"));
        }

        var source = string.Join("\n", lines) + "\nnamespace " + name + " { public static class Marker { } }\n";
        var compilation = CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(source) },
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true));
        var path = Path.Combine(folder, name + ".dll");
        using (var stream = File.Create(path))
        {
            var result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        }

        return path;
    }

    private static string Literal(string value) => "@\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>
/// A small application of two assemblies: Acme.Model declares the classified Customer; Acme.Web references it (the
/// generator lists it there with referencedAssembly = Acme.Model), declares a Singapore endpoint and sends data there.
/// </summary>
internal static class AcmeApp
{
    public static readonly ProcessorProfile Processor = new() { Name = "Acme Trading (Shanghai) Co., Ltd." };

    public static DirectoryEntry Customer(string? referencedAssembly) => new("T:Acme.Model.Customer", "Acme.Model.Customer", DirectoryEntryKind.Type)
    {
        Description = "A retail customer",
        Classification = new DataClassification { PersonalInformation = true, PersonalInformationCategory = "identity" },
        ReferencedAssembly = referencedAssembly,
    };

    public static DirectoryEntry Phone(string? referencedAssembly) => new("P:Acme.Model.Customer.Phone", "Acme.Model.Customer.Phone", DirectoryEntryKind.Property)
    {
        ContainingTypeId = "T:Acme.Model.Customer",
        Classification = new DataClassification { PersonalInformation = true, PersonalInformationCategory = "contact" },
        ReferencedAssembly = referencedAssembly,
    };

    public static DataDirectory ModelDirectory() => new("Acme.Model")
    {
        Processor = Processor,
        Entries = EquatableArray.Create(Customer(null), Phone(null)),
    };

    public static TransferManifest ModelTransfers() => new("Acme.Model") { Processor = Processor };

    public static DataDirectory WebDirectory() => new("Acme.Web")
    {
        Processor = Processor,
        Entries = EquatableArray.Create(
            Customer("Acme.Model"),
            new DirectoryEntry("T:Acme.Web.Order", "Acme.Web.Order", DirectoryEntryKind.Type)
            {
                Classification = new DataClassification { GeneralData = true, GeneralDataLevel = 2 },
            }),
        Endpoints = EquatableArray.Create(new EndpointBinding("T:Acme.Web.CrmClient") { Host = "api.crm.example.sg", Jurisdiction = "SG", Recipient = "Lion CRM Pte. Ltd." }),
    };

    public static TransferManifest WebTransfers(FlowStatus status = FlowStatus.Authorized) => new("Acme.Web")
    {
        Processor = Processor,
        Authorizations = EquatableArray.Create(
            new TransferAuthorization("sg-crm-scc", TransferMechanism.StandardContract, "T:Acme.Web.CrmClient")
            {
                Reference = "SCC-SH-2025-00042",
                IssuedOn = new IsoDate(2025, 5, 1),
                Recipient = "Lion CRM Pte. Ltd.",
                Jurisdiction = "SG",
                Endpoint = "api.crm.example.sg",
                Purpose = "Customer relationship management",
                Categories = EquatableArray.Create("PersonalInformation"),
                EstimatedSubjectsPerYear = 20_000,
            }),
        Flows = EquatableArray.Create(
            new TransferFlow("flow:crm-sync", "M:Acme.Web.Sync.Push(Acme.Model.Customer)", "M:System.Net.Http.HttpClient.PostAsync(System.String,System.Net.Http.HttpContent)")
            {
                CallChain = EquatableArray.Create(new CallStep("M:Acme.Web.Sync.Push(Acme.Model.Customer)", "Sync.Push(Customer)")),
                SinkDisplay = "HttpClient.PostAsync(string, HttpContent)",
                EndpointHost = "api.crm.example.sg",
                Jurisdiction = "SG",
                JurisdictionResolution = JurisdictionResolution.Attribute,
                DataClasses = EquatableArray.Create(DataClass.PersonalInformation),
                Categories = EquatableArray.Create("PersonalInformation"),
                OriginMemberIds = EquatableArray.Create("T:Acme.Model.Customer"),
                AuthorizationId = status == FlowStatus.Authorized ? "sg-crm-scc" : null,
                Status = status,
            }),
    };

    /// <summary>Builds the application's output folder: the two assemblies, one plain library without a manifest.</summary>
    public static string BuildFolder(ManifestAssemblies assemblies, string name = "Acme.Shop", FlowStatus status = FlowStatus.Authorized)
    {
        var folder = assemblies.Folder(name);
        ManifestAssemblies.Compile(folder, "Acme.Model", ModelDirectory(), ModelTransfers());
        ManifestAssemblies.Compile(folder, "Acme.Web", WebDirectory(), WebTransfers(status));
        ManifestAssemblies.Compile(folder, "Acme.Plain", null, null);
        return folder;
    }
}
