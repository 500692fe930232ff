using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CrossBorder.Policy.Cli.Tests;

public sealed class RulesCommandTests
{
    private static readonly Lazy<List<JsonElement>> Listed = new(() =>
    {
        var result = CliRunner.Run("rules", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("rules").EnumerateArray().Select(e => e.Clone()).ToList();
    });

    private static Dictionary<string, string> Pages => Directory.GetFiles(Repo.PathOf("docs/rules"), "*.md")
        .ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => File.ReadAllText(p).Replace("\r\n", "\n", StringComparison.Ordinal), StringComparer.Ordinal);

    private static string Id(JsonElement e) => e.GetProperty("id").GetString()!;

    [Fact]
    public void Every_rule_page_is_listed_and_every_listed_rule_has_a_page()
    {
        var listed = Listed.Value.Select(Id).ToArray();

        Assert.Equal(listed.Order(StringComparer.Ordinal), listed);
        Assert.Equal(listed.Distinct(StringComparer.Ordinal), listed);
        Assert.Equal(Pages.Keys.Order(StringComparer.Ordinal), listed);
    }

    [Fact]
    public void Titles_match_the_page_headings_and_links_point_at_the_pages()
    {
        foreach (var rule in Listed.Value)
        {
            var id = Id(rule);
            var heading = Pages[id].Split('\n')[0];
            Assert.Equal("# " + id + " - " + rule.GetProperty("title").GetString(), heading);
            Assert.EndsWith("/docs/rules/" + id + ".md", rule.GetProperty("helpLink").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Severities_match_the_pages()
    {
        foreach (var rule in Listed.Value)
        {
            var page = Pages[Id(rule)];
            var match = Regex.Match(page, @"^\|? ?Severity:? ?\|? ?([A-Za-z]+)", RegexOptions.Multiline);
            Assert.True(match.Success, Id(rule) + " has no Severity line");
            Assert.Equal(match.Groups[1].Value.ToLowerInvariant(), rule.GetProperty("severity").GetString());
        }
    }

    [Fact]
    public void Analyzer_rules_come_from_the_analyzers_and_configuration_ids_from_their_code_tables()
    {
        var bySource = Listed.Value.ToLookup(r => r.GetProperty("source").GetString(), Id);
        var analyzerIds = typeof(CrossBorder.Policy.Analyzers.RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != "HelpUriBase").Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal);
        var buildIds = typeof(CrossBorder.Policy.Build.BuildDiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(analyzerIds, bySource["analyzer"]);
        Assert.Equal(CrossBorder.Policy.Core.PolicyFile.PolicyDiagnosticIds.All.Select(p => p.Key), bySource["policy file"]);
        Assert.Equal(Enumerable.Range(9101, 8).Select(n => "CBDT" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)), bySource["MSBuild targets"]);
        Assert.Subset(bySource["build task"].ToHashSet(StringComparer.Ordinal), buildIds.ToHashSet(StringComparer.Ordinal));
        Assert.All(Listed.Value.Where(r => r.GetProperty("source").GetString() != "analyzer"), r => Assert.Equal("CrossBorder.Configuration", r.GetProperty("category").GetString()));
        Assert.Equal("CrossBorder.Transfer", Listed.Value.Single(r => Id(r) == "CBDT1001").GetProperty("category").GetString());
        Assert.Equal("error", Listed.Value.Single(r => Id(r) == "CBDT1002").GetProperty("severity").GetString());
        Assert.Equal("warning", Listed.Value.Single(r => Id(r) == "CBDT9023").GetProperty("severity").GetString());
    }

    [Fact]
    public void Text_output_lists_each_rule_with_its_link_and_a_count()
    {
        var result = CliRunner.Run("rules");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID        Severity  Category", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^CBDT1001  warning   CrossBorder\.Transfer +analyzer +Classified data reaches a foreign endpoint without an authorization$", lines[1]);
        Assert.EndsWith("/docs/rules/CBDT1001.md", lines[2], StringComparison.Ordinal);
        var analyzers = Listed.Value.Count(r => r.GetProperty("source").GetString() == "analyzer");
        Assert.Equal(Listed.Value.Count + " rules: " + analyzers + " analyzer, " + (Listed.Value.Count - analyzers) + " configuration.", lines[^1]);
        Assert.Equal(1 + (2 * Listed.Value.Count) + 1, lines.Length);
    }
}
