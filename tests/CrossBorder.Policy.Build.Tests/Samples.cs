using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Build.Tests;

internal static class Samples
{
    /// <summary>The biomedicine sample as the reader returns it from a compiled assembly (compiled once per test run).</summary>
    public static EmbeddedManifest Biomed => LazyBiomed.Value;

    private static readonly Lazy<EmbeddedManifest> LazyBiomed = new(() =>
    {
        var assemblies = new TestAssemblies();
        var path = assemblies.Compile(BiomedSample.Assembly, TestAssemblies.MetadataFor(BiomedSample.Directory(), BiomedSample.Manifest()));
        return EmbeddedManifestReader.Read(path)!;
    });

    /// <summary>A manifest built directly from models (no compile), for renderer-only tests.</summary>
    public static EmbeddedManifest From(DataDirectory directory, TransferManifest manifest)
    {
        var d = ManifestWriter.WriteDocument(directory);
        var t = ManifestWriter.WriteDocument(manifest);
        return new EmbeddedManifest(directory.Assembly, "1", directory.Assembly + ".CrossBorderDirectory", d, ManifestReader.ReadDataDirectory(d.Json), t, ManifestReader.ReadTransferManifest(t.Json));
    }
}
