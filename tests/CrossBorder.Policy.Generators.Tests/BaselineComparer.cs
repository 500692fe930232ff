using System.IO;
using System.Runtime.CompilerServices;

namespace CrossBorder.Policy.Generators.Tests;

/// <summary>
/// Compares generated files with the checked-in <c>Baselines/{Test}/{HintName}.txt</c>. Set
/// <c>CROSSBORDER_UPDATE_BASELINES=1</c> to rewrite the baselines from the current output instead (then review the
/// diff and commit it).
/// </summary>
internal static class BaselineComparer
{
    public const string UpdateVariable = "CROSSBORDER_UPDATE_BASELINES";

    public static void AssertMatches(string testName, IReadOnlyDictionary<string, string> generated)
    {
        // From the repository, not [CallerFilePath]: CI builds map source paths to "/_/" (deterministic builds).
        var directory = Path.Combine(RepositoryRoot.Path, "tests", "CrossBorder.Policy.Generators.Tests", "Baselines", testName);
        var update = Environment.GetEnvironmentVariable(UpdateVariable) == "1";
        if (update)
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.CreateDirectory(directory);
            foreach (var (hintName, text) in generated)
            {
                File.WriteAllText(Path.Combine(directory, hintName + ".txt"), text);
            }

            return;
        }

        Assert.True(Directory.Exists(directory), $"No baselines in {directory}; run the tests with {UpdateVariable}=1 to create them.");
        var expectedFiles = Directory.GetFiles(directory, "*.txt")
            .Select(static f => Path.GetFileName(f)[..^".txt".Length])
            .OrderBy(static f => f, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(expectedFiles, generated.Keys.OrderBy(static k => k, StringComparer.Ordinal).ToArray());
        foreach (var (hintName, text) in generated)
        {
            var expected = File.ReadAllText(Path.Combine(directory, hintName + ".txt")).Replace("\r\n", "\n", StringComparison.Ordinal);
            if (!string.Equals(expected, text, StringComparison.Ordinal))
            {
                Assert.Fail($"{hintName} differs from its baseline (first difference at character {FirstDifference(expected, text)}). " +
                    $"Run with {UpdateVariable}=1 to update.\n--- expected\n{expected}\n--- actual\n{text}");
            }
        }
    }

    private static int FirstDifference(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return n;
    }
}
