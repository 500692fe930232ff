using System.IO;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrossBorder.Policy.Analyzers.Tests;

/// <summary>Suite-wide checks over every analyzer of the assembly: help links, documentation pages, release tracking and ID ranges.</summary>
public sealed class RuleMetadataTests
{
    public static TheoryData<string> Descriptors() => AnalyzerDescriptors.Ids();

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void HelpLinkIsTheRulePage(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        Assert.Equal($"https://github.com/crossborder-policy/crossborder-policy/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        // The link's path below the branch is a file of this repository.
        var linked = descriptor.HelpLinkUri[(descriptor.HelpLinkUri.IndexOf("/blob/main/", StringComparison.Ordinal) + "/blob/main/".Length)..];
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, linked)), descriptor.HelpLinkUri + " names " + linked + ", which does not exist");
        // Reported from operation blocks, never from CompilationEnd (the IDE does not run it live).
        Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, descriptor.CustomTags);
        Assert.True(descriptor.IsEnabledByDefault);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void RulePageExistsWithSections(string id)
    {
        // The title line is generated and compared by RuleDocumentationTests.RulePageTitleLineIsTheDescriptorsTitle.
        var page = Path.Combine(RepositoryRoot.Path, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"Missing {page}");
        var lines = File.ReadAllLines(page);
        foreach (var section in new[] { "## Cause", "## Rule description", "## Legal basis", "## How to fix", "## Configuration", "## How to suppress" })
        {
            Assert.Contains(section, lines);
        }

        Assert.Contains($"dotnet_diagnostic.{id}.severity", File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void RuleIsInReleaseTrackingAndInItsCategoryRange(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        var project = Path.Combine(RepositoryRoot.Path, "analyzers", "CrossBorder.Policy.Analyzers");
        var tracked = File.ReadAllText(Path.Combine(project, "AnalyzerReleases.Shipped.md")) + File.ReadAllText(Path.Combine(project, "AnalyzerReleases.Unshipped.md"));
        Assert.Matches(new Regex($"^{id} \\| {Regex.Escape(descriptor.Category)} \\| {descriptor.DefaultSeverity} \\|", RegexOptions.Multiline), tracked);

        var ranges = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "diagnostic-id-ranges.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim().Split('-'));
        Assert.True(ranges.TryGetValue(descriptor.Category, out var range), $"No ID range for category {descriptor.Category}");
        Assert.InRange(string.CompareOrdinal(id, range[0]), 0, int.MaxValue);
        Assert.InRange(string.CompareOrdinal(id, range[1]), int.MinValue, 0);
    }

    [Fact]
    public void AnalyzersAreSealedAndIdsAreUnique()
    {
        var analyzers = AnalyzerTypes().ToArray();
        Assert.NotEmpty(analyzers);
        Assert.All(analyzers, type => Assert.True(type.IsSealed, type.Name + " must be sealed"));
        var ids = AllDescriptors().Select(d => d.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    private static IEnumerable<Type> AnalyzerTypes() => AnalyzerDescriptors.AnalyzerTypes();

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() => AnalyzerDescriptors.All();
}
