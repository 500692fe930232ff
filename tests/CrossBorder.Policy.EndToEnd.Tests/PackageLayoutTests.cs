using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using CrossBorder.Policy.EndToEnd.Tests.Infrastructure;

namespace CrossBorder.Policy.EndToEnd.Tests;

/// <summary>Opens the packed .nupkg as a zip and checks its files, its nuspec and the assemblies inside.</summary>
public sealed class PackageLayoutTests
{
    /// <summary>Files every package must have.</summary>
    private static readonly string[] RequiredFiles =
    [
        "CrossBorder.Policy.nuspec",
        "README.md",
        "lib/netstandard2.0/CrossBorder.Policy.dll",
        "lib/netstandard2.0/CrossBorder.Policy.xml",
        "analyzers/dotnet/cs/CrossBorder.Policy.Core.dll",
        "analyzers/dotnet/cs/CrossBorder.Policy.Analyzers.dll",
        "analyzers/dotnet/cs/CrossBorder.Policy.CodeFixes.dll",
        "analyzers/dotnet/cs/CrossBorder.Policy.Generators.dll",
        "build/CrossBorder.Policy.props",
        "build/CrossBorder.Policy.targets",
        "build/CrossBorder.Policy.Build.targets",
        "build/config/CrossBorder.Policy.none.globalconfig",
        "build/config/CrossBorder.Policy.default.globalconfig",
        "build/config/CrossBorder.Policy.all-warnings.globalconfig",
        "build/config/CrossBorder.Policy.all-errors.globalconfig",
        "tasks/net8.0/CrossBorder.Policy.Build.dll",
        "tasks/net8.0/CrossBorder.Policy.Core.dll",
        "tasks/net8.0/Scriban.Signed.dll",
        "tasks/netstandard2.0/CrossBorder.Policy.Build.dll",
        "tasks/netstandard2.0/CrossBorder.Policy.Core.dll",
        "tasks/netstandard2.0/Scriban.Signed.dll",
        "tasks/netstandard2.0/Microsoft.Bcl.AsyncInterfaces.dll",
        "tasks/netstandard2.0/Microsoft.CSharp.dll",
        "tasks/netstandard2.0/System.Buffers.dll",
        "tasks/netstandard2.0/System.IO.Pipelines.dll",
        "tasks/netstandard2.0/System.Memory.dll",
        "tasks/netstandard2.0/System.Numerics.Vectors.dll",
        "tasks/netstandard2.0/System.Runtime.CompilerServices.Unsafe.dll",
        "tasks/netstandard2.0/System.Text.Encodings.Web.dll",
        "tasks/netstandard2.0/System.Text.Json.dll",
        "tasks/netstandard2.0/System.Threading.Tasks.Extensions.dll",
        "buildTransitive/CrossBorder.Policy.props",
        "buildTransitive/CrossBorder.Policy.targets",
    ];

    /// <summary>Files that join the package as the other parts arrive (architecture.md, Packaging).</summary>
    private static readonly string[] PlannedFiles =
    [
    ];

    /// <summary>The Roslyn floor: no analyzer may reference a newer Microsoft.CodeAnalysis (architecture.md).</summary>
    private static readonly Version RoslynFloor = new(4, 8, 0, 0);

    private readonly PackageFixture _package;

    public PackageLayoutTests(PackageFixture package)
    {
        _package = package;
    }

    [Fact]
    public void PackageHasTheExpectedFilesAndNoOthers()
    {
        var entries = _package.PackageEntries().Where(e => !IsOpcPart(e)).ToList();

        var missing = RequiredFiles.Except(entries, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"Missing from the package: {string.Join(", ", missing)}\nEntries: {string.Join(", ", entries)}");

        var unexpected = entries
            .Except(RequiredFiles, StringComparer.Ordinal)
            .Except(PlannedFiles, StringComparer.Ordinal)
            .Where(e => !(e.StartsWith("build/config/CrossBorder.Policy.", StringComparison.Ordinal) && e.EndsWith(".globalconfig", StringComparison.Ordinal)))
            .ToList();
        Assert.True(unexpected.Count == 0, $"Unexpected files in the package (add them to this test if they are meant to ship): {string.Join(", ", unexpected)}");

        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && !e.StartsWith("lib/netstandard2.0/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("ref/", StringComparison.Ordinal));
    }

    [Fact]
    public void NuspecHasTheRunVersionAndNoDependencies()
    {
        var nuspec = XDocument.Load(new MemoryStream(_package.ReadPackageEntry("CrossBorder.Policy.nuspec")));
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal(PackageFixture.PackageId, Value("id"));
        Assert.Equal(_package.PackageVersion, Value("version"));
        Assert.Equal("MIT", Value("license"));
        Assert.NotEqual("true", Value("developmentDependency"));
        Assert.Equal("README.md", Value("readme"));

        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.ToString()).ToList();
        Assert.True(dependencies.Count == 0, "The package must have no NuGet dependencies, but its nuspec lists:\n" + string.Join("\n", dependencies));
        var frameworkReferences = nuspec.Descendants().Where(e => e.Name.LocalName is "frameworkAssembly" or "frameworkReference").ToList();
        Assert.Empty(frameworkReferences);
    }

