using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using CrossBorder.Policy.Cli.Init;
using CrossBorder.Policy.Core.Jurisdictions;

namespace CrossBorder.Policy.Cli.Commands;

/// <summary><c>crossborder init [&lt;project-dir&gt;] [--force]</c>: writes a commented crossborder.json skeleton for a project.</summary>
internal sealed class InitCommand
{
    public const string FileName = "crossborder.json";

    private readonly CliEnvironment _environment;
    private readonly GlobalOptions _globals;

    public InitCommand(CliEnvironment environment, GlobalOptions globals)
    {
        _environment = environment;
        _globals = globals;
    }

    public Command Build()
    {
        var dir = new Argument<string>("project-dir")
        {
            Description = "The project folder (default: the current folder). crossborder.json is written there.",
            DefaultValueFactory = _ => ".",
        };
        dir.Validators.Add(CommandLine.RejectUnknownOptions);
        var force = new Option<bool>("--force") { Description = "Overwrite an existing crossborder.json." };
        var command = new Command("init", "Write a commented crossborder.json for a project: processor placeholders, the endpoints found in its .cs files with their guessed jurisdictions, no transfers.");
        command.Arguments.Add(dir);
        command.Options.Add(force);
        command.SetAction(parseResult => Execute(
            parseResult.GetValue(dir)!,
            parseResult.GetValue(force),
            new Output(_environment, parseResult.GetValue(_globals.Json), parseResult.GetValue(_globals.NoColor))));
        return command;
    }

    private static int Execute(string projectDir, bool force, Output output)
    {
        if (!Directory.Exists(projectDir))
        {
            throw CliException.Input(projectDir + (File.Exists(projectDir) ? ": is a file; give the project folder." : ": folder not found."));
        }

        var target = Path.Combine(projectDir, FileName);
        if (File.Exists(target) && !force)
        {
            throw CliException.Input(target + ": already exists; use --force to overwrite it.");
        }

        var full = Path.GetFullPath(projectDir);
        var project = Directory.GetFiles(full, "*.csproj", SearchOption.TopDirectoryOnly).OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault();
        var name = project is null ? Path.GetFileName(Path.TrimEndingDirectorySeparator(full)) : Path.GetFileNameWithoutExtension(project);
        System.Collections.Generic.IReadOnlyList<FoundEndpoint> endpoints;
        try
        {
            endpoints = PolicyScaffold.FindEndpoints(full, JurisdictionResolver.Default);
            File.WriteAllText(target, PolicyScaffold.Write(name, endpoints));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Input(target + ": cannot write: " + e.Message);
        }

        if (output.Json)
        {
            output.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("command", "init");
                w.WriteString("path", target);
                w.WriteStartArray("endpoints");
                foreach (var e in endpoints)
                {
                    w.WriteStartObject();
                    w.WriteString("host", e.Host);
                    w.WriteString("jurisdiction", e.Resolution.Jurisdiction);
                    w.WriteString("explanation", e.Resolution.Explanation);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
        else
        {
            output.Writer.WriteLine(string.Format(CultureInfo.InvariantCulture, "Wrote {0} with {1} endpoint(s); fill in the processor and the transfers.", target, endpoints.Count));
        }

        return ExitCodes.Success;
    }
}
