using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Tests;

/// <summary>
/// The documentation tool (style.md item 12), as tests over the analyzers' descriptors. It regenerates the rule table
/// of README.md (between <see cref="TableBegin"/> and <see cref="TableEnd"/>) and the title line of every
/// <c>docs/rules/&lt;ID&gt;.md</c> and fails on any difference; with <c>CROSSBORDER_UPDATE_BASELINES=1</c> it writes
/// them instead. It also fails when an option key the analyzers read (<see cref="AnalyzerOptionKeys"/>, the one list)
/// is not named on the pages of the rules it affects and in docs/configuration.md, or when an analyzer source names
/// an option key outside that list. Help links and page sections are checked by <see cref="RuleMetadataTests"/>, the
/// severity presets by <see cref="SeverityPresetTests"/>.
/// </summary>
public sealed class RuleDocumentationTests
{
    internal const string TableBegin = "<!-- rules:begin: generated from the analyzers' descriptors by tests/CrossBorder.Policy.Analyzers.Tests/RuleDocumentationTests.cs; do not edit -->";
    internal const string TableEnd = "<!-- rules:end -->";

    public static TheoryData<string> Descriptors() => AnalyzerDescriptors.Ids();

    [Fact]
    public void ReadmeRuleTableMatchesTheDescriptors()
    {
        var path = RepositoryRoot.Combine("README.md");
        var text = File.ReadAllText(path);
        var begin = text.IndexOf(TableBegin, StringComparison.Ordinal);
        var end = text.IndexOf(TableEnd, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "README.md has no rule table between the markers " + TableBegin + " and " + TableEnd);

        var expected = text[..(begin + TableBegin.Length)] + "\n" + RuleTable(AnalyzerDescriptors.All()) + text[end..];
        CompareOrUpdate(path, expected);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void RulePageTitleLineIsTheDescriptorsTitle(string id)
    {
        var descriptor = AnalyzerDescriptors.All().Single(d => d.Id == id);
        var path = RepositoryRoot.Combine("docs/rules/" + id + ".md");
        Assert.True(File.Exists(path), "Missing " + path);
        var text = File.ReadAllText(path);
        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var rest = firstLineEnd < 0 ? "\n" : text[firstLineEnd..];
        CompareOrUpdate(path, TitleLine(descriptor) + rest);
    }

    [Fact]
    public void RuleTableListsEveryRuleOnceWithItsPageTitleAndSeverity()
    {
        var descriptors = AnalyzerDescriptors.All();
        var rows = RuleTable(descriptors).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(descriptors.Count + 2, rows.Length);
        var error = descriptors.First(d => d.DefaultSeverity == DiagnosticSeverity.Error);
        Assert.Contains($"| [{error.Id}](docs/rules/{error.Id}.md) | {error.Title} | {error.Category} | error |", rows);
        var info = descriptors.First(d => d.DefaultSeverity == DiagnosticSeverity.Info);
        Assert.Contains(rows, r => r.StartsWith($"| [{info.Id}]", StringComparison.Ordinal) && r.EndsWith("| suggestion |", StringComparison.Ordinal));
        Assert.Equal(descriptors.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal), rows.Skip(2).Select(r => r.Split('[', ']')[1]));
    }

