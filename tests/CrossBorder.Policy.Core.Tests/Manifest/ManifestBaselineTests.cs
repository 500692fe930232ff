using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using CrossBorder.Policy.Core.Manifest;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Manifest;

/// <summary>
/// The canonical output of the sample is checked in under <c>Baselines/</c>, with its digest beside it. Any change
/// to the canonical form shows up as a diff in review. Set <c>CROSSBORDER_UPDATE_BASELINES=1</c> to rewrite the
/// files instead of comparing, then review the diff.
/// </summary>
public sealed class ManifestBaselineTests
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    [Fact]
    public void DataDirectoryMatchesBaseline()
    {
        var document = ManifestWriter.WriteDocument(ManifestSamples.Directory());
        AssertBaseline("sample-data-directory.json", document.Json);
        AssertBaseline("sample-data-directory.json.sha256", document.Digest + "\n");
        Assert.Equal(ManifestSamples.Directory().Canonicalize(), ManifestReader.ReadDataDirectory(Read("sample-data-directory.json")));
    }

    [Fact]
    public void TransferManifestMatchesBaseline()
    {
        var document = ManifestWriter.WriteDocument(ManifestSamples.Manifest());
        AssertBaseline("sample-transfers.json", document.Json);
        AssertBaseline("sample-transfers.json.sha256", document.Digest + "\n");
        Assert.Equal(ManifestSamples.Manifest().Canonicalize(), ManifestReader.ReadTransferManifest(Read("sample-transfers.json")));
    }

    [Fact]
    public void BaselineDigestsMatchTheFilesOnDisk()
    {
        foreach (var name in new[] { "sample-data-directory.json", "sample-transfers.json" })
        {
            var bytes = File.ReadAllBytes(PathOf(name));
            Assert.Equal(Read(name + ".sha256").TrimEnd('\n'), ManifestDigest.Compute(bytes));
        }
    }

    private static void AssertBaseline(string name, string actual)
    {
        var path = PathOf(name);
        if (string.Equals(Environment.GetEnvironmentVariable("CROSSBORDER_UPDATE_BASELINES"), "1", StringComparison.Ordinal))
        {
            File.WriteAllBytes(path, Utf8.GetBytes(actual));
            return;
        }

        Assert.True(File.Exists(path), $"Baseline {path} is missing; run the tests with CROSSBORDER_UPDATE_BASELINES=1 to create it.");
        var expected = File.ReadAllBytes(path);
        Assert.True(
            expected.AsSpan().SequenceEqual(Utf8.GetBytes(actual)),
            $"Baseline {name} differs from the writer's output; if the change is intended, run the tests with CROSSBORDER_UPDATE_BASELINES=1 and review the diff.\n{actual}");
    }

    private static string Read(string name) => Utf8.GetString(File.ReadAllBytes(PathOf(name)));

    // From the repository, not [CallerFilePath]: CI builds map source paths to "/_/" (deterministic builds).
    private static string PathOf(string name) =>
        RepositoryFiles.PathOf("tests/CrossBorder.Policy.Core.Tests/Manifest/Baselines/" + name);
}
