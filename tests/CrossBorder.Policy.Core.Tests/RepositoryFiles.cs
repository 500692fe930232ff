using System.IO;

namespace CrossBorder.Policy.Core.Tests;

/// <summary>Finds files of the repository (schema, samples, docs) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root => RepositoryRoot.Path;

    public static string PathOf(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    public static IEnumerable<string> SamplePolicies() =>
        Directory.GetFiles(PathOf("samples/policies"), "*.json").Select(p => "samples/policies/" + System.IO.Path.GetFileName(p)).OrderBy(p => p, StringComparer.Ordinal);
}
