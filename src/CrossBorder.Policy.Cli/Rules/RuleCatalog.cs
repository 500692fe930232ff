using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using CrossBorder.Policy.Analyzers;
using CrossBorder.Policy.Core.PolicyFile;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrossBorder.Policy.Cli.Rules;

/// <summary>One diagnostic of CrossBorder.Policy.</summary>
/// <param name="Id">CBDTnnnn.</param>
/// <param name="Title">The rule's title.</param>
/// <param name="Severity">The default severity: error, warning, info or disabled.</param>
/// <param name="Category">CrossBorder.Transfer, CrossBorder.Configuration, ...</param>
/// <param name="Source">Who raises it: analyzer, policy file, MSBuild targets or build task.</param>
/// <param name="HelpLink">The rule's page.</param>
internal sealed record RuleInfo(string Id, string Title, string Severity, string Category, string Source, string HelpLink);

/// <summary>
/// Every rule of CrossBorder.Policy, from where each kind is defined:
/// <list type="bullet">
/// <item>the analyzer rules (CBDT1xxx-3xxx) from the <see cref="DiagnosticAnalyzer.SupportedDiagnostics"/> of every
/// analyzer type of the analyzer assembly, by reflection;</item>
/// <item>the policy-file rules (CBDT9001-9099) from Core's <see cref="PolicyDiagnosticIds.All"/> (id and title), with
/// the default severity from the rule's page;</item>
/// <item>the MSBuild rules (CBDT9101-9199), raised by the package's targets and by the build task, from their pages
/// (docs/rules/*.md, embedded at build time): title from the heading, severity from the Severity line.</item>
/// </list>
/// </summary>
internal static class RuleCatalog
{
    private const string ResourcePrefix = "CrossBorder.Policy.Cli.Rules.";
    private const string ConfigurationCategory = "CrossBorder.Configuration";

    public static IReadOnlyList<RuleInfo> All() => FromAnalyzers(typeof(RuleIdentifiers).Assembly)
        .Concat(FromPolicyFile())
        .Concat(FromPages())
        .OrderBy(r => r.Id, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The descriptors every <see cref="DiagnosticAnalyzer"/> of <paramref name="assembly"/> supports (each id once).</summary>
    public static IEnumerable<RuleInfo> FromAnalyzers(Assembly assembly)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var analyzers = assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in analyzers)
        {
            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            foreach (var d in analyzer.SupportedDiagnostics)
            {
                if (seen.Add(d.Id))
                {
                    yield return new RuleInfo(
                        d.Id,
                        d.Title.ToString(CultureInfo.InvariantCulture),
                        d.IsEnabledByDefault ? Severity(d.DefaultSeverity) : "disabled",
                        d.Category,
                        "analyzer",
                        string.IsNullOrEmpty(d.HelpLinkUri) ? RuleIdentifiers.GetHelpUri(d.Id) : d.HelpLinkUri);
                }
            }
        }
    }

    private static IEnumerable<RuleInfo> FromPolicyFile() => PolicyDiagnosticIds.All.Select(p => new RuleInfo(
        p.Key,
        p.Value,
        PageSeverity(p.Key) ?? "error",
        ConfigurationCategory,
        "policy file",
        RuleIdentifiers.GetHelpUri(p.Key)));

    /// <summary>The pages of the MSBuild-raised ids (CBDT9101-9199); ids defined in code are not taken from pages.</summary>
    private static IEnumerable<RuleInfo> FromPages()
    {
        foreach (var id in PageIds().Where(id => string.CompareOrdinal(id, "CBDT9100") > 0 && string.CompareOrdinal(id, "CBDT9200") < 0))
        {
            var page = ReadPage(id)!;
            yield return new RuleInfo(
                id,
                PageTitle(id, page),
                PageSeverity(id) ?? "warning",
                ConfigurationCategory,
                string.CompareOrdinal(id, "CBDT9150") < 0 ? "MSBuild targets" : "build task",
                RuleIdentifiers.GetHelpUri(id));
        }
    }

    /// <summary>The ids of the pages embedded at build time, sorted.</summary>
    public static IReadOnlyList<string> PageIds() => typeof(RuleCatalog).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
        .Select(n => n.Substring(ResourcePrefix.Length, n.Length - ResourcePrefix.Length - 3))
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToArray();

    private static string? ReadPage(string id)
    {
        using var stream = typeof(RuleCatalog).Assembly.GetManifestResourceStream(ResourcePrefix + id + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The title from the heading <c># CBDTnnnn - Title</c>.</summary>
    internal static string PageTitle(string id, string page)
    {
        var first = page.Split('\n')[0].Trim();
        var prefix = "# " + id;
        if (!first.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("docs/rules/" + id + ".md does not start with '# " + id + " - <title>'.");
        }

        return first.Substring(prefix.Length).TrimStart(' ', '-', '\u2013', '\u2014', ':').Trim();
    }

    /// <summary>The first word after "Severity" on the page's Severity line (<c>Severity: error.</c> or <c>| Severity | Warning (...) |</c>).</summary>
    private static string? PageSeverity(string id)
    {
        var page = ReadPage(id);
        if (page is null)
        {
            return null;
        }

        foreach (var raw in page.Split('\n'))
        {
            var line = raw.Trim().TrimStart('|').Trim();
            if (!line.StartsWith("Severity", StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line.Substring("Severity".Length).TrimStart(':', '|', ' ');
            var word = new string(rest.TakeWhile(char.IsLetter).ToArray()).ToLowerInvariant();
            if (word is "error" or "warning" or "info" or "hidden")
            {
                return word;
            }
        }

        return null;
    }

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}
