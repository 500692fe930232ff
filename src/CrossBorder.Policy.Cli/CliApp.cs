using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using CrossBorder.Policy.Cli.Commands;

namespace CrossBorder.Policy.Cli;

/// <summary>
/// The entry point shared by <c>Program</c> and the tests: builds the command tree, parses, runs the command and turns
/// every user error into one line on standard error and a documented exit code (<see cref="ExitCodes"/>).
/// </summary>
public static class CliApp
{
    /// <summary>Runs <c>crossborder</c> with <paramref name="args"/>; never throws.</summary>
    public static int Run(string[] args, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var globals = new GlobalOptions();
        var root = BuildRootCommand(environment, globals);
        ParseResult? parseResult = null;
        try
        {
            parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                // One line for the most specific problem, then where to look; never the full help text on an error.
                var error = parseResult.Errors
                    .OrderBy(e => e.Message.StartsWith("Required command", StringComparison.Ordinal) ? 1 : 0)
                    .First();
                environment.Error.WriteLine("crossborder: " + OneLine(error.Message));
                environment.Error.WriteLine(UsageHint(root, parseResult));
                return ExitCodes.UsageError;
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = environment.Output,
                Error = environment.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (CliException e)
        {
            environment.Error.WriteLine("crossborder: " + OneLine(e.Message));
            if (e.ExitCode == ExitCodes.UsageError && parseResult is not null)
            {
                environment.Error.WriteLine(UsageHint(root, parseResult));
            }

            return e.ExitCode;
        }
#pragma warning disable CA1031 // The top-level handler: a bug must still end with one line and a documented code.
        catch (Exception e)
#pragma warning restore CA1031
        {
            environment.Error.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "crossborder: internal error ({0}: {1}). Please report it; set CROSSBORDER_DEBUG=1 for details.",
                e.GetType().Name,
                e.Message));
            if (string.Equals(environment.GetEnvironmentVariable("CROSSBORDER_DEBUG"), "1", StringComparison.Ordinal))
            {
                environment.Error.WriteLine(e.ToString());
            }

            return ExitCodes.InternalError;
        }
    }

    private static string UsageHint(RootCommand root, ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        return "Run 'crossborder " + (command == root ? string.Empty : command.Name + " ") + "--help' for usage.";
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(new[] { '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()));

    internal static RootCommand BuildRootCommand(CliEnvironment environment, GlobalOptions globals)
    {
        var root = new RootCommand("crossborder: checks China cross-border data-transfer policy files and manifests (PIPL, DSL, Provisions 2024).");
        root.Options.Add(globals.Json);
        root.Options.Add(globals.NoColor);

        // One class per command; each adds its own options and action.
        root.Subcommands.Add(new VerifyCommand(environment, globals).Build());
        root.Subcommands.Add(new DiffCommand(environment, globals).Build());
        root.Subcommands.Add(ReportCommand.Directory(environment, globals).Build());
        root.Subcommands.Add(ReportCommand.Manifest(environment, globals).Build());
        root.Subcommands.Add(new RulesCommand(environment, globals).Build());
        root.Subcommands.Add(new ScanCommand(environment, globals).Build());
        root.Subcommands.Add(new InitCommand(environment, globals).Build());
        return root;
    }
}

/// <summary>Options every command accepts (before or after the command name).</summary>
public sealed class GlobalOptions
{
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write machine-readable JSON to standard output instead of tables.",
        Recursive = true,
    };

    public Option<bool> NoColor { get; } = new("--no-color")
    {
        Description = "Do not use colours (also when NO_COLOR is set or the output is redirected).",
        Recursive = true,
    };
}

/// <summary>Reads a file given on the command line, turning every IO failure into a one-line <see cref="CliException"/>.</summary>
internal static class InputFiles
{
    public static string ReadAllText(string path)
    {
        if (Directory.Exists(path))
        {
            throw CliException.Input(path + ": is a directory; give a file (crossborder.json, transfers.json or data-directory.json).");
        }

        if (!File.Exists(path))
        {
            throw CliException.Input(path + ": file not found.");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw CliException.Input(path + ": cannot be read: " + e.Message);
        }
        catch (UnauthorizedAccessException)
        {
            throw CliException.Input(path + ": cannot be read: access denied.");
        }
    }
}
