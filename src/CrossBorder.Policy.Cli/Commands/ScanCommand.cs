using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using CrossBorder.Policy.Build;
using CrossBorder.Policy.Cli.Assemblies;
using CrossBorder.Policy.Cli.Rules;
using CrossBorder.Policy.Cli.Scan;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Cli.Commands;

/// <summary><c>crossborder scan &lt;sln|csproj&gt;</c>: runs the CrossBorder analyzers over a solution and writes SARIF.</summary>
internal sealed class ScanCommand
{
    private readonly CliEnvironment _environment;
    private readonly GlobalOptions _globals;

    public ScanCommand(CliEnvironment environment, GlobalOptions globals)
    {
        _environment = environment;
        _globals = globals;
    }

    public Command Build()
    {
        var input = new Argument<string>("solution") { Description = "A solution (.sln, .slnx) or C# project (.csproj)." };
        input.Validators.Add(CommandLine.RejectUnknownOptions);
        var outputDir = new Option<string>("--output", "-o")
        {
            Description = "The folder for crossborder.sarif, the merged manifests and reconciliation.md (created if needed). Default: artifacts/crossborder.",
            HelpName = "dir",
            DefaultValueFactory = _ => Path.Combine("artifacts", "crossborder"),
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when a finding that is not suppressed has this severity or a higher one: error (default), warning, note or none.",
            HelpName = "error|warning|note|none",
            DefaultValueFactory = _ => "error",
        };
        failOn.Validators.Add(CommandLine.OneOf("--fail-on", "error", "warning", "note", "none"));
        var noBuild = new Option<bool>("--no-build")
        {
            Description = "Do not build first: the solution is already restored and built.",
        };
        var language = new Option<string>("--language")
        {
            Description = "Language of the reports (reconciliation, manifest renderings): en, zh or both (default, Chinese and English side by side).",
            HelpName = "en|zh|both",
            DefaultValueFactory = _ => "both",
        };
        language.Validators.Add(CommandLine.OneOf("--language", "en", "zh", "both"));
        var asOf = new Option<string>("--as-of")
        {
            Description = "Decide validity and expiry as of this date (yyyy-MM-dd), in the analyzers and the reconciliation. Default: the projects' CrossBorderAsOfDate, else today.",
            HelpName = "date",
        };
        var command = new Command("scan", "Run the CrossBorder analyzers on every C# project of a solution; write a SARIF 2.1 log and a findings table grouped by project and recipient.");
        command.Arguments.Add(input);
        command.Options.Add(outputDir);
        command.Options.Add(failOn);
        command.Options.Add(noBuild);
        command.Options.Add(language);
        command.Options.Add(asOf);
        command.SetAction(parseResult =>
        {
            ReportLanguages.TryParse(parseResult.GetValue(language), out var lang);
            return Execute(
                parseResult.GetValue(input)!,
                parseResult.GetValue(outputDir)!,
                parseResult.GetValue(failOn)!,
                parseResult.GetValue(noBuild),
                lang,
                parseResult.GetValue(asOf),
                new Output(_environment, parseResult.GetValue(_globals.Json), parseResult.GetValue(_globals.NoColor)));
        });
        return command;
    }

