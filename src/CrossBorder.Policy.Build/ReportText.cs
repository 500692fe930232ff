using System;
using System.Collections;
using System.Globalization;
using System.Text;

namespace CrossBorder.Policy.Build;

/// <summary>
/// Escaping for the report formats, exposed to templates as functions (<c>csv_row</c>, <c>md</c>, <c>md_code</c>,
/// <c>text</c>). Every value is formatted with the invariant culture.
/// </summary>
public static class ReportText
{
    /// <summary>What an absent value renders as in Markdown and HTML.</summary>
    public const string Dash = "—";

    /// <summary>A value as text: null is empty, numbers and dates invariant, lists joined with <c>"; "</c>.</summary>
    public static string Text(object? value)
    {
        switch (value)
        {
            case null:
                return string.Empty;
            case string s:
                return s;
            case bool b:
                return b ? "true" : "false";
            case IFormattable f:
                return f.ToString(null, CultureInfo.InvariantCulture);
            case IEnumerable items:
                var builder = new StringBuilder();
                foreach (var item in items)
                {
                    if (builder.Length > 0)
                    {
                        builder.Append("; ");
                    }

                    builder.Append(Text(item));
                }

                return builder.ToString();
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        }
    }

    /// <summary>
    /// One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or leading or trailing spaces,
    /// with quotes doubled. A field that a spreadsheet would read as a formula (starting with <c>=</c>, <c>+</c>,
    /// <c>-</c>, <c>@</c>, a tab or a carriage return) is prefixed with <c>'</c> so that it stays text.
    /// </summary>
    public static string CsvField(object? value)
    {
        var text = Text(value);
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        var quote = text.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0
            || (text.Length > 0 && (text[0] == ' ' || text[text.Length - 1] == ' '));
        return quote ? "\"" + OrdinalText.Replace(text, "\"", "\"\"") + "\"" : text;
    }

    /// <summary>One CSV record: the fields of <paramref name="fields"/> joined with commas, ended by CRLF (RFC 4180).</summary>
    public static string CsvRow(object? fields)
    {
        var builder = new StringBuilder();
        if (fields is IEnumerable items and not string)
        {
            var first = true;
            foreach (var item in items)
            {
                if (!first)
                {
                    builder.Append(',');
                }

                builder.Append(CsvField(item));
                first = false;
            }
        }
        else
        {
            builder.Append(CsvField(fields));
        }

        return builder.Append("\r\n").ToString();
    }

    /// <summary>
    /// Text for a Markdown table cell or paragraph: Markdown punctuation and <c>|</c> escaped, line breaks as
    /// <c>&lt;br&gt;</c>, <c>&lt;</c> and <c>&amp;</c> as entities; an absent or empty value is <see cref="Dash"/>.
    /// </summary>
    public static string Markdown(object? value)
    {
        var text = Text(value);
        if (text.Length == 0)
        {
            return Dash;
        }

        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~' or '>':
                    builder.Append('\\').Append(c);
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '\r':
                    break;
                case '\n':
                    builder.Append("<br>");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A Markdown code span (for ids and hosts) safe inside a table cell; an absent value is <see cref="Dash"/>.</summary>
    public static string MarkdownCode(object? value)
    {
        var text = OrdinalText.Replace(OrdinalText.Replace(Text(value), "\r", string.Empty), "\n", " ");
        if (text.Length == 0)
        {
            return Dash;
        }

        var fence = OrdinalText.IndexOf(text, '`') >= 0 ? "``" : "`";
        var pad = text[0] == '`' || text[text.Length - 1] == '`' ? " " : string.Empty;
        return fence + pad + OrdinalText.Replace(text, "|", "\\|") + pad + fence;
    }

    /// <summary>HTML text (element content and attribute values): <c>&amp; &lt; &gt; " '</c> escaped; absent is <see cref="Dash"/>.</summary>
    public static string Html(object? value)
    {
        var text = Text(value);
        if (text.Length == 0)
        {
            return Dash;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '"':
                    builder.Append("&quot;");
                    break;
                case '\'':
                    builder.Append("&#39;");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
