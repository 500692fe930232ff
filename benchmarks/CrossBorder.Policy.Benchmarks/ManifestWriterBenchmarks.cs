using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Benchmarks;

/// <summary>
/// The manifest writer (canonical JSON and digest) on the Core test baselines, scaled: the sample's authorizations
/// and flows repeated <see cref="Copies"/> times with distinct IDs.
/// </summary>
[Config(typeof(FastConfig))]
public class ManifestWriterBenchmarks
{
    private TransferManifest _manifest = null!;
    private DataDirectory _directory = null!;

    [Params(1, 100)]
    public int Copies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var baselines = Path.Combine(RepositoryFiles.Root, "tests", "CrossBorder.Policy.Core.Tests", "Manifest", "Baselines");
        var manifest = ManifestReader.ReadTransferManifest(File.ReadAllText(Path.Combine(baselines, "sample-transfers.json")));
        var directory = ManifestReader.ReadDataDirectory(File.ReadAllText(Path.Combine(baselines, "sample-data-directory.json")));
        _manifest = manifest with
        {
            Authorizations = EquatableArray.From(Enumerable.Range(0, Copies).SelectMany(i => manifest.Authorizations.Select(a => i == 0 ? a : a with { Id = a.Id + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) }))),
            Flows = EquatableArray.From(Enumerable.Range(0, Copies).SelectMany(i => manifest.Flows.Select(f => i == 0 ? f : f with { Id = f.Id + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) }))),
        };
        _directory = directory with
        {
            Entries = EquatableArray.From(Enumerable.Range(0, Copies).SelectMany(i => directory.Entries.Select(e => i == 0 ? e : e with { Id = e.Id + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) }))),
        };
    }

    [Benchmark]
    public CanonicalDocument WriteTransferManifest() => ManifestWriter.WriteDocument(_manifest);

    [Benchmark]
    public CanonicalDocument WriteDataDirectory() => ManifestWriter.WriteDocument(_directory);
}

/// <summary>Finds the repository from the working directory or the executable's folder (the folder with Policy.sln).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Policy.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run inside the repository: Policy.sln was not found above the working directory.");
    }
}
