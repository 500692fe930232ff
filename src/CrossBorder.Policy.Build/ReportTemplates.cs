using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace CrossBorder.Policy.Build;

/// <summary>One report template: its name, the file it renders to, its text and where it came from.</summary>
/// <param name="Name">The template file name (<c>transfers.html.scriban</c>).</param>
/// <param name="Text">The template text, with line ends normalized to <c>\n</c>.</param>
/// <param name="Source">The user file's full path, or <c>embedded:&lt;name&gt;</c> for a default.</param>
public sealed record ReportTemplate(string Name, string Text, string Source)
{
    /// <summary>The extension of every template file.</summary>
    public const string Extension = ".scriban";

    /// <summary>The output file name: the template name without <see cref="Extension"/>.</summary>
    public string OutputFileName => Name.Substring(0, Name.Length - Extension.Length);

    /// <summary>Whether this is the user's file rather than a default.</summary>
    public bool IsOverride => !Source.StartsWith("embedded:", StringComparison.Ordinal);

    /// <summary>Partials (names starting with <c>_</c>) are only included by other templates and render no file.</summary>
    public bool IsPartial => Name.StartsWith("_", StringComparison.Ordinal);
}

/// <summary>
/// The templates a render uses: the defaults embedded in this assembly, and the <c>*.scriban</c> files of an optional
/// user directory (<c>$(CrossBorderTemplatesDirectory)</c>). A user file with a default's name replaces it; a user
/// file with another name renders one more report; a name starting with <c>_</c> is a partial for <c>include</c>.
/// </summary>
public sealed class ReportTemplateSet
{
    private const string ResourcePrefix = "CrossBorder.Policy.Build.Templates.";

    private readonly Dictionary<string, ReportTemplate> _templates;

    /// <summary>Loads the defaults and, when <paramref name="userDirectory"/> is given and exists, the user's templates.</summary>
    public ReportTemplateSet(string? userDirectory = null)
    {
        _templates = new Dictionary<string, ReportTemplate>(StringComparer.Ordinal);
        foreach (var name in DefaultNames)
        {
            _templates[name] = new ReportTemplate(name, ReadDefault(name), "embedded:" + name);
        }

        if (!string.IsNullOrWhiteSpace(userDirectory) && Directory.Exists(userDirectory))
        {
            UserDirectory = Path.GetFullPath(userDirectory);
            foreach (var path in Directory.GetFiles(UserDirectory, "*" + ReportTemplate.Extension, SearchOption.TopDirectoryOnly).OrderBy(p => p, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                if (!IsValidName(name))
                {
                    continue;
                }

                _templates[name] = new ReportTemplate(name, Normalize(File.ReadAllText(path, Encoding.UTF8)), path);
            }
        }
    }

    /// <summary>The names of the default templates, ordinally sorted.</summary>
    public static IReadOnlyList<string> DefaultNames { get; } = typeof(ReportTemplateSet).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(n => n.Substring(ResourcePrefix.Length))
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The full path of the user directory that was read, null when none was given or it does not exist.</summary>
    public string? UserDirectory { get; }

    /// <summary>Every template, partials included, ordinally sorted by name.</summary>
    public IReadOnlyList<ReportTemplate> All => _templates.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();

    /// <summary>The templates that render a file (not partials), ordinally sorted by name.</summary>
    public IReadOnlyList<ReportTemplate> Reports => All.Where(t => !t.IsPartial).ToArray();

    /// <summary>The template named <paramref name="name"/>, or null.</summary>
    public ReportTemplate? Find(string name) => _templates.TryGetValue(name, out var t) ? t : null;

    /// <summary>The text of a default template (line ends normalized), for users who want to start from it.</summary>
    public static string ReadDefault(string name)
    {
        using var stream = typeof(ReportTemplateSet).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new ArgumentException($"There is no default template named '{name}'.", nameof(name));
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return Normalize(reader.ReadToEnd());
    }

    /// <summary>A template name is a plain file name: no directory part, ends with <c>.scriban</c>, has an output name.</summary>
    internal static bool IsValidName(string name) =>
        name.EndsWith(ReportTemplate.Extension, StringComparison.Ordinal)
        && name.Length > ReportTemplate.Extension.Length
        && name.IndexOfAny(new[] { '/', '\\', ':' }) < 0
        && !string.Equals(name, ".." + ReportTemplate.Extension, StringComparison.Ordinal);

    // A checkout with core.autocrlf gives CRLF files; reports must be the same bytes on every machine.
    private static string Normalize(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        return OrdinalText.Replace(text, "\r\n", "\n").Replace('\r', '\n');
    }
}
