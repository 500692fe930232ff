using System.Reflection;
using System.Text.RegularExpressions;

namespace CrossBorder.Policy.Cli.Tests;

/// <summary>docs/cli.md documents what the tool does: every exit code, command and option.</summary>
public sealed class DocumentationTests
{
    private static readonly string Doc = File.ReadAllText(Repo.PathOf("docs/cli.md"));

    [Fact]
    public void TheExitCodeTableMatchesExitCodes()
    {
        var documented = Regex.Matches(Doc, @"^\| (\d+) \| ([A-Za-z ]+) \|", RegexOptions.Multiline)
            .ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups[2].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        var actual = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => (int)f.GetValue(null)!, f => f.Name.ToUpperInvariant());

        Assert.Equal(actual.OrderBy(p => p.Key), documented.OrderBy(p => p.Key));
    }

    [Fact]
    public void EveryCommandAndOptionIsDocumented()
    {
        var root = CliApp.BuildRootCommand(new CliEnvironment(TextWriter.Null, TextWriter.Null), new GlobalOptions());
        foreach (var option in root.Options.Where(o => o.Name.StartsWith("--", StringComparison.Ordinal)))
        {
            Assert.Contains("`" + option.Name, Doc, StringComparison.Ordinal);
        }

        foreach (var command in root.Subcommands)
        {
            Assert.Contains("## " + command.Name, Doc, StringComparison.Ordinal);
            foreach (var option in command.Options)
            {
                Assert.Contains("`" + option.Name, Doc, StringComparison.Ordinal);
            }
        }
    }
}
