using System.IO;
using CrossBorder.Policy.Core.PolicyFile;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.PolicyFile;

public sealed class PolicyFileDocumentationTests
{
    public static TheoryData<string, string> Ids()
    {
        var data = new TheoryData<string, string>();
        foreach (var pair in PolicyDiagnosticIds.All)
        {
            data.Add(pair.Key, pair.Value);
        }

        return data;
    }

    [Fact]
    public void IdsAreUniqueOrderedAndInTheConfigurationRange()
    {
        var ids = PolicyDiagnosticIds.All.Select(p => p.Key).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), ids);
        Assert.All(ids, id => Assert.InRange(int.Parse(id.Substring(4), System.Globalization.CultureInfo.InvariantCulture), 9001, 9049));

        // Every constant of the class is listed in All.
        var constants = typeof(PolicyDiagnosticIds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).OrderBy(i => i, StringComparer.Ordinal);
        Assert.Equal(constants, ids);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryIdHasARulePage(string id, string title)
    {
        var path = RepositoryFiles.PathOf(PolicyDiagnosticIds.GetDocumentationPath(id));
        Assert.True(File.Exists(path), path + " is missing");
        var lines = File.ReadAllLines(path);
        Assert.Equal($"# {id} - {title}", lines[0]);
        foreach (var section in new[] { "## Cause", "## Rule description", "## Legal basis", "## How to fix", "## Configuration", "## How to suppress" })
        {
            Assert.Contains(section, lines);
        }

        Assert.Contains($"dotnet_diagnostic.{id}.severity", string.Join("\n", lines), StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigurationReferenceListsEveryIdAndEveryProperty()
    {
        var text = RepositoryFiles.Read("docs/configuration.md");
        foreach (var (id, title) in PolicyDiagnosticIds.All)
        {
            Assert.Contains($"| [{id}](rules/{id}.md) | {title} |", text, StringComparison.Ordinal);
        }

        foreach (var (section, names) in PolicyFileSections.Properties)
        {
            foreach (var name in names)
            {
                Assert.True(text.Contains("`" + name + "`", StringComparison.Ordinal), $"docs/configuration.md does not document '{name}' of '{section}'");
            }
        }

        foreach (var property in new[] { "CrossBorderAsOfDate", "CrossBorderOutputPath", "CrossBorderPolicyFile" })
        {
            Assert.Contains("`" + property + "`", text, StringComparison.Ordinal);
        }
    }
}
