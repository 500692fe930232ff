using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CrossBorder.Policy.Build;

/// <summary>One rendered output file: its name (no directory) and its exact bytes.</summary>
public sealed record ReportFile(string FileName, byte[] Content)
{
    /// <summary>The content as text (UTF-8, byte-order mark removed).</summary>
    public string Text
    {
        get
        {
            var start = Content.Length >= 3 && Content[0] == 0xEF && Content[1] == 0xBB && Content[2] == 0xBF ? 3 : 0;
            return new UTF8Encoding(false).GetString(Content, start, Content.Length - start);
        }
    }
}

/// <summary>A report template that does not parse or fails while rendering.</summary>
public sealed class ReportTemplateException : Exception
{
    public ReportTemplateException(string templateSource, int line, int column, string message, Exception? inner = null)
        : base(message, inner)
    {
        TemplateSource = templateSource;
        Line = line;
        Column = column;
    }

    /// <summary>The template file (user path or <c>embedded:&lt;name&gt;</c>).</summary>
    public string TemplateSource { get; }

    /// <summary>1-based line of the error, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error, 0 when unknown.</summary>
    public int Column { get; }
}

/// <summary>
/// Renders the outputs of one embedded manifest: <c>data-directory.json</c> and <c>transfers.json</c> (the canonical
/// JSON, byte for byte as embedded), and one file per report template (<c>data-directory.md|html|csv</c>,
/// <c>transfers.md|html|csv</c>, and any extra user template). Output is deterministic: the same manifest, language
/// and templates give the same bytes, whatever the machine, culture or time. Markdown, HTML and JSON are UTF-8
/// without BOM; CSV is UTF-8 with BOM (so Excel detects UTF-8) and CRLF records.
/// </summary>
public sealed class ReportRenderer
{
    /// <summary>The file name of the data directory JSON.</summary>
    public const string DataDirectoryFileName = "data-directory.json";

    /// <summary>The file name of the transfer manifest JSON.</summary>
    public const string TransfersFileName = "transfers.json";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public ReportRenderer(ReportLanguage language, ReportTemplateSet? templates = null)
    {
        Language = language;
        Templates = templates ?? new ReportTemplateSet();
    }

    public ReportLanguage Language { get; }

    public ReportTemplateSet Templates { get; }

    /// <summary>Every output for <paramref name="manifest"/>, ordinally sorted by file name. Throws <see cref="ReportTemplateException"/>.</summary>
    public IReadOnlyList<ReportFile> Render(EmbeddedManifest manifest)
    {
        if (manifest is null)
        {
            throw new ArgumentNullException(nameof(manifest));
        }

        var files = new SortedDictionary<string, ReportFile>(StringComparer.Ordinal)
        {
            [DataDirectoryFileName] = new ReportFile(DataDirectoryFileName, Utf8NoBom.GetBytes(manifest.DataDirectoryDocument.Json)),
            [TransfersFileName] = new ReportFile(TransfersFileName, Utf8NoBom.GetBytes(manifest.TransfersDocument.Json)),
        };

        var model = ReportModel.Build(manifest, Language);
        foreach (var template in Templates.Reports)
        {
            var output = template.OutputFileName;
            if (files.ContainsKey(output))
            {
                // The canonical JSON is never templated: it must match the digest embedded in the binary.
                continue;
            }

            var text = RenderOne(template, model);
            files[output] = new ReportFile(output, Encode(output, text));
        }

        return files.Values.ToArray();
    }

    /// <summary>Renders one template with the variables of <paramref name="manifest"/> (for tests and the CLI).</summary>
    public string RenderTemplate(string templateName, EmbeddedManifest manifest)
    {
        var template = Templates.Find(templateName) ?? throw new ArgumentException($"There is no template named '{templateName}'.", nameof(templateName));
        return RenderOne(template, ReportModel.Build(manifest, Language));
    }

    private static byte[] Encode(string fileName, string text)
    {
        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            var preamble = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble();
            var body = Utf8NoBom.GetBytes(text);
            var bytes = new byte[preamble.Length + body.Length];
            Buffer.BlockCopy(preamble, 0, bytes, 0, preamble.Length);
            Buffer.BlockCopy(body, 0, bytes, preamble.Length, body.Length);
            return bytes;
        }

        return Utf8NoBom.GetBytes(text);
    }

    private string RenderOne(ReportTemplate template, ScriptObject model)
    {
        var parsed = Parse(template);
        var context = new TemplateContext
        {
            StrictVariables = true,
            LoopLimit = int.MaxValue,
            RecursiveLimit = 64,
            NewLine = "\n",
            TemplateLoader = new Loader(Templates),
            MemberRenamer = member => member.Name,
        };
        context.PushCulture(CultureInfo.InvariantCulture);

        var functions = new ScriptObject();
        functions.Import("csv_row", new Func<object?, string>(ReportText.CsvRow));
        functions.Import("csv", new Func<object?, string>(ReportText.CsvField));
        functions.Import("md", new Func<object?, string>(ReportText.Markdown));
        functions.Import("md_code", new Func<object?, string>(ReportText.MarkdownCode));
        functions.Import("h", new Func<object?, string>(ReportText.Html));
        functions.Import("text", new Func<object?, string>(ReportText.Text));
        functions.Import("number", new Func<object?, string>(Number));
        context.PushGlobal(functions);
        context.PushGlobal(model);

        try
        {
            return parsed.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new ReportTemplateException(template.Source, e.Span.Start.Line + 1, e.Span.Start.Column + 1, $"{template.Source}({e.Span.Start.Line + 1},{e.Span.Start.Column + 1}): template error: {e.OriginalMessage}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or InvalidCastException)
        {
            throw new ReportTemplateException(template.Source, 0, 0, $"{template.Source}: template error: {e.Message}", e);
        }
    }

    /// <summary>A whole number with invariant group separators (<c>12,000</c>); empty for null.</summary>
    private static string Number(object? value) => value switch
    {
        null => string.Empty,
        long l => l.ToString("#,0", CultureInfo.InvariantCulture),
        int i => i.ToString("#,0", CultureInfo.InvariantCulture),
        _ => ReportText.Text(value),
    };

    private static Template Parse(ReportTemplate template)
    {
        var parsed = Template.Parse(template.Text, template.Source);
        if (parsed.HasErrors)
        {
            var first = parsed.Messages.First(m => m.Type == ParserMessageType.Error);
            var line = first.Span.Start.Line + 1;
            var column = first.Span.Start.Column + 1;
            var all = string.Join("; ", parsed.Messages.Where(m => m.Type == ParserMessageType.Error).Select(m => m.Message));
            throw new ReportTemplateException(template.Source, line, column, $"{template.Source}({line},{column}): the template does not parse: {all}");
        }

        return parsed;
    }

    /// <summary>Resolves <c>include '_name.scriban'</c> to a template of the set (user files first), never to another path.</summary>
    private sealed class Loader : ITemplateLoader
    {
        private readonly ReportTemplateSet _templates;

        public Loader(ReportTemplateSet templates)
        {
            _templates = templates;
        }

        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            var name = templateName.EndsWith(ReportTemplate.Extension, StringComparison.Ordinal) ? templateName : templateName + ReportTemplate.Extension;
            if (!ReportTemplateSet.IsValidName(name) || _templates.Find(name) is null)
            {
                throw new ScriptRuntimeException(callerSpan, $"there is no template '{templateName}' to include (includes name a template of the set, such as '_report.css.scriban').");
            }

            return name;
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => _templates.Find(templatePath)!.Text;

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(Load(context, callerSpan, templatePath));
    }
}
