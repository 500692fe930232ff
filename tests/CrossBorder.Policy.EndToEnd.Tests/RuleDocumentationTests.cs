using System.Text.RegularExpressions;
using CrossBorder.Policy.EndToEnd.Tests.Infrastructure;

namespace CrossBorder.Policy.EndToEnd.Tests;

/// <summary>Every CBDT id the package's build files can raise has its page, in the configuration range.</summary>
public sealed class RuleDocumentationTests
{
    private static readonly string[] Sections =
        ["## Cause", "## Rule description", "## Legal basis (configuration)", "## How to fix", "## Configuration", "## How to suppress"];

    private readonly PackageFixture _package;

    public RuleDocumentationTests(PackageFixture package)
    {
        _package = package;
    }

    [Fact]
    public void EveryWarningOfTheBuildFilesIsDocumentedAndInItsRange()
    {
        var buildDirectory = Path.Combine(_package.RepositoryRoot, "src", "CrossBorder.Policy.Package");
        var ids = Directory.EnumerateFiles(buildDirectory, "*.targets", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(buildDirectory, "*.props", SearchOption.AllDirectories))
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), "Code=\"(CBDT[0-9]{4})\"").Select(m => m.Groups[1].Value))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(ids);

        foreach (var id in ids)
        {
            var number = int.Parse(id[4..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(number is >= 9101 and <= 9149, $"{id} is outside CBDT9101-CBDT9149, the range reserved for MSBuild configuration.");

            var page = Path.Combine(_package.RepositoryRoot, "docs", "rules", id + ".md");
            Assert.True(File.Exists(page), $"{id} has no page at {page}.");
            var lines = File.ReadAllLines(page);
            Assert.Matches($"^# {id} - \\S", lines[0]);
            var missing = Sections.Where(s => !lines.Contains(s)).ToList();
            Assert.True(missing.Count == 0, $"{page} lacks {string.Join(", ", missing)}.");
            Assert.Contains($"<NoWarn>$(NoWarn);{id}</NoWarn>", File.ReadAllText(page), StringComparison.Ordinal);
        }
    }
}
