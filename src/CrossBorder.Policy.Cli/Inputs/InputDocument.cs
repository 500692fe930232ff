using System;
using System.Globalization;
using CrossBorder.Policy.Core.Json;
using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Cli.Inputs;

/// <summary>What a file given on the command line is.</summary>
public enum InputKind
{
    PolicyFile,
    TransferManifest,
    DataDirectory,
}

/// <summary>A file read from disk and classified by its content (not its name).</summary>
public sealed record InputDocument(string Path, string Text, InputKind Kind)
{
    private static readonly string[] PolicySections =
    {
        "version", "processor", "defaults", "regulation", "endpoints", "transfers", "catalogs", "negativeLists", "referenceFormats",
    };

    /// <summary>Reads <paramref name="path"/> and tells a policy file from a manifest. Throws <see cref="CliException"/> (exit 3).</summary>
    public static InputDocument Load(string path)
    {
        var text = InputFiles.ReadAllText(path);
        return new InputDocument(path, text, Classify(path, text));
    }

    public static InputKind Classify(string path, string text)
    {
        JsonNode root;
        try
        {
            root = JsonReader.Parse(text, JsonReaderOptions.WithComments);
        }
        catch (JsonReadException e)
        {
            throw CliException.Input(string.Format(CultureInfo.InvariantCulture, "{0}({1},{2}): not valid JSON: {3}", path, e.Position.Line, e.Position.Column, e.Reason));
        }

        if (root is JsonObject obj)
        {
            if (obj["document"] is JsonString document)
            {
                if (string.Equals(document.Value, ManifestSchema.TransferManifestDocument, StringComparison.Ordinal))
                {
                    return InputKind.TransferManifest;
                }

                if (string.Equals(document.Value, ManifestSchema.DataDirectoryDocument, StringComparison.Ordinal))
                {
                    return InputKind.DataDirectory;
                }

                throw CliException.Input(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0}({1},{2}): \"document\" is '{3}'; a crossborder manifest is '{4}' or '{5}'.",
                    path,
                    document.Position.Line,
                    document.Position.Column,
                    document.Value,
                    ManifestSchema.TransferManifestDocument,
                    ManifestSchema.DataDirectoryDocument));
            }

            foreach (var section in PolicySections)
            {
                if (obj.TryGetProperty(section, out _))
                {
                    return InputKind.PolicyFile;
                }
            }
        }

        throw CliException.Input(path + ": not a crossborder policy file or manifest (a policy file is an object with \"version\": 1 and sections such as \"transfers\"; a manifest has \"document\": \"" + ManifestSchema.TransferManifestDocument + "\" or \"" + ManifestSchema.DataDirectoryDocument + "\").");
    }
}