    [Fact]
    public void EveryOptionKeyIsNamedOnItsRulePagesAndInTheConfigurationPage()
    {
        var ids = AnalyzerDescriptors.All().Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var configuration = File.ReadAllText(RepositoryRoot.Combine("docs/configuration.md"));
        var problems = new List<string>();
        Assert.NotEmpty(AnalyzerOptionKeys.All);
        foreach (var option in AnalyzerOptionKeys.All)
        {
            Assert.NotEmpty(option.Rules);
            if (!configuration.Contains(option.DocumentedName, StringComparison.Ordinal))
            {
                problems.Add($"docs/configuration.md does not name {option.DocumentedName} (the analyzers read {option.Key})");
            }

            foreach (var id in option.Rules)
            {
                if (!ids.Contains(id))
                {
                    problems.Add($"{option.Key} lists {id}, which no analyzer reports");
                    continue;
                }

                if (!File.ReadAllText(RepositoryRoot.Combine("docs/rules/" + id + ".md")).Contains(option.DocumentedName, StringComparison.Ordinal))
                {
                    problems.Add($"docs/rules/{id}.md does not name {option.DocumentedName} (the analyzers read {option.Key})");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void AnalyzersNameOptionKeysOnlyInTheOneList()
    {
        // An option key is an analyzer config key: build_property.*, build_metadata.*, dotnet_* or <rule id>.<option>.
        var key = new Regex("\"(build_property\\.|build_metadata\\.|dotnet_|CBDT[0-9]{4}\\.)[A-Za-z_.]*\"", RegexOptions.CultureInvariant);
        var project = RepositoryRoot.Combine("analyzers/CrossBorder.Policy.Analyzers");
        var list = Path.Combine(project, "AnalyzerOptionKeys.cs");
        Assert.True(File.Exists(list), "Missing " + list);
        var offenders = Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(file => !string.Equals(file, list, StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(x => key.IsMatch(x.line))
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(project, x.file)}:{x.index + 1}: {x.line.Trim()}"))
            .ToList();
        Assert.True(offenders.Count == 0, "Option keys outside AnalyzerOptionKeys (add them there and use the constant):\n" + string.Join("\n", offenders));
        Assert.True(key.Matches(File.ReadAllText(list)).Count >= AnalyzerOptionKeys.All.Length, "the regular expression no longer recognises the keys of AnalyzerOptionKeys");
    }

    /// <summary>The README rule table: a header and one row per rule, in id order.</summary>
    internal static string RuleTable(IEnumerable<DiagnosticDescriptor> descriptors)
    {
        var builder = new StringBuilder();
        builder.Append("| Rule | Title | Category | Default severity |\n");
        builder.Append("| --- | --- | --- | --- |\n");
        foreach (var descriptor in descriptors.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            builder.Append("| [").Append(descriptor.Id).Append("](docs/rules/").Append(descriptor.Id).Append(".md) | ")
                .Append(Title(descriptor).Replace("|", "\\|", StringComparison.Ordinal)).Append(" | ")
                .Append(descriptor.Category).Append(" | ")
                .Append(Severity(descriptor)).Append(" |\n");
        }

        return builder.ToString();
    }

    /// <summary>The first line of a rule page.</summary>
    internal static string TitleLine(DiagnosticDescriptor descriptor) => "# " + descriptor.Id + " - " + Title(descriptor);

    /// <summary>Compares a generated file with the repository's; with <c>CROSSBORDER_UPDATE_BASELINES=1</c> writes it first.</summary>
    internal static void CompareOrUpdate(string path, string expected)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CROSSBORDER_UPDATE_BASELINES"), "1", StringComparison.Ordinal))
        {
            File.WriteAllText(path, expected, new UTF8Encoding(false));
        }

        var actual = File.ReadAllText(path);
        Assert.True(
            string.Equals(expected, actual, StringComparison.Ordinal),
            path + " differs from what the descriptors give; run the analyzer tests with CROSSBORDER_UPDATE_BASELINES=1 to rewrite it.\n" + FirstDifference(expected, actual));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "(end of file)";
            var a = i < actualLines.Length ? actualLines[i] : "(end of file)";
            if (!string.Equals(e, a, StringComparison.Ordinal))
            {
                return string.Create(CultureInfo.InvariantCulture, $"line {i + 1}:\n  expected: {e}\n  actual:   {a}");
            }
        }

        return "(no line differs)";
    }

    private static string Title(DiagnosticDescriptor descriptor) => descriptor.Title.ToString(CultureInfo.InvariantCulture);

    private static string Severity(DiagnosticDescriptor descriptor) => descriptor.DefaultSeverity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "suggestion",
        _ => "silent",
    };
}
