using System.Reflection;
using CrossBorder.Policy.Core.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrossBorder.Policy.Build.Tests;

/// <summary>Compiles small assemblies with Roslyn into a temporary folder, carrying the AssemblyMetadata the generator emits.</summary>
internal sealed class TestAssemblies : IDisposable
{
    private static readonly MetadataReference[] References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll")
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToArray();

    public TestAssemblies()
    {
        Directory = Path.Combine(Path.GetTempPath(), "cb-build-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The attribute lines the generator writes for <paramref name="directory"/> and <paramref name="manifest"/>.</summary>
    public static Dictionary<string, string> MetadataFor(DataDirectory directory, TransferManifest manifest)
    {
        var d = ManifestWriter.WriteDocument(directory);
        var t = ManifestWriter.WriteDocument(manifest);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CrossBorder.Policy.ManifestFormat"] = "1",
            ["CrossBorder.Policy.Directory"] = directory.Assembly + ".CrossBorderDirectory",
            ["CrossBorder.Policy.DataDirectoryJson"] = d.Json,
            ["CrossBorder.Policy.DataDirectorySha256"] = d.Digest,
            ["CrossBorder.Policy.TransfersJson"] = t.Json,
            ["CrossBorder.Policy.TransfersSha256"] = t.Digest,
        };
    }

    /// <summary>Compiles an assembly named <paramref name="name"/> with the given AssemblyMetadata pairs and returns its path.</summary>
    public string Compile(string name, IEnumerable<KeyValuePair<string, string>> metadata, string? extraSource = null)
    {
        var lines = metadata.Select(p => $"[assembly: System.Reflection.AssemblyMetadata({Literal(p.Key)}, {Literal(p.Value)})]");
        var source = string.Join("\n", lines) + "\nnamespace " + name + " { public static class Marker { } }\n" + (extraSource ?? string.Empty);
        var compilation = CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(source) },
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true));
        var path = Path.Combine(Directory, name + ".dll");
        using (var stream = File.Create(path))
        {
            var result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        }

        return path;
    }

    /// <summary>A C# string literal for any text (verbatim, quotes doubled).</summary>
    internal static string Literal(string value) => "@\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
