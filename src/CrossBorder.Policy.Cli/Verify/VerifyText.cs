using System;
using System.Globalization;
using System.Linq;
using CrossBorder.Policy.Cli.Inputs;
using CrossBorder.Policy.Core.Regulation;
using Spectre.Console;

namespace CrossBorder.Policy.Cli.Verify;

/// <summary>The human output of <c>verify</c>: per file the diagnostics, a table of authorizations, the findings with
/// their citations, the legal basis of each decision, and one summary line.</summary>
internal static class VerifyText
{
    public static void Write(Output output, VerifyReport report)
    {
        var console = output.CreateConsole();
        foreach (var file in report.Files)
        {
            WriteFile(console, file, report);
        }

        var errors = report.Count(FindingSeverity.Error);
        var warnings = report.Count(FindingSeverity.Warning);
        var checkedCount = report.Files.Sum(f => f.Authorizations.Count);
        var summary = string.Format(
            CultureInfo.InvariantCulture,
            "{0} checked as of {1}: {2}, {3}.",
            Plural(report.Files.Count, "file") + ", " + Plural(checkedCount, "authorization"),
            report.AsOf,
            Plural(errors, "error"),
            Plural(warnings, "warning"));
        var colour = errors > 0 ? "red" : warnings > 0 ? "yellow" : "green";
        console.MarkupLine("[bold " + colour + "]" + Markup.Escape((errors > 0 ? "FAILED: " : "OK: ") + summary) + "[/]");
    }

    /// <summary>
    /// Writes one line that is never wrapped, whatever the width: a file's path must stay whole so it can be copied, and
    /// the output must not depend on how long the path to the user's checkout is.
    /// </summary>
    private static void MarkupLineUnwrapped(IAnsiConsole console, string markup, int length)
    {
        var width = console.Profile.Width;
        console.Profile.Width = Math.Max(width, length + 1);
        try
        {
            console.MarkupLine(markup);
        }
        finally
        {
            console.Profile.Width = width;
        }
    }