    [Fact]
    public void BuildFilesAreTheRepositoryFiles()
    {
        var source = Path.Combine(_package.RepositoryRoot, "src", "CrossBorder.Policy.Package");
        string SourceOf(string entry) => entry == "build/CrossBorder.Policy.Build.targets"
            ? Path.Combine(_package.RepositoryRoot, "src", "CrossBorder.Policy.Build", "build", "CrossBorder.Policy.Build.targets")
            : Path.Combine(source, entry);
        foreach (var entry in RequiredFiles.Where(e => e.StartsWith("build", StringComparison.Ordinal)).Append("README.md"))
        {
            var expected = File.ReadAllBytes(SourceOf(entry));
            Assert.True(expected.AsSpan().SequenceEqual(_package.ReadPackageEntry(entry)), $"{entry} in the package differs from {SourceOf(entry)}.");
        }
    }

    [Fact]
    public void LibraryIsTheAttributeAssemblyWithItsDocumentation()
    {
        var names = TypeNames(_package.ReadPackageEntry("lib/netstandard2.0/CrossBorder.Policy.dll"), out var references);
        Assert.Contains("CrossBorder.Policy.PersonalInformationAttribute", names);
        Assert.Contains("CrossBorder.Policy.CrossBorderTransferAttribute", names);
        Assert.Equal(["netstandard"], references.Select(r => r.Name));

        var xml = XDocument.Load(new MemoryStream(_package.ReadPackageEntry("lib/netstandard2.0/CrossBorder.Policy.xml")));
        var members = xml.Descendants("member").Select(m => (string?)m.Attribute("name")).ToList();
        Assert.Contains("T:CrossBorder.Policy.PersonalInformationAttribute", members);
        Assert.Contains("F:CrossBorder.Policy.TransferMechanism.StandardContract", members);
    }

    [Fact]
    public void AnalyzerAssembliesStayWithinTheRoslynFloorAndThePackage()
    {
        var entries = _package.PackageEntries();
        var analyzerFiles = entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).ToList();
        var packaged = analyzerFiles.Select(e => Path.GetFileNameWithoutExtension(e)).ToHashSet(StringComparer.Ordinal);

        // What a compiler host provides to every analyzer; anything else must ship in analyzers/dotnet/cs.
        var hostProvided = new HashSet<string>(StringComparer.Ordinal)
        {
            "netstandard", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis.Workspaces",
            "Microsoft.CodeAnalysis.CSharp.Workspaces", "System.Collections.Immutable", "System.Reflection.Metadata",
        };

        foreach (var entry in analyzerFiles)
        {
            Assert.True(entry.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && entry.EndsWith(".dll", StringComparison.Ordinal),
                $"{entry}: analyzers/ holds only DLLs in dotnet/cs (a roslynX.Y build would need this test and the guard extended).");
            TypeNames(_package.ReadPackageEntry(entry), out var references);
            foreach (var reference in references)
            {
                Assert.True(hostProvided.Contains(reference.Name!) || packaged.Contains(reference.Name!),
                    $"{entry} references {reference.Name} {reference.Version}, which neither the compiler provides nor the package ships.");
                if (reference.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                {
                    Assert.True(reference.Version <= RoslynFloor,
                        $"{entry} references {reference.Name} {reference.Version}: newer than the Roslyn floor {RoslynFloor}, so compilers from 4.8 on would drop it.");
                }
            }
        }

        // Core has no dependencies at all: it loads in every compiler host beside the analyzers.
        TypeNames(_package.ReadPackageEntry("analyzers/dotnet/cs/CrossBorder.Policy.Core.dll"), out var coreReferences);
        Assert.Equal(["netstandard"], coreReferences.Select(r => r.Name));
    }

    [Fact]
    public void ZipEntriesCarryOneFixedTimestamp()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var stamps = archive.Entries.Select(e => e.LastWriteTime.UtcDateTime).Distinct().ToList();
        Assert.Single(stamps);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH")))
        {
            // Zip stores local time without a zone; allow for the machine's offset.
            var expected = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            Assert.True(Math.Abs((stamps[0] - expected).TotalHours) <= 14, $"Zip entries are stamped {stamps[0]:o}, not {expected:o}.");
        }
    }

    private static bool IsOpcPart(string entry) =>
        entry is "_rels/.rels" or "[Content_Types].xml" ||
        (entry.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal) && entry.EndsWith(".psmdcp", StringComparison.Ordinal));

    private static List<string> TypeNames(byte[] image, out List<System.Reflection.AssemblyName> references)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var reader = pe.GetMetadataReader();
        references = reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h).GetAssemblyName()).ToList();
        return reader.TypeDefinitions
            .Select(h => reader.GetTypeDefinition(h))
            .Select(t => reader.GetString(t.Namespace) + "." + reader.GetString(t.Name))
            .ToList();
    }
}
