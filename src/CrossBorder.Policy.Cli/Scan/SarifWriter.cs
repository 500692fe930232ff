using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CrossBorder.Policy.Cli.Rules;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Cli.Scan;

/// <summary>
/// Writes a SARIF 2.1.0 log of a scan: one run, the tool's rules (stable CBDT ids, with their help links), one result
/// per finding with its location relative to the scanned folder (<c>%SRCROOT%</c>), and for a suppressed finding a
/// <c>suppressions</c> entry with its justification.
/// </summary>
internal static class SarifWriter
{
    public const string FileName = "crossborder.sarif";

    public static string Write(ScanResult scan, IReadOnlyList<RuleInfo> rules, string toolVersion)
    {
        var root = Path.GetDirectoryName(scan.InputPath)!;
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "crossborder");
            w.WriteString("version", toolVersion);
            w.WriteString("informationUri", "https://github.com/crossborder-policy/crossborder-policy");
            w.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", rule.Id);
                w.WriteStartObject("shortDescription");
                w.WriteString("text", rule.Title);
                w.WriteEndObject();
                w.WriteString("helpUri", rule.HelpLink);
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", rule.Severity switch { "error" => "error", "warning" => "warning", "disabled" or "hidden" => "none", _ => "note" });
                w.WriteBoolean("enabled", rule.Severity != "disabled");
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteString("category", rule.Category);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject("originalUriBaseIds");
            w.WriteStartObject("SRCROOT");
            w.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar).AbsoluteUri);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartArray("results");
            foreach (var f in scan.Findings)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", f.RuleId);
                if (ruleIndex.TryGetValue(f.RuleId, out var index))
                {
                    w.WriteNumber("ruleIndex", index);
                }

                w.WriteString("level", Level(f.Severity));
                w.WriteStartObject("message");
                w.WriteString("text", f.Message);
                w.WriteEndObject();
                if (f.FilePath is not null)
                {
                    w.WriteStartArray("locations");
                    w.WriteStartObject();
                    w.WriteStartObject("physicalLocation");
                    w.WriteStartObject("artifactLocation");
                    var relative = Path.GetRelativePath(root, f.FilePath);
                    if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
                    {
                        w.WriteString("uri", relative.Replace('\\', '/'));
                        w.WriteString("uriBaseId", "SRCROOT");
                    }
                    else
                    {
                        w.WriteString("uri", new Uri(f.FilePath).AbsoluteUri);
                    }

                    w.WriteEndObject();
                    w.WriteStartObject("region");
                    w.WriteNumber("startLine", f.StartLine);
                    w.WriteNumber("startColumn", f.StartColumn);
                    w.WriteNumber("endLine", f.EndLine);
                    w.WriteNumber("endColumn", f.EndColumn);
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndArray();
                }

                if (f.Suppressed)
                {
                    w.WriteStartArray("suppressions");
                    w.WriteStartObject();
                    w.WriteString("kind", f.SuppressionKind ?? "inSource");
                    if (f.Justification is not null)
                    {
                        w.WriteString("justification", f.Justification);
                    }

                    w.WriteEndObject();
                    w.WriteEndArray();
                }

                w.WriteStartObject("properties");
                w.WriteString("project", f.Project);
                w.WriteString("recipient", f.Recipient);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Hidden => "none",
        _ => "note",
    };
}
