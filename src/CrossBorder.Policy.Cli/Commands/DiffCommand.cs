using System.CommandLine;
using CrossBorder.Policy.Cli.Diff;
using CrossBorder.Policy.Cli.Inputs;
using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Cli.Commands;

/// <summary><c>crossborder diff &lt;old&gt; &lt;new&gt;</c>: what changed between two manifests.</summary>
internal sealed class DiffCommand
{
    private readonly CliEnvironment _environment;
    private readonly GlobalOptions _globals;

    public DiffCommand(CliEnvironment environment, GlobalOptions globals)
    {
        _environment = environment;
        _globals = globals;
    }

    public Command Build()
    {
        var oldFile = new Argument<string>("old") { Description = "The old transfers.json or data-directory.json (for example from the target branch)." };
        var newFile = new Argument<string>("new") { Description = "The new manifest of the same kind." };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (default), md (a pull-request comment) or json.",
            HelpName = "text|md|json",
            DefaultValueFactory = _ => "text",
        };
        format.Validators.Add(CommandLine.OneOf("--format", "text", "md", "json"));
        oldFile.Validators.Add(CommandLine.RejectUnknownOptions);
        newFile.Validators.Add(CommandLine.RejectUnknownOptions);
        var reportOnly = new Option<bool>("--report-only")
        {
            Description = "Exit with 0 even when a flow newly leaves without authorization (by default diff then exits with 1).",
        };
        var command = new Command("diff", "Compare two manifests: new, removed and changed authorizations and flows, new data categories going abroad.");
        command.Arguments.Add(oldFile);
        command.Arguments.Add(newFile);
        command.Options.Add(format);
        command.Options.Add(reportOnly);
        command.SetAction(parseResult =>
        {
            var json = parseResult.GetValue(_globals.Json);
            return Execute(
                parseResult.GetValue(oldFile)!,
                parseResult.GetValue(newFile)!,
                json ? "json" : parseResult.GetValue(format) ?? "text",
                !parseResult.GetValue(reportOnly),
                new Output(_environment, json, parseResult.GetValue(_globals.NoColor)));
        });
        return command;
    }

    private static ManifestDiff Compare(InputDocument old, InputDocument @new)
    {
        if (old.Kind == InputKind.PolicyFile || @new.Kind == InputKind.PolicyFile)
        {
            var policy = old.Kind == InputKind.PolicyFile ? old : @new;
            throw CliException.Input(policy.Path + ": is a policy file; diff compares two transfers.json or two data-directory.json manifests.");
        }

        if (old.Kind != @new.Kind)
        {
            throw CliException.Input("cannot compare " + old.Path + " (" + Verify.VerifyJson.Kind(old.Kind) + ") with " + @new.Path + " (" + Verify.VerifyJson.Kind(@new.Kind) + "); give two manifests of the same kind.");
        }

        return old.Kind == InputKind.TransferManifest
            ? ManifestDiffer.Compare(Read(old, ManifestReader.ReadTransferManifest), Read(@new, ManifestReader.ReadTransferManifest), old.Path, @new.Path)
            : ManifestDiffer.Compare(Read(old, ManifestReader.ReadDataDirectory), Read(@new, ManifestReader.ReadDataDirectory), old.Path, @new.Path);
    }

    private static T Read<T>(InputDocument input, System.Func<string, T> read)
    {
        try
        {
            return read(input.Text);
        }
        catch (ManifestReadException e)
        {
            throw CliException.Input(input.Path + e.Message);
        }
    }

    private int Execute(string oldPath, string newPath, string format, bool failOnNew, Output output)
    {
        var diff = Compare(InputDocument.Load(oldPath), InputDocument.Load(newPath));
        var exitCode = failOnNew && diff.NewUnauthorized.Count > 0 ? ExitCodes.Findings : ExitCodes.Success;
        switch (format)
        {
            case "json":
                DiffRenderers.Json(output, diff, exitCode);
                break;
            case "md":
                _environment.Output.Write(DiffRenderers.Markdown(diff));
                break;
            default:
                _environment.Output.Write(DiffRenderers.Text(diff));
                break;
        }

        return exitCode;
    }
}
