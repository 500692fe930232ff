using System;

namespace CrossBorder.Policy.Build;

/// <summary>
/// The diagnostics the build task logs (reserved range CBDT9150 to CBDT9199). Each has a page <c>docs/rules/{id}.md</c>.
/// </summary>
public static class BuildDiagnosticIds
{
    /// <summary>Error: the built assembly does not exist or cannot be opened.</summary>
    public const string AssemblyNotFound = "CBDT9150";

    /// <summary>Error: the file is not a .NET assembly or its metadata is damaged.</summary>
    public const string NotAnAssembly = "CBDT9151";

    /// <summary>Error: the embedded manifest is incomplete.</summary>
    public const string ManifestIncomplete = "CBDT9152";

    /// <summary>Error: the embedded manifest has a format this task does not read.</summary>
    public const string UnsupportedManifestFormat = "CBDT9153";

    /// <summary>Error: an embedded document does not match its digest.</summary>
    public const string DigestMismatch = "CBDT9154";

    /// <summary>Error: an embedded document is not a valid manifest.</summary>
    public const string InvalidManifest = "CBDT9155";

    /// <summary>Warning: <c>CrossBorderReportLanguage</c> is not <c>en</c>, <c>zh</c> or <c>both</c>.</summary>
    public const string InvalidReportLanguage = "CBDT9156";

    /// <summary>Warning: <c>CrossBorderTemplatesDirectory</c> does not exist.</summary>
    public const string TemplatesDirectoryNotFound = "CBDT9157";

    /// <summary>Error: a report template does not parse or fails while rendering.</summary>
    public const string TemplateError = "CBDT9158";

    /// <summary>Error: a report file cannot be written.</summary>
    public const string OutputNotWritable = "CBDT9159";

    /// <summary>Error (raised by the targets file, not the task): the task assembly does not exist.</summary>
    public const string TaskAssemblyNotFound = "CBDT9160";

    /// <summary>Every id the build task and its targets can log, in order.</summary>
    public static readonly string[] All =
    {
        AssemblyNotFound, NotAnAssembly, ManifestIncomplete, UnsupportedManifestFormat, DigestMismatch, InvalidManifest,
        InvalidReportLanguage, TemplatesDirectoryNotFound, TemplateError, OutputNotWritable, TaskAssemblyNotFound,
    };

    /// <summary>The help link of <paramref name="id"/>: its page under docs/rules.</summary>
    public static string HelpLink(string id) => "https://github.com/crossborder-policy/crossborder-policy/blob/main/docs/rules/" + id + ".md";

    /// <summary>The diagnostic id that reports <paramref name="error"/>.</summary>
    public static string For(EmbeddedManifestError error) => error switch
    {
        EmbeddedManifestError.AssemblyNotFound => AssemblyNotFound,
        EmbeddedManifestError.NotAnAssembly => NotAnAssembly,
        EmbeddedManifestError.Incomplete => ManifestIncomplete,
        EmbeddedManifestError.UnsupportedFormat => UnsupportedManifestFormat,
        EmbeddedManifestError.DigestMismatch => DigestMismatch,
        EmbeddedManifestError.InvalidDocument => InvalidManifest,
        _ => throw new ArgumentOutOfRangeException(nameof(error)),
    };
}
