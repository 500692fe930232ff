using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using CrossBorder.Policy.Core.Json;

namespace CrossBorder.Policy.Generators.Tests;

/// <summary>The manifest can be read from the built assembly with System.Reflection.Metadata, without loading it.</summary>
public sealed class EmbeddedManifestTests
{
    [Fact]
    public void Manifest_IsReadableFromTheDll_AndDigestsMatch()
    {
        var compilation = GeneratorHarness.Compile("Contoso.Clinic", null, Samples.Models, Samples.Clients);
        var (_, result, output) = GeneratorHarness.Run(
            compilation,
            null,
            new[] { new InMemoryAdditionalText("/app/crossborder.json", Samples.PolicyFile) });
        var image = GeneratorHarness.Emit(output);

        var metadata = ReadAssemblyMetadata(image);

        Assert.Equal("1", metadata["CrossBorder.Policy.ManifestFormat"]);
        Assert.Equal("Contoso.Clinic.CrossBorderDirectory", metadata["CrossBorder.Policy.Directory"]);
        Assert.Equal(Sha256(metadata["CrossBorder.Policy.DataDirectoryJson"]), metadata["CrossBorder.Policy.DataDirectorySha256"]);
        Assert.Equal(Sha256(metadata["CrossBorder.Policy.TransfersJson"]), metadata["CrossBorder.Policy.TransfersSha256"]);

        // The embedded text is the generated constant, and it is canonical: reading and writing it again with Core
        // gives the same text.
        Assert.Equal(RobustnessTests.Json(result, "TransfersJson"), metadata["CrossBorder.Policy.TransfersJson"]);
        foreach (var key in new[] { "CrossBorder.Policy.DataDirectoryJson", "CrossBorder.Policy.TransfersJson" })
        {
            var json = metadata[key];
            Assert.Equal(json, JsonWriter.Write(JsonReader.Parse(json)));
        }

        // Core's strict manifest reader accepts both documents, and writing what it read gives the same bytes.
        var directory = Core.Manifest.ManifestReader.ReadDataDirectory(metadata["CrossBorder.Policy.DataDirectoryJson"]);
        var transfers = Core.Manifest.ManifestReader.ReadTransferManifest(metadata["CrossBorder.Policy.TransfersJson"]);
        Assert.Equal(metadata["CrossBorder.Policy.DataDirectoryJson"], Core.Manifest.ManifestWriter.Write(directory));
        Assert.Equal(metadata["CrossBorder.Policy.TransfersJson"], Core.Manifest.ManifestWriter.Write(transfers));

        var ids = transfers.Authorizations.Select(static a => a.Id).ToArray();
        Assert.Contains("sg-cro-2025", ids);
        Assert.Contains("hk-partner", ids);
        Assert.Equal("Contoso Clinic Ltd.", transfers.Processor?.Name);
        Assert.Contains(directory.Entries, static e => e.Id == "P:Contoso.Clinic.Visit.PatientName");

        // Computed validity: the certificate issued 2026-01-15 gets Core's default period; the standard contract none.
        var certificate = transfers.Authorizations.Single(static a => a.Id == "hk-partner");
        Assert.Equal(
            Core.Regulation.ValidityRules.DefaultValidUntil(Core.Model.TransferMechanism.Certification, new Core.Model.IsoDate(2026, 1, 15)),
            certificate.ComputedValidUntil);
        Assert.Equal(Core.Manifest.ValidUntilSource.Computed, certificate.ValidUntilSource);
        Assert.Null(transfers.Authorizations.Single(static a => a.Id == "sg-cro-2025").ComputedValidUntil);
    }

    [Fact]
    public void BuildTasksReader_ReadsTheEmbeddedManifest()
    {
        var compilation = GeneratorHarness.Compile("Contoso.Clinic", null, Samples.Models, Samples.Clients);
        var (_, result, output) = GeneratorHarness.Run(
            compilation,
            null,
            new[] { new InMemoryAdditionalText("/app/crossborder.json", Samples.PolicyFile) });
        var image = GeneratorHarness.Emit(output);

        var manifest = Build.EmbeddedManifestReader.Read(new MemoryStream(image), "Contoso.Clinic.dll");

        Assert.NotNull(manifest);
        Assert.Equal(Build.EmbeddedManifest.SupportedFormat, manifest.Format);
        Assert.Equal("Contoso.Clinic.CrossBorderDirectory", manifest.DirectoryTypeName);
        Assert.Equal(RobustnessTests.Json(result, "DataDirectoryJson"), manifest.DataDirectoryDocument.Json);
        Assert.Equal(RobustnessTests.Json(result, "TransfersJson"), manifest.TransfersDocument.Json);
        Assert.Contains(manifest.Transfers.Authorizations, static a => a.Id == "sg-cro-2025");
        Assert.Contains(manifest.DataDirectory.Entries, static e => e.Id == "T:Contoso.Clinic.Patient");
    }

    [Fact]
    public void TypedApi_MatchesTheEmbeddedJson_AtRunTime()
    {
        var compilation = GeneratorHarness.Compile("Contoso.Clinic", null, Samples.Models, Samples.Clients);
        var (_, _, output) = GeneratorHarness.Run(compilation, new Dictionary<string, string> { ["CrossBorderDirectoryAccessibility"] = "public" });
        var image = GeneratorHarness.Emit(output);

        var context = new System.Runtime.Loader.AssemblyLoadContext("generated", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(image));
            var directory = assembly.GetType("Contoso.Clinic.CrossBorderDirectory", throwOnError: true)!;
            var entries = (System.Collections.IEnumerable)directory.GetProperty("Entries")!.GetValue(null)!;
            var ids = entries.Cast<object>().Select(static e => (string)e.GetType().GetProperty("Id")!.GetValue(e)!).ToList();
            var json = (string)directory.GetField("DataDirectoryJson")!.GetRawConstantValue()!;
            var jsonIds = ((JsonArray)((JsonObject)JsonReader.Parse(json))["entries"]!).Items
                .Select(static e => ((JsonString)((JsonObject)e)["id"]!).Value).ToList();

            Assert.Equal(jsonIds, ids);
            Assert.Contains("P:Contoso.Clinic.Patient.Email", ids);
            var find = directory.GetMethod("FindEntry")!;
            Assert.NotNull(find.Invoke(null, new object[] { "T:Contoso.Clinic.Patient" }));
            Assert.Null(find.Invoke(null, new object[] { "T:Nope" }));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// Reads every <c>[assembly: AssemblyMetadata(key, value)]</c> of a PE image: what a build task does to find the
    /// embedded manifest (docs/generator.md shows the same code).
    /// </summary>
    internal static Dictionary<string, string> ReadAssemblyMetadata(byte[] image)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var pe = new PEReader(new MemoryStream(image));
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

            var blob = reader.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1)
            {
                continue; // not a custom attribute blob prolog
            }

            var key = blob.ReadSerializedString();
            var value = blob.ReadSerializedString();
            if (key is not null && value is not null)
            {
                result[key] = value;
            }
        }

        return result;
    }

    private static string Sha256(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
