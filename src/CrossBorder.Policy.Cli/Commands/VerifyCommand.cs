using System.Collections.Generic;
using System.Linq;
using System.CommandLine;
using CrossBorder.Policy.Cli.Inputs;
using CrossBorder.Policy.Cli.Verify;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Cli.Commands;

/// <summary><c>crossborder verify &lt;file&gt;...</c>: checks policy files and manifests as of a date.</summary>
internal sealed class VerifyCommand
{
    private readonly CliEnvironment _environment;
    private readonly GlobalOptions _globals;

    public VerifyCommand(CliEnvironment environment, GlobalOptions globals)
    {
        _environment = environment;
        _globals = globals;
    }

    public Command Build()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "crossborder.json policy files, transfers.json or data-directory.json manifests.",
            Arity = ArgumentArity.OneOrMore,
        };
        var asOf = new Option<string?>("--as-of")
        {
            Description = "The date to check validity on, yyyy-MM-dd (default: today, UTC).",
            HelpName = "yyyy-MM-dd",
        };
        var warnDays = new Option<int?>("--warn-days")
        {
            Description = "Warn when an authorization expires within this many days (default: the policy file's defaults.expiryWarningDays, else 90).",
            HelpName = "days",
        };
        var assembly = new Option<string?>("--assembly")
        {
            Description = "Check instead that each manifest file matches, byte for byte, the document embedded in this built assembly (detects a hand-edited manifest).",
            HelpName = "dll",
        };
        files.Validators.Add(CommandLine.RejectUnknownOptions);
        var command = new Command("verify", "Check references, validity as of a date, mechanism adequacy and jurisdictions of policy files and manifests.");
        command.Arguments.Add(files);
        command.Options.Add(asOf);
        command.Options.Add(warnDays);
        command.Options.Add(assembly);
        command.SetAction(parseResult => parseResult.GetValue(assembly) is { } dll
            ? ExecuteDigest(
                dll,
                parseResult.GetValue(files) ?? System.Array.Empty<string>(),
                parseResult.GetValue(asOf) is not null || parseResult.GetValue(warnDays) is not null,
                new Output(_environment, parseResult.GetValue(_globals.Json), parseResult.GetValue(_globals.NoColor)))
            : Execute(
            parseResult.GetValue(files) ?? System.Array.Empty<string>(),
            parseResult.GetValue(asOf),
            parseResult.GetValue(warnDays),
            new Output(_environment, parseResult.GetValue(_globals.Json), parseResult.GetValue(_globals.NoColor))));
        return command;
    }

    private int ExecuteDigest(string assemblyPath, string[] paths, bool dateOptions, Output output)
    {
        if (dateOptions)
        {
            throw CliException.Usage("--assembly compares manifest files with the assembly; --as-of and --warn-days do not apply to it (run verify without --assembly to check validity).");
        }

        var checks = AssemblyDigestCheck.Run(assemblyPath, paths);
        var exitCode = checks.All(c => c.Matches) ? ExitCodes.Success : ExitCodes.Findings;
        if (output.Json)
        {
            output.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("command", "verify");
                w.WriteString("assembly", assemblyPath);
                w.WriteNumber("exitCode", exitCode);
                w.WriteStartArray("files");
                foreach (var c in checks)
                {
                    w.WriteStartObject();
                    w.WriteString("path", c.Path);
                    w.WriteString("document", c.Document);
                    w.WriteBoolean("matches", c.Matches);
                    w.WriteString("fileDigest", c.FileDigest);
                    w.WriteString("embeddedDigest", c.EmbeddedDigest);
                    if (c.FirstDifferentLine is { } line)
                    {
                        w.WriteNumber("firstDifferentLine", line);
                    }
                    else
                    {
                        w.WriteNull("firstDifferentLine");
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
            return exitCode;
        }

        var inv = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var c in checks)
        {
            output.Writer.WriteLine(c.Matches
                ? string.Format(inv, "{0}: matches the {1} embedded in {2} ({3}).", c.Path, c.Document, assemblyPath, c.EmbeddedDigest)
                : string.Format(inv, "{0}: differs from the {1} embedded in {2} from line {3} (file {4}, embedded {5}): the file was edited after the build, or comes from another build.", c.Path, c.Document, assemblyPath, c.FirstDifferentLine, c.FileDigest, c.EmbeddedDigest));
        }

        var differing = checks.Count(c => !c.Matches);
        output.Writer.WriteLine(differing == 0
            ? string.Format(inv, "OK: {0} match the assembly.", checks.Count == 1 ? "1 file" : checks.Count.ToString(inv) + " files")
            : string.Format(inv, "FAILED: {0} of {1} differ from the assembly.", differing, checks.Count == 1 ? "1 file" : checks.Count.ToString(inv) + " files"));
        return exitCode;
    }

    private int Execute(string[] paths, string? asOfText, int? warnDays, Output output)
    {
        var asOf = Dates.ParseOption("--as-of", asOfText, _environment.Today);
        if (warnDays is < 0 or > 3650)
        {
            throw CliException.Usage("--warn-days: " + warnDays.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is out of range; give a number of days from 0 to 3650.");
        }

        // Load everything first, so that a missing file fails before any output.
        var inputs = new List<InputDocument>();
        foreach (var path in paths)
        {
            inputs.Add(InputDocument.Load(path));
        }

        var reports = new List<FileReport>();
        foreach (var input in inputs)
        {
            reports.Add(Verifier.Verify(input, asOf, warnDays));
        }

        var report = new VerifyReport(asOf, warnDays, reports);
        if (output.Json)
        {
            VerifyJson.Write(output, report);
        }
        else
        {
            VerifyText.Write(output, report);
        }

        return report.ExitCode;
    }
}

/// <summary>Validation shared by the commands.</summary>
internal static class CommandLine
{
    /// <summary>A token that looks like an option is not taken as a file name (write ./-name for such a file).</summary>
    public static void RejectUnknownOptions(System.CommandLine.Parsing.ArgumentResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Value.StartsWith('-') && token.Value.Length > 1)
            {
                result.AddError("Unrecognized option '" + token.Value + "'.");
                return;
            }
        }
    }

    /// <summary>An option value must be one of <paramref name="allowed"/>; one line when it is not.</summary>
    public static System.Action<System.CommandLine.Parsing.OptionResult> OneOf(string option, params string[] allowed) => result =>
    {
        foreach (var token in result.Tokens)
        {
            if (System.Array.IndexOf(allowed, token.Value) < 0)
            {
                result.AddError(option + ": '" + token.Value + "' is not allowed; use " + string.Join(", ", allowed) + ".");
                return;
            }
        }
    };
}

/// <summary>Parses dates given on the command line.</summary>
internal static class Dates
{
    public static IsoDate ParseOption(string option, string? text, IsoDate fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!IsoDate.TryParse(text, out var date))
        {
            throw CliException.Usage(option + ": '" + text + "' is not a date; use yyyy-MM-dd, for example 2026-11-26.");
        }

        return date;
    }
}