    private static void WriteFile(IAnsiConsole console, FileReport file, VerifyReport report)
    {
        var kind = file.Kind switch
        {
            InputKind.PolicyFile => "policy file",
            InputKind.TransferManifest => "transfer manifest",
            _ => "data directory",
        };
        var detail = " (" + kind + (file.Subject is null ? string.Empty : ", " + file.Subject) + ")";
        MarkupLineUnwrapped(console, "[bold]" + Markup.Escape(file.Path) + "[/]" + Markup.Escape(detail), file.Path.Length + detail.Length);

        foreach (var finding in file.Findings.Where(f => f.Location is not null && f.Subject is null))
        {
            // The MSBuild canonical form, unwrapped, so editors and CI logs link to the line.
            var parts = finding.Location!.Split(':');
            console.Profile.Out.Writer.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0}({1},{2}): {3} {4}: {5}",
                file.Path,
                parts[0],
                parts[1],
                finding.Severity == FindingSeverity.Error ? "error" : "warning",
                finding.Code,
                finding.Message));
        }

        var subjectFindings = file.Findings.Where(f => f.Subject is not null).ToList();
        if (subjectFindings.Count > 0)
        {
            var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(0).PadRight(1)).AddColumn();
            foreach (var finding in subjectFindings)
            {
                grid.AddRow(new Markup(Colour(finding.Severity, Symbol(finding.Severity) + " " + finding.Subject)), new Markup(Colour(finding.Severity, finding.Code + ": " + finding.Message)));
            }

            console.Write(grid);
        }

        if (file.Kind == InputKind.DataDirectory && file.Digest is not null)
        {
            console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}, {1}; digest {2}", Plural(file.EntryCount, "classified entry", "classified entries"), Plural(file.EndpointCount, "endpoint binding"), file.Digest));
        }
        else if (file.Kind == InputKind.TransferManifest && file.Digest is not null)
        {
            console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}, {1}; digest {2}", Plural(file.Authorizations.Count, "authorization"), Plural(file.FlowCount, "flow"), file.Digest));
        }

        if (file.Authorizations.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn("Transfer", c => c.NoWrap());
            table.AddColumn("Mechanism");
            table.AddColumn("Reference", c => c.NoWrap());
            table.AddColumn("Valid until", c => c.NoWrap());
            table.AddColumn("Jurisdiction");
            table.AddColumn("Result");
            foreach (var a in file.Authorizations)
            {
                var worst = a.WorstSeverity;
                var result = worst switch
                {
                    FindingSeverity.Error => "[red]" + Markup.Escape("✖ " + string.Join("\n  ", a.Findings.Where(f => f.Severity == FindingSeverity.Error).Select(f => f.Code).Distinct())) + "[/]",
                    FindingSeverity.Warning => "[yellow]" + Markup.Escape("! " + string.Join("\n  ", a.Findings.Where(f => f.Severity == FindingSeverity.Warning).Select(f => f.Code).Distinct())) + "[/]",
                    _ => "[green]✔ ok[/]",
                };
                table.AddRow(
                    Markup.Escape(a.Id),
                    Markup.Escape(Names.Mechanism(a.Mechanism) + (a.Exemption == Core.Model.ExemptionBasis.None ? string.Empty : ": " + a.Exemption.ToString())),
                    Markup.Escape(a.Reference ?? "-"),
                    Markup.Escape(ValidUntil(a)),
                    Markup.Escape(Names.Country(a.Jurisdiction)),
                    result);
            }

            console.Write(table);
            if (file.Authorizations.Any(a => a.ValidUntilComputed && a.Validity is not ValidityStatus.NoFixedTerm and not ValidityStatus.Undetermined))
            {
                console.MarkupLine("[dim]* computed from the issue date and the legal validity period[/]");
            }

            var problems = file.Authorizations.SelectMany(a => a.Findings).Where(f => f.Severity > FindingSeverity.Info).ToList();
            if (problems.Count > 0)
            {
                console.MarkupLine("[bold]Findings[/]");
                var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(2).PadRight(1)).AddColumn();
                foreach (var finding in problems)
                {
                    var text = finding.Code + (finding.Location is null ? string.Empty : " (line " + finding.Location.Split(':')[0] + ")") + ": " + finding.Message;
                    if (finding.Citations.Count > 0 && !finding.Message.Contains(finding.Citations[0].Split(" [")[0], System.StringComparison.Ordinal))
                    {
                        text += " See " + string.Join("; ", finding.Citations) + ".";
                    }

                    grid.AddRow(new Markup(Colour(finding.Severity, Symbol(finding.Severity) + " " + finding.Subject)), new Markup(Colour(finding.Severity, text)));
                }

                console.Write(grid);
            }

            console.MarkupLine("[bold]Legal basis[/] [dim](as of " + Markup.Escape(report.AsOf.ToString()) + ")[/]");
            var basis = new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(2).PadRight(1)).AddColumn();
            foreach (var a in file.Authorizations)
            {
                basis.AddRow(new Text(a.Id), new Text(a.DecisionExplanation));
            }

            console.Write(basis);
        }

        console.WriteLine();
    }

    private static string ValidUntil(AuthorizationCheck a) => a.Validity switch
    {
        ValidityStatus.NoFixedTerm => "no fixed term",
        ValidityStatus.Undetermined => "unknown",
        _ => a.ValidUntil is { } until ? until.ToString() + (a.ValidUntilComputed ? "*" : string.Empty) : "-",
    };

    private static string Symbol(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "✖",
        FindingSeverity.Warning => "!",
        _ => "i",
    };

    private static string Colour(FindingSeverity severity, string text) => severity switch
    {
        FindingSeverity.Error => "[red]" + Markup.Escape(text) + "[/]",
        FindingSeverity.Warning => "[yellow]" + Markup.Escape(text) + "[/]",
        _ => Markup.Escape(text),
    };

    internal static string Plural(int count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
