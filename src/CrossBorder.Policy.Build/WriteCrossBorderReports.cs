using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CrossBorder.Policy.Build;

/// <summary>
/// Reads the manifest embedded in the built assembly and writes <c>data-directory.json</c>, <c>transfers.json</c> and
/// the rendered reports into <see cref="OutputDirectory"/>, rewriting only files whose content changed. An assembly
/// without a manifest (the project does not use the generator) is skipped with a low-importance message. Errors and
/// warnings carry the codes CBDT9150 to CBDT9199 (docs/rules).
/// </summary>
public sealed class WriteCrossBorderReports : Task
{
    /// <summary>The built assembly (<c>@(IntermediateAssembly)</c>).</summary>
    [Required]
    public string AssemblyPath { get; set; } = string.Empty;

    /// <summary>Where the files go (<c>$(CrossBorderOutputPath)</c>, default <c>$(OutDir)crossborder/</c>).</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>A directory of <c>*.scriban</c> files that replace or add to the default templates (<c>$(CrossBorderTemplatesDirectory)</c>).</summary>
    public string? TemplatesDirectory { get; set; }

    /// <summary><c>en</c>, <c>zh</c> or <c>both</c> (<c>$(CrossBorderReportLanguage)</c>); empty means <c>both</c>.</summary>
    public string? Language { get; set; }

    /// <summary>Every file the task is responsible for (written or already up to date), for <c>FileWrites</c> and incremental builds.</summary>
    [Output]
    public ITaskItem[] ReportFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>The files actually written by this run.</summary>
    [Output]
    public ITaskItem[] WrittenFiles { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        if (!ReportLanguages.TryParse(Language, out var language))
        {
            Warn(BuildDiagnosticIds.InvalidReportLanguage, null, $"CrossBorderReportLanguage is '{Language}', which is not 'en', 'zh' or 'both'; the reports are written in both languages.");
            language = ReportLanguage.Both;
        }

        var templatesDirectory = string.IsNullOrWhiteSpace(TemplatesDirectory) ? null : TemplatesDirectory;
        if (templatesDirectory is not null && !Directory.Exists(templatesDirectory))
        {
            Warn(BuildDiagnosticIds.TemplatesDirectoryNotFound, null, $"CrossBorderTemplatesDirectory '{templatesDirectory}' does not exist; the default templates are used.");
            templatesDirectory = null;
        }

        EmbeddedManifest? manifest;
        try
        {
            manifest = EmbeddedManifestReader.Read(AssemblyPath);
        }
        catch (EmbeddedManifestException e)
        {
            Error(e.DiagnosticId, e.AssemblyPath, 0, 0, e.Message);
            return false;
        }

        if (manifest is null)
        {
            Log.LogMessage(MessageImportance.Low, $"CrossBorder.Policy: {AssemblyPath} carries no embedded manifest (the project does not use the CrossBorder.Policy generator); no report is written.");
            return true;
        }

        ReportTemplateSet templates;
        try
        {
            templates = new ReportTemplateSet(templatesDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error(BuildDiagnosticIds.TemplateError, templatesDirectory, 0, 0, $"The templates in '{templatesDirectory}' cannot be read: {e.Message}");
            return false;
        }

        System.Collections.Generic.IReadOnlyList<ReportFile> files;
        try
        {
            files = new ReportRenderer(language, templates).Render(manifest);
        }
        catch (ReportTemplateException e)
        {
            Error(BuildDiagnosticIds.TemplateError, e.TemplateSource.StartsWith("embedded:", StringComparison.Ordinal) ? null : e.TemplateSource, e.Line, e.Column, e.Message);
            return false;
        }

        ReportWriteResult result;
        try
        {
            result = ReportFileWriter.Write(OutputDirectory, files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            Error(BuildDiagnosticIds.OutputNotWritable, null, 0, 0, $"The CrossBorder reports cannot be written to '{OutputDirectory}': {e.Message}");
            return false;
        }

        ReportFiles = result.All.Select(p => (ITaskItem)new TaskItem(p)).ToArray();
        WrittenFiles = result.Written.Select(p => (ITaskItem)new TaskItem(p)).ToArray();
        var importance = result.Written.Count > 0 ? MessageImportance.Normal : MessageImportance.Low;
        Log.LogMessage(importance, $"CrossBorder.Policy: {manifest.AssemblyName} -> {Path.GetFullPath(OutputDirectory)} ({result.Written.Count} written, {result.Unchanged.Count} unchanged; language {ReportLanguages.Code(language)}).");
        return !Log.HasLoggedErrors;
    }

    private void Error(string code, string? file, int line, int column, string message) =>
        Log.LogError(subcategory: null, errorCode: code, helpKeyword: null, helpLink: BuildDiagnosticIds.HelpLink(code), file: file, lineNumber: line, columnNumber: column, endLineNumber: 0, endColumnNumber: 0, message: message);

    private void Warn(string code, string? file, string message) =>
        Log.LogWarning(subcategory: null, warningCode: code, helpKeyword: null, helpLink: BuildDiagnosticIds.HelpLink(code), file: file, lineNumber: 0, columnNumber: 0, endLineNumber: 0, endColumnNumber: 0, message: message);
}
