using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CrossBorder.Policy.Core.Json;
using CrossBorder.Policy.Core.Jurisdictions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CrossBorder.Policy.Cli.Init;

/// <summary>One absolute http(s) URL found in a string literal, with the first place it was seen.</summary>
internal sealed record FoundEndpoint(string Host, string Url, string File, int Line, JurisdictionResolution Resolution);

/// <summary>
/// <c>crossborder init</c>: finds the endpoints of a project with a syntax-only scan of its .cs files (no build) and
/// writes a commented <c>crossborder.json</c> skeleton: processor placeholders, the endpoints with their guessed
/// jurisdiction, empty transfers.
/// </summary>
internal static class PolicyScaffold
{
    /// <summary>Every distinct host of an absolute http(s) URL in a string literal of a .cs file under <paramref name="projectDir"/> (bin and obj skipped), ordered by host.</summary>
    public static IReadOnlyList<FoundEndpoint> FindEndpoints(string projectDir, JurisdictionResolver resolver)
    {
        var root = Path.GetFullPath(projectDir);
        var found = new Dictionary<string, FoundEndpoint>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(root, f))
            .OrderBy(f => f, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file);
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            foreach (var literal in tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)))
            {
                if (literal.Token.ValueText is not { } text
                    || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
                    || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                    || string.IsNullOrEmpty(uri.Host))
                {
                    continue;
                }

                var host = uri.IdnHost.ToLowerInvariant();
                if (found.ContainsKey(host) || !resolver.TryResolve(text, out var resolution, out _))
                {
                    continue;
                }

                found.Add(host, new FoundEndpoint(host, text, relative, literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1, resolution));
            }
        }

        return found.Values.OrderBy(e => e.Host, StringComparer.Ordinal).ToList();
    }

    /// <summary>The commented <c>crossborder.json</c> text (JSON with // comments, \n line ends).</summary>
    public static string Write(string projectName, IReadOnlyList<FoundEndpoint> endpoints)
    {
        var b = new StringBuilder();
        void Line(string text) => b.Append(text).Append('\n');
        Line("// crossborder.json for " + projectName + ", written by 'crossborder init'.");
        Line("// Review every value: the endpoints and jurisdictions below are guesses from the source code (docs/cli.md, docs/configuration.md).");
        Line("{");
        Line("  \"version\": 1,");
        Line("  // The personal information processor (the legal entity that exports the data). Fill in the placeholders.");
        Line("  \"processor\": {");
        Line("    \"name\": \"TODO: legal name of the processor\",");
        Line("    \"contact\": \"TODO: data protection contact\",");
        Line("    // Individuals whose personal information is processed in total (drives the security-assessment thresholds):");
        Line("    // \"processedSubjects\": 0,");
        Line("    // \"unifiedSocialCreditCode\": \"18-character code\",");
        Line("    // \"freeTradeZone\": \"zone id, when a free-trade-zone negative list applies\",");
        Line("    \"criticalInformationInfrastructureOperator\": false");
        Line("  },");
        Line("  // Endpoints found in string literals of the project's .cs files, with the jurisdiction guessed for each host.");
        Line("  \"endpoints\": [");
        var declared = endpoints.Where(e => e.Resolution.IsJurisdictionKnown && !e.Resolution.IsInternal).ToList();
        foreach (var e in endpoints.Where(e => !e.Resolution.IsJurisdictionKnown || e.Resolution.IsInternal))
        {
            var why = e.Resolution.IsInternal ? "internal host, not a transfer" : "jurisdiction unknown, declare it by hand";
            Line("    // " + e.Host + " (" + e.File + ":" + e.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + "): " + why + ". " + OneLine(e.Resolution.Explanation));
        }

        for (var i = 0; i < declared.Count; i++)
        {
            var e = declared[i];
            Line("    // " + e.File + ":" + e.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + OneLine(e.Url));
            Line("    // " + OneLine(e.Resolution.Explanation));
            var jurisdiction = e.Resolution.IsInsideMainland ? "\"domestic\": true" : "\"jurisdiction\": " + JsonWriter.Quote(e.Resolution.Jurisdiction!);
            Line("    { \"host\": " + JsonWriter.Quote(e.Host) + ", " + jurisdiction + " }" + (i < declared.Count - 1 ? "," : string.Empty));
        }

        Line("  ],");
        Line("  // One entry per authorization (security assessment, standard contract, certification or exemption); see docs/configuration.md.");
        Line("  \"transfers\": []");
        Line("}");
        return b.ToString();
    }

    private static string OneLine(string text) => text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static bool IsBuildOutput(string root, string file)
    {
        var parts = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Take(parts.Length - 1).Any(p => p is "bin" or "obj");
    }
}