    private int Execute(string path, string outputDir, string failOn, bool noBuild, ReportLanguage language, string? asOfText, Output output)
    {
        IsoDate? asOf = asOfText is null ? null : Dates.ParseOption("--as-of", asOfText, _environment.Today);
        if (!File.Exists(path))
        {
            throw CliException.Input(Directory.Exists(path) ? path + ": is a folder; give a solution (.sln, .slnx) or a project (.csproj)." : path + ": file not found.");
        }

        var extension = Path.GetExtension(path);
        if (!extension.Equals(".sln", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".slnx", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            throw CliException.Input(path + ": not a solution or C# project; give a .sln, .slnx or .csproj file.");
        }

        var progress = _environment.OutputIsTerminal ? new Action<string>(line => _environment.Error.Write("\r\u001b[2K" + line)) : null;
        if (!noBuild)
        {
            SolutionBuilder.Build(path, progress);
        }

        Scanner.EnsureMSBuild();
        ScanResult scan;
        try
        {
            scan = Scanner.RunAsync(path, progress, asOf, default).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException)
        {
            throw CliException.Input(path + ": cannot be loaded: " + e.Message);
        }
        finally
        {
            if (progress is not null)
            {
                _environment.Error.Write("\r\u001b[2K");
            }
        }

        foreach (var warning in scan.LoadWarnings)
        {
            _environment.Error.WriteLine("crossborder: warning: " + warning);
        }

        // The reconciliation judges authorizations as of the date the analyzers used, so that the two never disagree.
        var reportAsOf = asOf ?? (scan.AnalyzedAsOf.Count == 1 ? scan.AnalyzedAsOf[0] : _environment.Today);
        if (asOf is null && scan.AnalyzedAsOf.Count > 1)
        {
            _environment.Error.WriteLine("crossborder: warning: the projects set different CrossBorderAsOfDate values (" + string.Join(", ", scan.AnalyzedAsOf) + "); the reconciliation uses " + reportAsOf + "; pass --as-of to decide every project as of one date.");
        }

        var rules = RuleCatalog.All();
        var version = typeof(ScanCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var sarifPath = Path.Combine(outputDir, SarifWriter.FileName);
        try
        {
            Directory.CreateDirectory(outputDir);
            File.WriteAllText(sarifPath, SarifWriter.Write(scan, rules, version));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Input(outputDir + ": cannot write " + SarifWriter.FileName + ": " + e.Message);
        }

        var (reports, flows) = WriteReports(scan, outputDir, language, reportAsOf);
        var threshold = failOn switch
        {
            "warning" => DiagnosticSeverity.Warning,
            "note" => DiagnosticSeverity.Info,
            "none" => (DiagnosticSeverity?)null,
            _ => DiagnosticSeverity.Error,
        };
        var failing = scan.Findings.Count(f => !f.Suppressed && threshold is { } t && f.Severity >= t);
        var exitCode = failing > 0 ? ExitCodes.Findings : ExitCodes.Success;
        if (output.Json)
        {
            WriteJson(output, scan, sarifPath, reports, flows, exitCode);
        }
        else
        {
            WriteTable(output, scan, sarifPath, failOn, failing);
            output.Writer.WriteLine("Reports: " + string.Join(", ", reports.Select(Path.GetFileName)));
        }

        return exitCode;
    }

    /// <summary>
    /// Writes the merged data directory and transfer manifest of the scanned projects' built assemblies (json, md,
    /// html, csv) and the reconciliation report into <paramref name="outputDir"/>; returns the paths written.
    /// </summary>
    private (List<string> Written, IReadOnlyList<ScanFlow> Flows) WriteReports(ScanResult scan, string outputDir, ReportLanguage language, IsoDate asOf)
    {
        var written = new List<string>();
        var built = scan.OutputAssemblies.Where(File.Exists).ToList();
        ApplicationManifest? app = null;
        Bilingual? note = null;
        if (built.Count == 0)
        {
            note = Reconciliation.NoBuiltAssembly;
        }
        else
        {
            var set = AssemblySet.Read(built);
            if (set.Manifests.Count == 0)
            {
                note = Reconciliation.NoManifest;
            }
            else
            {
                var name = set.Manifests.Count == 1 ? set.Manifests[0].AssemblyName : Path.GetFileNameWithoutExtension(scan.InputPath);
                app = ApplicationManifest.Merge(name, set.Manifests);
                foreach (var conflict in app.Conflicts)
                {
                    _environment.Error.WriteLine("crossborder: conflict: " + conflict);
                }
            }
        }

        if (note is not null)
        {
            _environment.Error.WriteLine("crossborder: warning: " + note.Value.En);
        }

        // The analyzers' flows: the generator cannot know them, so the manifest the scan writes adds them.
        var flows = ScanFlows.Build(scan, app?.Manifest.DataDirectory, app?.Manifest.Transfers);
        EmbeddedManifest? manifest = null;
        if (app is not null)
        {
            var transfers = ScanFlows.AddTo(app.Manifest.Transfers, flows);
            var document = ManifestWriter.WriteDocument(transfers);
            manifest = new EmbeddedManifest(app.Manifest.AssemblyName, app.Manifest.Format, app.Manifest.DirectoryTypeName, app.Manifest.DataDirectoryDocument, app.Manifest.DataDirectory, document, ManifestReader.ReadTransferManifest(document.Json));
        }

        var reconciliation = Reconciliation.Build(scan, manifest?.Transfers, asOf, flows.ToDictionary(f => f.Flow.Id, f => f.Location, StringComparer.Ordinal));
        try
        {
            if (manifest is not null)
            {
                var files = new ReportRenderer(language, new ReportTemplateSet(null)).Render(manifest)
                    .Where(f => f.FileName.StartsWith("data-directory.", StringComparison.Ordinal) || f.FileName.StartsWith("transfers.", StringComparison.Ordinal))
                    .ToList();
                written.AddRange(ReportFileWriter.Write(outputDir, files).All);
            }

            var md = Path.Combine(outputDir, Reconciliation.MarkdownFileName);
            File.WriteAllText(md, reconciliation.ToMarkdown(note, language));
            var html = Path.Combine(outputDir, Reconciliation.HtmlFileName);
            File.WriteAllText(html, reconciliation.ToHtml(note, language));
            written.Add(md);
            written.Add(html);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Input(outputDir + ": cannot write the reports: " + e.Message);
        }
        catch (ReportTemplateException e)
        {
            throw CliException.Input(e.Message);
        }

        return (written, flows);
    }

    private static void WriteTable(Output output, ScanResult scan, string sarifPath, string failOn, int failing)
    {
        var w = output.Writer;
        var root = Path.GetDirectoryName(scan.InputPath)!;
        foreach (var project in scan.Findings.GroupBy(f => f.Project, StringComparer.Ordinal))
        {
            w.WriteLine(project.Key);
            foreach (var recipient in project.GroupBy(f => f.Recipient, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                w.WriteLine("  " + recipient.Key);
                foreach (var f in recipient)
                {
                    var where = f.FilePath is null ? string.Empty : string.Format(CultureInfo.InvariantCulture, "{0}({1},{2}): ", Path.GetRelativePath(root, f.FilePath).Replace('\\', '/'), f.StartLine, f.StartColumn);
                    var mark = f.Suppressed ? "-" : f.Severity == DiagnosticSeverity.Error ? "\u2716" : f.Severity == DiagnosticSeverity.Warning ? "!" : "i";
                    var line = "    " + mark + " " + f.RuleId + " " + SarifWriter.Level(f.Severity) + " " + where + f.Message;
                    if (f.Suppressed)
                    {
                        line += " [suppressed" + (f.Justification is null ? string.Empty : ": " + f.Justification) + "]";
                    }

                    w.WriteLine(line);
                }
            }
        }

        var active = scan.Findings.Where(f => !f.Suppressed).ToList();
        w.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "{0} in {1}: {2} error(s), {3} warning(s), {4} note(s), {5} suppressed. {6} at or above --fail-on {7}.",
            scan.Findings.Count == 1 ? "1 finding" : scan.Findings.Count.ToString(CultureInfo.InvariantCulture) + " findings",
            scan.Projects.Count == 1 ? "1 project" : scan.Projects.Count.ToString(CultureInfo.InvariantCulture) + " projects",
            active.Count(f => f.Severity == DiagnosticSeverity.Error),
            active.Count(f => f.Severity == DiagnosticSeverity.Warning),
            active.Count(f => f.Severity == DiagnosticSeverity.Info),
            scan.Findings.Count - active.Count,
            failing,
            failOn));
        w.WriteLine("SARIF: " + sarifPath);
    }

    private static void WriteJson(Output output, ScanResult scan, string sarifPath, IReadOnlyList<string> reports, IReadOnlyList<ScanFlow> flows, int exitCode) => output.WriteJson(w =>
    {
        w.WriteStartObject();
        w.WriteString("command", "scan");
        w.WriteString("input", scan.InputPath);
        w.WriteString("sarif", sarifPath);
        w.WriteStartArray("reports");
        foreach (var r in reports)
        {
            w.WriteStringValue(r);
        }

        w.WriteEndArray();
        w.WriteNumber("exitCode", exitCode);
        w.WriteStartArray("projects");
        foreach (var p in scan.Projects)
        {
            w.WriteStringValue(p);
        }

        w.WriteEndArray();
        w.WriteStartArray("findings");
        foreach (var f in scan.Findings)
        {
            w.WriteStartObject();
            w.WriteString("project", f.Project);
            w.WriteString("recipient", f.Recipient);
            w.WriteString("ruleId", f.RuleId);
            w.WriteString("level", SarifWriter.Level(f.Severity));
            w.WriteString("message", f.Message);
            w.WriteString("file", f.FilePath);
            w.WriteNumber("line", f.StartLine);
            w.WriteNumber("column", f.StartColumn);
            w.WriteBoolean("suppressed", f.Suppressed);
            w.WriteString("justification", f.Justification);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("flows");
        foreach (var f in flows)
        {
            w.WriteStartObject();
            w.WriteString("id", f.Flow.Id);
            w.WriteString("ruleId", f.RuleId);
            w.WriteString("status", f.Flow.Status.ToString());
            w.WriteString("location", f.Location);
            w.WriteString("endpointHost", f.Flow.EndpointHost);
            w.WriteString("jurisdiction", f.Flow.Jurisdiction);
            w.WriteString("jurisdictionResolution", f.Flow.JurisdictionResolution.ToString());
            w.WriteString("authorizationId", f.Flow.AuthorizationId);
            w.WriteStartArray("categories");
            foreach (var c in f.Flow.Categories)
            {
                w.WriteStringValue(c);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
