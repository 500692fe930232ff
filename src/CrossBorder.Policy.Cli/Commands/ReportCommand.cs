using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using CrossBorder.Policy.Build;
using CrossBorder.Policy.Cli.Assemblies;
using CrossBorder.Policy.Cli.Scan;

namespace CrossBorder.Policy.Cli.Commands;

/// <summary>
/// <c>crossborder directory &lt;dll|folder&gt;...</c> and <c>crossborder manifest &lt;dll|folder&gt;...</c>: render the data
/// directory or the transfer manifest embedded in built assemblies, merged across the assemblies of an application.
/// </summary>
internal sealed class ReportCommand
{
    private static readonly string[] Formats = { "json", "md", "html", "csv" };

    private readonly CliEnvironment _environment;
    private readonly GlobalOptions _globals;
    private readonly string _name;
    private readonly string _documentPrefix;

    private ReportCommand(CliEnvironment environment, GlobalOptions globals, string name, string documentPrefix)
    {
        _environment = environment;
        _globals = globals;
        _name = name;
        _documentPrefix = documentPrefix;
    }

    public static ReportCommand Directory(CliEnvironment environment, GlobalOptions globals) => new(environment, globals, "directory", "data-directory");

    public static ReportCommand Manifest(CliEnvironment environment, GlobalOptions globals) => new(environment, globals, "manifest", "transfers");

