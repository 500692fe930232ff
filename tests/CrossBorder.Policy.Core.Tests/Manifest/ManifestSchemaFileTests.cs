using System.IO;
using System.Runtime.CompilerServices;
using CrossBorder.Policy.Core.Json;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Manifest;

/// <summary>The published JSON Schemas under <c>schema/</c> name exactly the properties and enum values the writer emits.</summary>
public sealed class ManifestSchemaFileTests
{
    public static TheoryData<string, string, string> ObjectDefinitions => new()
    {
        { "data-directory.schema.json", "", nameof(ManifestProperties.DataDirectory) },
        { "data-directory.schema.json", "processor", nameof(ManifestProperties.Processor) },
        { "data-directory.schema.json", "entry", nameof(ManifestProperties.Entry) },
        { "data-directory.schema.json", "classification", nameof(ManifestProperties.Classification) },
        { "data-directory.schema.json", "importantData", nameof(ManifestProperties.ImportantData) },
        { "data-directory.schema.json", "origin", nameof(ManifestProperties.Origin) },
        { "data-directory.schema.json", "endpoint", nameof(ManifestProperties.Endpoint) },
        { "transfers.schema.json", "", nameof(ManifestProperties.TransferManifest) },
        { "transfers.schema.json", "processor", nameof(ManifestProperties.Processor) },
        { "transfers.schema.json", "authorization", nameof(ManifestProperties.Authorization) },
        { "transfers.schema.json", "flow", nameof(ManifestProperties.Flow) },
        { "transfers.schema.json", "callStep", nameof(ManifestProperties.CallStep) },
    };

    [Theory]
    [MemberData(nameof(ObjectDefinitions))]
    public void SchemaObjectsListTheWrittenPropertiesInOrder(string file, string definition, string properties)
    {
        var expected = (string[])typeof(ManifestProperties).GetField(properties)!.GetValue(null)!;
        var node = Definition(file, definition);

        Assert.Equal(expected, ((JsonObject)node["properties"]!).Properties.Select(p => p.Name));
        Assert.Equal(expected, ((JsonArray)node["required"]!).Items.Select(i => ((JsonString)i).Value));
        Assert.Equal(JsonKind.False, node["additionalProperties"]!.Kind);
    }

    [Fact]
    public void SchemaEnumsListTheEnumNames()
    {
        AssertEnum<DirectoryEntryKind>("data-directory.schema.json", "entryKind");
        AssertEnum<DataClass>("data-directory.schema.json", "dataClass");
        AssertEnum<SensitiveCategory>("data-directory.schema.json", "sensitiveCategory");
        AssertEnum<DataClass>("transfers.schema.json", "dataClass");
        AssertEnum<TransferMechanism>("transfers.schema.json", "mechanism");
        AssertEnum<ExemptionBasis>("transfers.schema.json", "exemption");
        AssertEnum<ValidUntilSource>("transfers.schema.json", "validUntilSource");
        AssertEnum<JurisdictionResolution>("transfers.schema.json", "jurisdictionResolution");
        AssertEnum<FlowStatus>("transfers.schema.json", "flowStatus");
    }

    [Fact]
    public void SchemasNameTheDocumentKinds()
    {
        Assert.Equal(ManifestSchema.DataDirectoryDocument, ((JsonString)((JsonObject)((JsonObject)Definition("data-directory.schema.json", string.Empty)["properties"]!)["document"]!)["const"]!).Value);
        Assert.Equal(ManifestSchema.TransferManifestDocument, ((JsonString)((JsonObject)((JsonObject)Definition("transfers.schema.json", string.Empty)["properties"]!)["document"]!)["const"]!).Value);
    }

    private static void AssertEnum<T>(string file, string definition)
        where T : struct, Enum =>
        Assert.Equal(Enum.GetNames<T>(), ((JsonArray)Definition(file, definition)["enum"]!).Items.Select(i => ((JsonString)i).Value));

    private static JsonObject Definition(string file, string definition)
    {
        var root = (JsonObject)JsonReader.Parse(File.ReadAllText(SchemaPath(file)));
        return definition.Length == 0 ? root : (JsonObject)((JsonObject)root["$defs"]!)[definition]!;
    }

    // From the repository, not [CallerFilePath]: CI builds map source paths to "/_/" (deterministic builds).
    private static string SchemaPath(string file) => RepositoryFiles.PathOf("schema/" + file);
}
