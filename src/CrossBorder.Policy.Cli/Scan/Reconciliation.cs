using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Cli.Scan;

/// <summary>One table of the reconciliation report.</summary>
internal sealed record ReconciliationTable(string Title, string Explanation, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// The auditor's reconciliation of a scan, both ways: what leaves without a valid, adequate authorization (scan
/// findings and manifest flows), and which declared authorizations nothing uses (stale).
/// </summary>
internal sealed class Reconciliation
{
    public const string MarkdownFileName = "reconciliation.md";
    public const string HtmlFileName = "reconciliation.html";

    private static readonly string[] AuthorizationRules = { "CBDT1001", "CBDT1003", "CBDT1004" };

    private Reconciliation(string application, IReadOnlyList<ReconciliationTable> tables)
    {
        Application = application;
        Tables = tables;
    }

    public string Application { get; }

    public IReadOnlyList<ReconciliationTable> Tables { get; }

    /// <summary>Authorizations no flow and no finding uses.</summary>
    public IReadOnlyList<string> StaleAuthorizationIds => Tables[3].Rows.Select(r => r[0]).ToList();

    /// <summary>Reconciles the scan's findings and the merged manifest (null when no built assembly carries one) on <paramref name="today"/>.</summary>
    public static Reconciliation Build(ScanResult scan, TransferManifest? manifest, IsoDate today)
    {
        var root = System.IO.Path.GetDirectoryName(scan.InputPath)!;
        var findings = scan.Findings
            .Where(f => !f.Suppressed && f.Severity >= DiagnosticSeverity.Warning && AuthorizationRules.Contains(f.RuleId, StringComparer.Ordinal))
            .Select(f => (IReadOnlyList<string>)new[]
            {
                f.RuleId,
                f.Recipient,
                f.FilePath is null ? "-" : System.IO.Path.GetRelativePath(root, f.FilePath).Replace('\\', '/') + ":" + f.StartLine.ToString(CultureInfo.InvariantCulture),
                f.Message,
            })
            .ToList();

        var authorizations = manifest?.Authorizations.ToList() ?? new List<TransferAuthorization>();
        var flows = manifest?.Flows.ToList() ?? new List<TransferFlow>();
        var byId = authorizations.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var flowRows = flows
            .Where(f => f.Status != FlowStatus.Authorized || (f.AuthorizationId is { } id && byId.TryGetValue(id, out var a) && IsExpired(a, today)))
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => (IReadOnlyList<string>)new[]
            {
                f.Id,
                f.EndpointHost ?? "unresolved endpoint",
                f.Jurisdiction ?? "-",
                f.AuthorizationId ?? "-",
                FlowProblem(f, byId, today),
            })
            .ToList();

        var expired = authorizations
            .Where(a => IsExpired(a, today))
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => (IReadOnlyList<string>)new[] { a.Id, a.Mechanism.ToString(), a.Endpoint ?? a.Recipient ?? "-", a.ValidUntil?.ToString() ?? "-" })
            .ToList();

        // An authorization is used when a flow names it, or when a flow or a finding reaches its endpoint.
        var reachedHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in flows.Where(f => f.EndpointHost is not null))
        {
            reachedHosts.Add(f.EndpointHost!);
        }

        foreach (var f in scan.Findings)
        {
            reachedHosts.Add(HostOf(f.Recipient));
        }

        var named = new HashSet<string>(flows.Where(f => f.AuthorizationId is not null).Select(f => f.AuthorizationId!), StringComparer.Ordinal);
        var stale = authorizations
            .Where(a => !named.Contains(a.Id) && (a.Endpoint is null || !reachedHosts.Contains(a.Endpoint)))
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => (IReadOnlyList<string>)new[] { a.Id, a.Mechanism.ToString(), a.Reference ?? "-", a.Endpoint ?? "-", a.Recipient ?? "-" })
            .ToList();

        var tables = new[]
        {
            new ReconciliationTable("Findings without a valid authorization", "Unsuppressed CBDT1001 (no authorization), CBDT1003 (inadequate mechanism) and CBDT1004 (expired or not yet valid) findings of the scan.", new[] { "Rule", "Recipient", "Location", "Message" }, findings),
            new ReconciliationTable("Flows without a valid authorization", "Flows of the built manifest that are not covered by an adequate authorization valid on " + today.ToString() + ".", new[] { "Flow", "Host", "Jurisdiction", "Authorization", "Problem" }, flowRows),
            new ReconciliationTable("Expired authorizations", "Declared authorizations whose validity ended before " + today.ToString() + ".", new[] { "Authorization", "Mechanism", "Endpoint or recipient", "Valid until" }, expired),
            new ReconciliationTable("Stale authorizations", "Declared authorizations that no flow names and whose endpoint no flow or finding reaches: remove them or check that the code still sends the data.", new[] { "Authorization", "Mechanism", "Reference", "Endpoint", "Recipient" }, stale),
        };
        return new Reconciliation(manifest?.Assembly ?? System.IO.Path.GetFileNameWithoutExtension(scan.InputPath), tables);
    }

    public string ToMarkdown(string? note)
    {
        var b = new StringBuilder();
        b.Append("# Reconciliation: ").Append(Application).Append("\n\n");
        if (note is not null)
        {
            b.Append("> ").Append(note).Append("\n\n");
        }

        foreach (var t in Tables)
        {
            b.Append("## ").Append(t.Title).Append(" (").Append(t.Rows.Count.ToString(CultureInfo.InvariantCulture)).Append(")\n\n");
            b.Append(t.Explanation).Append("\n\n");
            if (t.Rows.Count == 0)
            {
                b.Append("None.\n\n");
                continue;
            }

            b.Append("| ").Append(string.Join(" | ", t.Columns)).Append(" |\n");
            b.Append('|').Append(string.Concat(t.Columns.Select(_ => " --- |"))).Append('\n');
            foreach (var row in t.Rows)
            {
                b.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
            }

            b.Append('\n');
        }

        return b.ToString();
    }

    public string ToHtml(string? note)
    {
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Reconciliation: ").Append(WebUtility.HtmlEncode(Application)).Append("</title></head>\n<body>\n");
        b.Append("<h1>Reconciliation: ").Append(WebUtility.HtmlEncode(Application)).Append("</h1>\n");
        if (note is not null)
        {
            b.Append("<p><em>").Append(WebUtility.HtmlEncode(note)).Append("</em></p>\n");
        }

        foreach (var t in Tables)
        {
            b.Append("<h2>").Append(WebUtility.HtmlEncode(t.Title)).Append(" (").Append(t.Rows.Count.ToString(CultureInfo.InvariantCulture)).Append(")</h2>\n<p>").Append(WebUtility.HtmlEncode(t.Explanation)).Append("</p>\n");
            if (t.Rows.Count == 0)
            {
                b.Append("<p>None.</p>\n");
                continue;
            }

            b.Append("<table>\n<tr>").Append(string.Concat(t.Columns.Select(c => "<th>" + WebUtility.HtmlEncode(c) + "</th>"))).Append("</tr>\n");
            foreach (var row in t.Rows)
            {
                b.Append("<tr>").Append(string.Concat(row.Select(c => "<td>" + WebUtility.HtmlEncode(c) + "</td>"))).Append("</tr>\n");
            }

            b.Append("</table>\n");
        }

        return b.Append("</body>\n</html>\n").ToString();
    }

    private static bool IsExpired(TransferAuthorization a, IsoDate today) => a.ValidUntil is { } until && until.CompareTo(today) < 0;

    private static string FlowProblem(TransferFlow f, Dictionary<string, TransferAuthorization> byId, IsoDate today) => f.Status switch
    {
        FlowStatus.Unauthorized => "no authorization",
        FlowStatus.Inadequate => "inadequate mechanism",
        FlowStatus.Expired => "authorization expired",
        FlowStatus.NotYetValid => "authorization not yet valid",
        FlowStatus.Blocked => "core data: blocked",
        FlowStatus.UnknownEndpoint => "unknown endpoint",
        _ => f.AuthorizationId is { } id && byId.TryGetValue(id, out var a) && IsExpired(a, today) ? "authorization expired on " + a.ValidUntil : "authorized",
    };

    private static string HostOf(string recipient)
    {
        var space = recipient.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? recipient : recipient.Substring(0, space);
    }

    private static string Cell(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
