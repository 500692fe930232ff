using System.IO;
using CrossBorder.Policy.Core.Jurisdictions;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Jurisdictions;

/// <summary>docs/jurisdictions.md lists the knowledge base as it is: every rule in order and every region entry.</summary>
public sealed class JurisdictionDocsTests
{
    private static string ReadDoc() => RepositoryFiles.Read("docs/jurisdictions.md");

    [Fact]
    public void DocumentsTheVersionAndEveryRuleInOrder()
    {
        var doc = ReadDoc();
        Assert.Contains("**" + JurisdictionKnowledgeBase.Version + "**", doc, StringComparison.Ordinal);
        var rules = JurisdictionKnowledgeBase.Rules;
        for (var i = 0; i < rules.Count; i++)
        {
            var pattern = rules[i].Pattern.Replace("|", "\\|", StringComparison.Ordinal);
            Assert.Contains($"| {i + 1} | `{rules[i].Name}` | {rules[i].Provider} | `{pattern}` |", doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DocumentsEveryRegionTableEntry()
    {
        var doc = ReadDoc();
        var tables = JurisdictionKnowledgeBase.Rules
            .Select(r => r.Regions)
            .OfType<RegionTable>()
            .Where(t => t != JurisdictionKnowledgeBase.CountryCodeTopLevelDomains)
            .Distinct();
        foreach (var table in tables)
        {
            var start = doc.IndexOf($"(`{table.Name}`)\n", StringComparison.Ordinal);
            Assert.True(start >= 0, table.Name);
            var end = doc.IndexOf("\n### ", start, StringComparison.Ordinal);
            var section = end < 0 ? doc[start..] : doc[start..end];
            foreach (var entry in table.Entries)
            {
                Assert.Contains($"| `{entry.Key}` | {entry.Jurisdiction} | {entry.Location} |", section, StringComparison.Ordinal);
            }

            foreach (var prefix in table.Prefixes)
            {
                Assert.Contains($"| `{prefix.Prefix}*`", section, StringComparison.Ordinal);
            }
        }

        var genericStart = doc.IndexOf("**Generic ccTLDs**", StringComparison.Ordinal);
        Assert.True(genericStart >= 0);
        var generic = doc[genericStart..doc.IndexOf("\n\n", genericStart, StringComparison.Ordinal)].Replace("\n", " ", StringComparison.Ordinal);
        foreach (var tld in JurisdictionKnowledgeBase.GenericCountryCodeTopLevelDomains)
        {
            Assert.Matches(@"(?<![a-z])\." + tld + @"\b", generic);
        }
    }
}
