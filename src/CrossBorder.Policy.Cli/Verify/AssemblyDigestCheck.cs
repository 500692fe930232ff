using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CrossBorder.Policy.Build;
using CrossBorder.Policy.Cli.Inputs;
using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Cli.Verify;

/// <summary>The result of comparing one manifest file with the document embedded in an assembly.</summary>
/// <param name="Path">The file as given.</param>
/// <param name="Document">"transfers.json" or "data-directory.json".</param>
/// <param name="FileDigest">The digest of the file's bytes (BOM removed, CRLF read as LF).</param>
/// <param name="EmbeddedDigest">The digest embedded in the assembly for that document.</param>
/// <param name="FirstDifferentLine">The first line (1-based) where the file and the embedded JSON differ; null when they match.</param>
internal sealed record DigestCheck(string Path, string Document, string FileDigest, string EmbeddedDigest, int? FirstDifferentLine)
{
    public bool Matches => string.Equals(FileDigest, EmbeddedDigest, StringComparison.Ordinal);
}

/// <summary><c>verify --assembly</c>: does a manifest file on disk still match the one compiled into the assembly?</summary>
internal static class AssemblyDigestCheck
{
    public static IReadOnlyList<DigestCheck> Run(string assemblyPath, IEnumerable<string> paths)
    {
        if (!File.Exists(assemblyPath))
        {
            throw CliException.Input(assemblyPath + ": the assembly does not exist.");
        }

        // Read every file first: a missing or foreign file fails before any output.
        var files = new List<(string Path, string Text, InputKind Kind)>();
        foreach (var path in paths)
        {
            var text = InputFiles.ReadAllText(path);
            files.Add((path, text, KindOf(path, text)));
        }

        EmbeddedManifest? manifest;
        try
        {
            manifest = EmbeddedManifestReader.Read(assemblyPath);
        }
        catch (EmbeddedManifestException e)
        {
            throw CliException.Input(e.Message + " (" + e.DiagnosticId + ")");
        }

        if (manifest is null)
        {
            throw CliException.Input(assemblyPath + ": the assembly carries no CrossBorder.Policy manifest (it was not built with the CrossBorder.Policy generator).");
        }

        var results = new List<DigestCheck>();
        foreach (var (path, text, kind) in files)
        {
            var embedded = kind == InputKind.TransferManifest ? manifest.TransfersDocument : manifest.DataDirectoryDocument;
            var document = kind == InputKind.TransferManifest ? ReportRenderer.TransfersFileName : ReportRenderer.DataDirectoryFileName;
            var normalized = Normalize(text);
            var digest = ManifestDigest.Compute(new UTF8Encoding(false).GetBytes(normalized));
            results.Add(new DigestCheck(path, document, digest, embedded.Digest, string.Equals(digest, embedded.Digest, StringComparison.Ordinal) ? null : FirstDifference(normalized, embedded.Json)));
        }

        return results;
    }

    /// <summary>
    /// The kind of the file: from its content, or, when the content is no longer a readable manifest (a hand edit broke
    /// the JSON), from its name <c>transfers.json</c> or <c>data-directory.json</c>.
    /// </summary>
    private static InputKind KindOf(string path, string text)
    {
        InputKind kind;
        try
        {
            kind = InputDocument.Classify(path, text);
        }
        catch (CliException)
        {
            var name = System.IO.Path.GetFileName(path);
            if (string.Equals(name, ReportRenderer.TransfersFileName, StringComparison.OrdinalIgnoreCase))
            {
                return InputKind.TransferManifest;
            }

            if (string.Equals(name, ReportRenderer.DataDirectoryFileName, StringComparison.OrdinalIgnoreCase))
            {
                return InputKind.DataDirectory;
            }

            throw;
        }

        if (kind == InputKind.PolicyFile)
        {
            throw CliException.Input(path + ": is a policy file; verify --assembly compares transfers.json or data-directory.json with the manifest embedded in the assembly.");
        }

        return kind;
    }

    /// <summary>A checkout may add a BOM or CRLF line ends (git autocrlf); neither is an edit of the manifest.</summary>
    private static string Normalize(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);

    private static int FirstDifference(string file, string embedded)
    {
        var a = file.Split('\n');
        var b = embedded.Split('\n');
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return n + (a.Length == b.Length ? 0 : 1);
    }
}
