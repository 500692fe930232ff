using System.Globalization;
using System.IO.Compression;
using CrossBorder.Policy.EndToEnd.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(PackageFixture))]

namespace CrossBorder.Policy.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs src/CrossBorder.Policy.Package once per test run, into a temporary feed, with a version no earlier run
/// used (<c>0.1.0-e2e.&lt;time&gt;.&lt;random&gt;</c>), so no NuGet cache can serve a stale package. Consumers restore
/// into one packages folder of this run, which is deleted with the feed at the end.
/// </summary>
/// <remarks>Set CROSSBORDER_E2E_KEEP=1 to keep the temporary folders for a look after the run.</remarks>
public sealed class PackageFixture : IAsyncLifetime
{
    public const string PackageId = "CrossBorder.Policy";

    public PackageFixture()
    {
        RepositoryRoot = global::CrossBorder.Policy.RepositoryRoot.Path;
        var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N")[..8];
        PackageVersion = "0.1.0-e2e." + runId;
        WorkRoot = Path.Combine(Path.GetTempPath(), "crossborder-e2e-" + runId);
        FeedDirectory = Path.Combine(WorkRoot, "feed");
        PackagesDirectory = Path.Combine(WorkRoot, "packages");
        ConsumersDirectory = Path.Combine(WorkRoot, "consumers");
    }

    /// <summary>The folder that holds Policy.sln.</summary>
    public string RepositoryRoot { get; }

    /// <summary>The unique version of this run's package.</summary>
    public string PackageVersion { get; }

    public string WorkRoot { get; }

    /// <summary>The local feed the package is packed into.</summary>
    public string FeedDirectory { get; }

    /// <summary>The NuGet packages folder every consumer of this run restores into (RestorePackagesPath).</summary>
    public string PackagesDirectory { get; }

    public string ConsumersDirectory { get; }

    public string PackagePath => Path.Combine(FeedDirectory, $"{PackageId}.{PackageVersion}.nupkg");

    /// <summary>The output of the pack, for assertion messages.</summary>
    public ProcessResult? PackResult { get; private set; }

    /// <summary>Where NuGet extracts this run's package once a consumer has restored it.</summary>
    public string ExtractedPackageDirectory => Path.Combine(PackagesDirectory, PackageId.ToLowerInvariant(), PackageVersion.ToLowerInvariant());

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);
        Directory.CreateDirectory(ConsumersDirectory);

        // PackageVersion rather than Version: the package gets this run's version while the DLLs stay as
        // the build makes them, so the referenced projects build incrementally.
        PackResult = await DotNet.RunAsync(RepositoryRoot,
        [
            "pack", Path.Combine("src", "CrossBorder.Policy.Package", "CrossBorder.Policy.Package.csproj"),
            "-c", "Release",
            "-o", FeedDirectory,
            $"-p:PackageVersion={PackageVersion}",
            "--disable-build-servers",
            "-nologo",
        ]);

        if (!PackResult.Succeeded || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"dotnet pack failed or did not write {PackagePath}.\n{PackResult}");
        }
    }

    /// <summary>The names of every entry in the package.</summary>
    public IReadOnlyList<string> PackageEntries()
    {
        using var archive = ZipFile.OpenRead(PackagePath);
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    /// <summary>Reads one entry of the package into memory.</summary>
    public byte[] ReadPackageEntry(string name)
    {
        using var archive = ZipFile.OpenRead(PackagePath);
        var entry = archive.GetEntry(name) ?? throw new InvalidOperationException($"{name} is not in {PackagePath}.");
        using var stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    public ValueTask DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("CROSSBORDER_E2E_KEEP") == "1")
        {
            Console.WriteLine($"CROSSBORDER_E2E_KEEP=1: kept {WorkRoot}");
            return ValueTask.CompletedTask;
        }

        TempDirectory.DeleteQuietly(WorkRoot);
        return ValueTask.CompletedTask;
    }
}
