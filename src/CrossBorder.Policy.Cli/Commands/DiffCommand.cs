using System.CommandLine;
using CrossBorder.Policy.Cli.Assemblies;
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
        var oldFile = new Argument<string>("old") { Description = "The old transfers.json or data-directory.json (for example from the target branch), or a built assembly (.dll) or folder of them." };
        var newFile = new Argument<string>("new") { Description = "The new manifest of the same kind, or a built assembly or folder." };
        var document = new Option<string?>("--document")
        {
            Description = "Which embedded document to compare when both sides are assemblies or folders: transfers (default) or data-directory.",
            HelpName = "transfers|data-directory",
        };
        document.Validators.Add(CommandLine.OneOf("--document", "transfers", "data-directory"));
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
        command.Options.Add(document);
        command.SetAction(parseResult =>
        {
            var json = parseResult.GetValue(_globals.Json);
            return Execute(
                parseResult.GetValue(oldFile)!,
                parseResult.GetValue(newFile)!,
                json ? "json" : parseResult.GetValue(format) ?? "text",
                !parseResult.GetValue(reportOnly),
                parseResult.GetValue(document),
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

    /// <summary>
    /// Compares two inputs, each a manifest file or an assembly input (a .dll or a folder of them, merged as by
    /// <c>directory</c> and <c>manifest</c>). A manifest file decides the kind of document; with two assembly inputs,
    /// <paramref name="document"/> does (default transfers).
    /// </summary>
    private ManifestDiff Compare(string oldPath, string newPath, string? document)
    {
        var oldIsAssembly = AssemblySet.IsAssemblyInput(oldPath);
        var newIsAssembly = AssemblySet.IsAssemblyInput(newPath);
        if (!oldIsAssembly && !newIsAssembly)
        {
            if (document is not null)
            {
                throw CliException.Usage("--document chooses the document of an assembly; two manifest files are compared as they are.");
            }

            return Compare(InputDocument.Load(oldPath), InputDocument.Load(newPath));
        }

        // Load the manifest files first, so that their kind decides which embedded document is compared.
        var oldFile = oldIsAssembly ? null : InputDocument.Load(oldPath);
        var newFile = newIsAssembly ? null : InputDocument.Load(newPath);
        var kind = (oldFile ?? newFile)?.Kind ?? (string.Equals(document, "data-directory", System.StringComparison.Ordinal) ? InputKind.DataDirectory : InputKind.TransferManifest);
        if (kind == InputKind.PolicyFile)
        {
            throw CliException.Input((oldFile ?? newFile)!.Path + ": is a policy file; diff compares two transfers.json or two data-directory.json manifests, or the manifests of two builds.");
        }

        if (document is not null && (oldFile ?? newFile) is not null && (document == "transfers") != (kind == InputKind.TransferManifest))
        {
            throw CliException.Usage("--document " + document + " does not match " + (oldFile ?? newFile)!.Path + " (" + Verify.VerifyJson.Kind(kind) + ").");
        }

        var old = oldFile ?? FromAssemblies(oldPath, kind);
        var @new = newFile ?? FromAssemblies(newPath, kind);
        return Compare(old, @new);
    }

    private InputDocument FromAssemblies(string path, InputKind kind)
    {
        var app = ReportCommand.Load(_environment, new[] { path }, name: null).Manifest;
        return kind == InputKind.TransferManifest
            ? new InputDocument(path, app.TransfersDocument.Json, InputKind.TransferManifest)
            : new InputDocument(path, app.DataDirectoryDocument.Json, InputKind.DataDirectory);
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

    private int Execute(string oldPath, string newPath, string format, bool failOnNew, string? document, Output output)
    {
        var diff = Compare(oldPath, newPath, document);
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
