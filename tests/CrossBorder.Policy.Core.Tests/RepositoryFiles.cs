using System.IO;

namespace CrossBorder.Policy.Core.Tests;

/// <summary>Finds files of the repository (schema, samples, docs) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, "schema", "crossborder.schema.json")))
            {
                return directory.FullName;
            }

            directory = directory.Parent;
        }

        throw new InvalidOperationException("The repository root (with schema/crossborder.schema.json) was not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string PathOf(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    public static IEnumerable<string> SamplePolicies() =>
        Directory.GetFiles(PathOf("samples/policies"), "*.json").Select(p => "samples/policies/" + System.IO.Path.GetFileName(p)).OrderBy(p => p, StringComparer.Ordinal);
}
