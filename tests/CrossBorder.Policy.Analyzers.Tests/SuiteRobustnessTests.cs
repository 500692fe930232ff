using System.IO;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrossBorder.Policy.Analyzers.Tests;

/// <summary>
/// Half-typed code, suite-wide: every C# source that any test of this project analyses (the raw string literals of
/// its test files, markup removed) is cut at seeded positions and fed to every analyzer of the package. No analyzer
/// may throw or report AD0001, whatever the cut.
/// </summary>
public sealed class SuiteRobustnessTests
{
    /// <summary>Cuts per source, besides the empty source and the whole source.</summary>
    private const int CutsPerSource = 4;

    private static readonly Regex Markup = new(@"\{\|[A-Za-z0-9_]+:|\|\}|\[\||\|\]", RegexOptions.CultureInvariant);

    public static TheoryData<string> TestFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestFilePaths())
        {
            data.Add(Path.GetRelativePath(ProjectDirectory(), file).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void TheSuiteHasSourcesToCut()
    {
        // Guards the theory below against silently finding nothing (a moved folder, a changed literal style).
        var sources = TestFilePaths().SelectMany(SourcesIn).ToArray();
        Assert.True(sources.Length >= 100, $"only {sources.Length} test sources found");
        Assert.Contains(sources, s => s.Contains("PostAsJsonAsync", StringComparison.Ordinal));
        Assert.DoesNotContain(sources, s => s.Contains("{|CBDT", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestFiles))]
    public async Task EveryCutOfEveryTestSourceAnalysesWithoutThrowing(string testFile)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var sources = SourcesIn(Path.Combine(ProjectDirectory(), testFile)).ToArray();
        var trees = new List<SyntaxTree>();
        for (var i = 0; i < sources.Length; i++)
        {
            foreach (var cut in Cuts(sources[i], seed: (uint)i + 1))
            {
                trees.Add(CSharpSyntaxTree.ParseText(sources[i].Substring(0, cut), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: $"S{i}_{cut}.cs", cancellationToken: cancellationToken));
            }
        }

        // One compilation per test file keeps the run short; duplicate type names between cuts are just more bad input.
        foreach (var batch in trees.Chunk(40))
        {
            var compilation = CSharpCompilation.Create(
                "Cuts",
                batch,
                TestReferences.All.AddRange(TestReferences.SinkLibraries),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            await PolicyRunner.RunAsync(compilation, new[] { ("/repo/crossborder.json", (string?)"""{ "version": 1, "transfers": [ { "id": "t", "mechanism": "StandardContract", "reference": "S", "endpoint": "*.example" } ] }""", true) });
        }
    }

    private static IEnumerable<int> Cuts(string source, uint seed)
    {
        yield return 0;
        yield return source.Length;

        // xorshift32: the positions are the same on every runtime, so a failure reproduces.
        var state = seed * 2654435761u;
        for (var i = 0; i < CutsPerSource && source.Length > 1; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            yield return 1 + (int)(state % (uint)(source.Length - 1));
        }
    }

    private static IEnumerable<string> SourcesIn(string file)
    {
        var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest));
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.Kind() is SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.StringLiteralToken)
            {
                var text = token.ValueText;
                if (LooksLikeCSharp(text))
                {
                    yield return Markup.Replace(text, string.Empty);
                }
            }
        }
    }

    private static bool LooksLikeCSharp(string text) =>
        text.Contains("class ", StringComparison.Ordinal) || text.Contains("record ", StringComparison.Ordinal) ||
        text.Contains("interface ", StringComparison.Ordinal) || text.Contains("[assembly:", StringComparison.Ordinal);

    private static IEnumerable<string> TestFilePaths() =>
        Directory.EnumerateFiles(ProjectDirectory(), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !string.Equals(Path.GetFileName(path), nameof(SuiteRobustnessTests) + ".cs", StringComparison.Ordinal))
            .Where(path => SourcesIn(path).Any())
            .OrderBy(path => path, StringComparer.Ordinal);

    private static string ProjectDirectory() => RepositoryRoot.Combine("tests/CrossBorder.Policy.Analyzers.Tests");
}