    public Command Build()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Built assemblies (.dll) or folders of them (every .dll directly inside), or a solution (.sln, .slnx) or C# project (.csproj) to build and read the outputs of; assemblies without a manifest are skipped.",
            Arity = ArgumentArity.OneOrMore,
        };
        inputs.Validators.Add(CommandLine.RejectUnknownOptions);
        var format = new Option<string?>("--format")
        {
            Description = "json, md (default on standard output), html or csv. With --output and no --format, every format is written.",
            HelpName = "json|md|html|csv",
        };
        format.Validators.Add(CommandLine.OneOf("--format", Formats));
        var outputDir = new Option<string?>("--output", "-o")
        {
            Description = "Write the files into this folder (created if needed) instead of standard output.",
            HelpName = "dir",
        };
        var language = new Option<string>("--language")
        {
            Description = "Report language: en, zh or both (default, Chinese and English side by side).",
            HelpName = "en|zh|both",
            DefaultValueFactory = _ => "both",
        };
        language.Validators.Add(CommandLine.OneOf("--language", "en", "zh", "both"));
        var templates = new Option<string?>("--templates")
        {
            Description = "A folder of *.scriban templates that replace or add to the default reports (docs/templates.md).",
            HelpName = "dir",
        };
        var name = new Option<string?>("--name")
        {
            Description = "The application name written as \"assembly\" when several assemblies are merged (default: the folder's name, else the assembly names joined by '+').",
            HelpName = "name",
        };

        var noBuild = new Option<bool>("--no-build")
        {
            Description = "With a solution or project: do not build it first; read the assemblies of the last build.",
        };

        var description = _documentPrefix == "transfers"
            ? "Render the transfer manifest (authorizations and flows) embedded in built assemblies, merged across an application."
            : "Render the data directory (classified types and members, endpoints) embedded in built assemblies, merged across an application.";
        var command = new Command(_name, description);
        command.Arguments.Add(inputs);
        command.Options.Add(format);
        command.Options.Add(outputDir);
        command.Options.Add(language);
        command.Options.Add(templates);
        command.Options.Add(name);
        command.Options.Add(noBuild);
        command.SetAction(parseResult =>
        {
            var fmt = parseResult.GetValue(format);
            if (fmt is null && parseResult.GetValue(_globals.Json))
            {
                fmt = "json";
            }

            ReportLanguages.TryParse(parseResult.GetValue(language), out var lang);
            return Execute(parseResult.GetValue(inputs) ?? Array.Empty<string>(), fmt, parseResult.GetValue(outputDir), lang, parseResult.GetValue(templates), parseResult.GetValue(name), parseResult.GetValue(noBuild));
        });
        return command;
    }

    /// <summary>The name of a merged application: the single folder's name, else the assembly names joined by '+'.</summary>
    internal static string ApplicationName(IReadOnlyList<string> inputs, AssemblySet set, string? name)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            return name.Trim();
        }

        if (set.Manifests.Count == 1)
        {
            return set.Manifests[0].AssemblyName;
        }

        if (inputs.Count == 1 && System.IO.Directory.Exists(inputs[0]))
        {
            var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(inputs[0])));
            if (!string.IsNullOrEmpty(folder))
            {
                return folder;
            }
        }

        return string.Join("+", set.Manifests.Select(m => m.AssemblyName));
    }

    /// <summary>Reads and merges the manifests; prints the summary and any conflict on standard error.</summary>
    internal static ApplicationManifest Load(CliEnvironment environment, IReadOnlyList<string> inputs, string? name)
    {
        var set = AssemblySet.Read(inputs);
        environment.Error.WriteLine(set.Summary());
        if (set.Manifests.Count == 0)
        {
            throw CliException.Input("no assembly carries a CrossBorder.Policy manifest: reference the CrossBorder.Policy package (its generator embeds the manifest) and build.");
        }

        var app = ApplicationManifest.Merge(ApplicationName(inputs, set, name), set.Manifests);
        foreach (var conflict in app.Conflicts)
        {
            environment.Error.WriteLine("crossborder: conflict: " + conflict);
        }

        return app;
    }

    private int Execute(string[] inputs, string? format, string? outputDir, ReportLanguage language, string? templatesDir, string? name, bool noBuild)
    {
        if (templatesDir is not null && !System.IO.Directory.Exists(templatesDir))
        {
            throw CliException.Input(templatesDir + ": the templates folder does not exist.");
        }

        var solutions = inputs.Where(i => Scanner.IsSolutionOrProject(i) && !System.IO.Directory.Exists(i)).ToList();
        if (solutions.Count == 1 && inputs.Length == 1 && string.IsNullOrWhiteSpace(name))
        {
            // The application is the solution or project: its name names the merged manifest.
            name = Path.GetFileNameWithoutExtension(solutions[0]);
        }

        var assemblies = inputs.SelectMany(i => solutions.Contains(i) ? BuiltOutputs(i, noBuild) : new[] { i }).ToList();
        var app = Load(_environment, assemblies, name);
        IReadOnlyList<ReportFile> files;
        try
        {
            files = new ReportRenderer(language, new ReportTemplateSet(templatesDir)).Render(app.Manifest);
        }
        catch (ReportTemplateException e)
        {
            throw CliException.Input(e.Message);
        }

        var mine = files.Where(f => f.FileName.StartsWith(_documentPrefix + ".", StringComparison.Ordinal)).ToList();
        if (outputDir is null)
        {
            var wanted = _documentPrefix + "." + (format ?? "md");
            var file = mine.First(f => string.Equals(f.FileName, wanted, StringComparison.Ordinal));
            _environment.Output.Write(Decode(file.Content));
        }
        else
        {
            var selected = format is null ? mine : mine.Where(f => string.Equals(f.FileName, _documentPrefix + "." + format, StringComparison.Ordinal)).ToList();
            ReportWriteResult result;
            try
            {
                result = ReportFileWriter.Write(outputDir, selected);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliException.Input(outputDir + ": cannot write the reports: " + e.Message);
            }

            foreach (var path in result.All)
            {
                _environment.Error.WriteLine("crossborder: " + (result.Written.Contains(path) ? "wrote " : "unchanged ") + path);
            }
        }

        return app.Conflicts.Count > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>
    /// Builds a solution or project (unless <paramref name="noBuild"/>) as <c>scan</c> does, and returns the output
    /// assemblies of its C# projects that exist. A failed build, a project that does not load or no built assembly is
    /// an input error (exit 3).
    /// </summary>
    private IReadOnlyList<string> BuiltOutputs(string path, bool noBuild)
    {
        if (!File.Exists(path))
        {
            throw CliException.Input(path + ": file not found.");
        }

        var progress = _environment.OutputIsTerminal ? new Action<string>(line => _environment.Error.Write("\r\u001b[2K" + line)) : null;
        (IReadOnlyList<string> Outputs, IReadOnlyList<string> Warnings) result;
        try
        {
            if (!noBuild)
            {
                SolutionBuilder.Build(path, progress);
            }

            Scanner.EnsureMSBuild();
            progress?.Invoke("loading " + Path.GetFileName(path));
            result = Scanner.OutputAssembliesAsync(path, default).GetAwaiter().GetResult();
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

        foreach (var warning in result.Warnings)
        {
            _environment.Error.WriteLine("crossborder: warning: " + warning);
        }

        var built = result.Outputs.Where(File.Exists).ToList();
        if (built.Count == 0)
        {
            throw CliException.Input(path + ": no built assembly was found" + (noBuild ? " (build it first, or drop --no-build)." : "."));
        }

        return built;
    }

    /// <summary>The text of a rendered file without the UTF-8 BOM that CSV files carry.</summary>
    internal static string Decode(byte[] content) => new UTF8Encoding(false).GetString(content).TrimStart('\uFEFF');
}
