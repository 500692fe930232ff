using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Build.Tests;

public sealed class EmbeddedManifestReaderTests : IDisposable
{
    private readonly TestAssemblies _assemblies = new();

    public void Dispose() => _assemblies.Dispose();

    [Fact]
    public void Reads_back_the_models_and_the_exact_json()
    {
        var directory = BiomedSample.Directory();
        var manifest = BiomedSample.Manifest();
        var path = _assemblies.Compile("Jsbio.Trials", TestAssemblies.MetadataFor(directory, manifest));

        var read = EmbeddedManifestReader.Read(path);

        Assert.NotNull(read);
        Assert.Equal("Jsbio.Trials", read.AssemblyName);
        Assert.Equal("1", read.Format);
        Assert.Equal("Jsbio.Trials.CrossBorderDirectory", read.DirectoryTypeName);
        Assert.Equal(directory.Canonicalize(), read.DataDirectory);
        Assert.Equal(manifest.Canonicalize(), read.Transfers);
        Assert.Equal(ManifestWriter.Write(directory), read.DataDirectoryDocument.Json);
        Assert.Equal(ManifestWriter.Write(manifest), read.TransfersDocument.Json);
        Assert.Equal(ManifestDigest.Compute(directory), read.DataDirectoryDocument.Digest);
        Assert.Equal(ManifestDigest.Compute(manifest), read.TransfersDocument.Digest);
    }

    [Fact]
    public void A_bare_hex_digest_is_read_as_the_same_digest()
    {
        var metadata = TestAssemblies.MetadataFor(BiomedSample.Directory(), BiomedSample.Manifest());
        metadata["CrossBorder.Policy.DataDirectorySha256"] = metadata["CrossBorder.Policy.DataDirectorySha256"].Substring("sha256:".Length);
        var read = EmbeddedManifestReader.Read(_assemblies.Compile("Bare", metadata));
        Assert.NotNull(read);
        Assert.StartsWith("sha256:", read.DataDirectoryDocument.Digest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CrossBorder.Policy.DataDirectoryJson")]
    [InlineData("CrossBorder.Policy.TransfersJson")]
    public void Tampered_json_is_a_digest_error(string key)
    {
        var metadata = TestAssemblies.MetadataFor(BiomedSample.Directory(), BiomedSample.Manifest());
        metadata[key] = metadata[key].Replace("Jsbio.Trials.Patient", "Jsbio.Trials.Patiant", StringComparison.Ordinal);
        var path = _assemblies.Compile("Tampered", metadata);

        var e = Assert.Throws<EmbeddedManifestException>(() => EmbeddedManifestReader.Read(path));

        Assert.Equal(EmbeddedManifestError.DigestMismatch, e.Error);
        Assert.Equal("CBDT9154", e.DiagnosticId);
        Assert.Contains(key.Contains("Transfers", StringComparison.Ordinal) ? "transfers.json" : "data-directory.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("does not match its digest", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_digest_is_a_digest_error()
    {
        var metadata = TestAssemblies.MetadataFor(BiomedSample.Directory(), BiomedSample.Manifest());
        metadata["CrossBorder.Policy.TransfersSha256"] = "md5:1234";
        var e = Assert.Throws<EmbeddedManifestException>(() => EmbeddedManifestReader.Read(_assemblies.Compile("BadDigest", metadata)));
        Assert.Equal(EmbeddedManifestError.DigestMismatch, e.Error);
        Assert.Contains("not a SHA-256 digest", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assembly_without_manifest_returns_null()
    {
        var path = _assemblies.Compile("Plain", new Dictionary<string, string> { ["Other.Key"] = "value" });
        Assert.Null(EmbeddedManifestReader.Read(path));
    }

    [Fact]
    public void An_incomplete_manifest_names_the_missing_keys()
    {
        var metadata = TestAssemblies.MetadataFor(BiomedSample.Directory(), BiomedSample.Manifest());
        metadata.Remove("CrossBorder.Policy.TransfersJson");
        metadata.Remove("CrossBorder.Policy.TransfersSha256");
        var e = Assert.Throws<EmbeddedManifestException>(() => EmbeddedManifestReader.Read(_assemblies.Compile("Partial", metadata)));
        Assert.Equal(EmbeddedManifestError.Incomplete, e.Error);
        Assert.Contains("CrossBorder.Policy.TransfersJson, CrossBorder.Policy.TransfersSha256", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newer_format_is_refused()
    {
        var metadata = TestAssemblies.MetadataFor(BiomedSample.Directory(), BiomedSample.Manifest());
        metadata["CrossBorder.Policy.ManifestFormat"] = "2";
        var e = Assert.Throws<EmbeddedManifestException>(() => EmbeddedManifestReader.Read(_assemblies.Compile("Future", metadata)));
        Assert.Equal(EmbeddedManifestError.UnsupportedFormat, e.Error);
        Assert.Equal("CBDT9153", e.DiagnosticId);
    }

    [Fact]
    public void Json_that_matches_its_digest_but_is_not_a_manifest_is_invalid()
    {
        var metadata = TestAssemblies.MetadataFor(BiomedSample.Directory(), BiomedSample.Manifest());
        const string legacy = "{\n  \"formatVersion\": 1,\n  \"assembly\": \"Empty\",\n  \"entries\": [],\n  \"endpoints\": []\n}\n";
        metadata["CrossBorder.Policy.DataDirectoryJson"] = legacy;
        metadata["CrossBorder.Policy.DataDirectorySha256"] = ManifestDigest.Compute(legacy);
        var e = Assert.Throws<EmbeddedManifestException>(() => EmbeddedManifestReader.Read(_assemblies.Compile("Legacy", metadata)));
        Assert.Equal(EmbeddedManifestError.InvalidDocument, e.Error);
        Assert.Contains("data-directory.json is not a valid manifest", e.Message, StringComparison.Ordinal);
        Assert.IsType<ManifestReadException>(e.InnerException);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("empty")]
    [InlineData("mz-garbage")]
    [InlineData("truncated")]
    public void A_file_that_is_not_an_assembly_is_a_clear_error(string kind)
    {
        var path = Path.Combine(_assemblies.Directory, kind + ".dll");
        switch (kind)
        {
            case "text":
                File.WriteAllText(path, "this is not a portable executable");
                break;
            case "empty":
                File.WriteAllBytes(path, Array.Empty<byte>());
                break;
            case "mz-garbage":
                var bytes = new byte[4096];
                new Random(7).NextBytes(bytes);
                bytes[0] = (byte)'M';
                bytes[1] = (byte)'Z';
                File.WriteAllBytes(path, bytes);
                break;
            default:
                var real = File.ReadAllBytes(_assemblies.Compile("Whole", TestAssemblies.MetadataFor(BiomedSample.Directory(), BiomedSample.Manifest())));
                File.WriteAllBytes(path, real.AsSpan(0, real.Length / 3).ToArray());
                break;
        }

        var e = Assert.Throws<EmbeddedManifestException>(() => EmbeddedManifestReader.Read(path));
        Assert.Equal(EmbeddedManifestError.NotAnAssembly, e.Error);
        Assert.Equal("CBDT9151", e.DiagnosticId);
        Assert.StartsWith(path + ": not a readable .NET assembly", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_reported()
    {
        var path = Path.Combine(_assemblies.Directory, "nope.dll");
        var e = Assert.Throws<EmbeddedManifestException>(() => EmbeddedManifestReader.Read(path));
        Assert.Equal(EmbeddedManifestError.AssemblyNotFound, e.Error);
        Assert.Equal("CBDT9150", e.DiagnosticId);
    }
}
