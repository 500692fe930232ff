using System.Text;
using System.Text.RegularExpressions;

namespace CrossBorder.Policy.Build.Tests;

public sealed class FormatTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("", "")]
    [InlineData("中文，逗号", "中文，逗号")]
    public void Csv_fields_are_quoted_and_guarded(string value, string expected) => Assert.Equal(expected, ReportText.CsvField(value));

    [Fact]
    public void Csv_rows_format_values_invariantly_and_end_with_crlf()
    {
        Assert.Equal("12000,,true,a; b\r\n", ReportText.CsvRow(new object?[] { 12000L, null, true, new[] { "a", "b" } }));
    }

    [Theory]
    [InlineData(ReportLanguage.English)]
    [InlineData(ReportLanguage.Chinese)]
    [InlineData(ReportLanguage.Both)]
    public void Csv_reports_are_rfc4180_utf8_with_bom_and_every_record_has_the_header_width(ReportLanguage language)
    {
        foreach (var file in new ReportRenderer(language).Render(Samples.Biomed).Where(f => f.FileName.EndsWith(".csv", StringComparison.Ordinal)))
        {
            Assert.True(file.Content.AsSpan(0, 3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }), file.FileName + " has no UTF-8 BOM");
            var records = ParseCsv(file.Text);
            Assert.True(records.Count > 1);
            Assert.All(records, r => Assert.Equal(records[0].Count, r.Count));
            foreach (var cell in records.SelectMany(r => r))
            {
                Assert.False(cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal), $"{file.FileName}: cell '{cell}' starts with a formula character");
            }
        }
    }

    [Fact]
    public void Csv_reports_keep_dangerous_text_as_text()
    {
        var files = new ReportRenderer(ReportLanguage.English).Render(Samples.Biomed);
        var transfers = ParseCsv(files.Single(f => f.FileName == "transfers.csv").Text);
        Assert.Contains(transfers, r => r.Contains("'-archive copy"));
        var directory = ParseCsv(files.Single(f => f.FileName == "data-directory.csv").Text);
        Assert.Contains(directory, r => r.Contains("Population genomics summary, \"=cohort\" level"));
        Assert.Contains(directory, r => r.Contains("Diagnosis, ICD-10 code | free text"));
    }

    [Theory]
    [InlineData(ReportLanguage.English)]
    [InlineData(ReportLanguage.Chinese)]
    [InlineData(ReportLanguage.Both)]
    public void Html_reports_are_self_contained(ReportLanguage language)
    {
        foreach (var file in new ReportRenderer(language).Render(Samples.Biomed).Where(f => f.FileName.EndsWith(".html", StringComparison.Ordinal)))
        {
            var html = file.Text;
            Assert.StartsWith("<!DOCTYPE html>\n", html, StringComparison.Ordinal);
            Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
            Assert.Contains("@media print", html, StringComparison.Ordinal);
            foreach (var forbidden in new[] { "http://", "https://", "src=", "<script", "<link", "@import", "url(", "<iframe", "<img" })
            {
                Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
            }

            // Every in-page link points at an id of the page.
            foreach (Match m in Regex.Matches(html, "href=\"([^\"]*)\""))
            {
                Assert.StartsWith("#", m.Groups[1].Value, StringComparison.Ordinal);
                Assert.Contains("id=\"" + m.Groups[1].Value.Substring(1) + "\"", html, StringComparison.Ordinal);
            }

            Assert.Equal(Regex.Matches(html, "<table").Count, Regex.Matches(html, "</table>").Count);
            Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Html_escapes_manifest_text()
    {
        Assert.Equal("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;", ReportText.Html("<script>alert('x')</script> & \"q\""));
        Assert.Equal("—", ReportText.Html(null));
    }

    [Theory]
    [InlineData("a|b", "a\\|b")]
    [InlineData("*bold* _it_", "\\*bold\\* \\_it\\_")]
    [InlineData("<b>x</b>", "&lt;b\\>x&lt;/b\\>")]
    [InlineData("line\nbreak", "line<br>break")]
    [InlineData(null, "—")]
    public void Markdown_cells_are_escaped(string? value, string expected) => Assert.Equal(expected, ReportText.Markdown(value));

    [Theory]
    [InlineData("P:A.B", "`P:A.B`")]
    [InlineData("a|b", "`a\\|b`")]
    [InlineData("x`y", "``x`y``")]
    [InlineData("", "—")]
    public void Markdown_code_spans_are_safe_in_tables(string value, string expected) => Assert.Equal(expected, ReportText.MarkdownCode(value));

    [Fact]
    public void Markdown_tables_have_consistent_column_counts()
    {
        foreach (var file in new ReportRenderer(ReportLanguage.Both).Render(Samples.Biomed).Where(f => f.FileName.EndsWith(".md", StringComparison.Ordinal)))
        {
            var lines = file.Text.Split('\n');
            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].StartsWith("|---", StringComparison.Ordinal))
                {
                    var width = Cells(lines[i]);
                    Assert.Equal(width, Cells(lines[i - 1]));
                    for (var j = i + 1; j < lines.Length && lines[j].StartsWith('|'); j++)
                    {
                        Assert.True(width == Cells(lines[j]), $"{file.FileName} line {j + 1}: {lines[j]}");
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("en", ReportLanguage.English)]
    [InlineData("ZH", ReportLanguage.Chinese)]
    [InlineData("zh-CN", ReportLanguage.Chinese)]
    [InlineData(" both ", ReportLanguage.Both)]
    [InlineData("", ReportLanguage.Both)]
    [InlineData(null, ReportLanguage.Both)]
    [InlineData("en-US", ReportLanguage.English)]
    public void Languages_parse(string? text, ReportLanguage expected)
    {
        Assert.True(ReportLanguages.TryParse(text, out var language));
        Assert.Equal(expected, language);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("english")]
    [InlineData("zh_CN")]
    public void Unknown_languages_do_not_parse(string text) => Assert.False(ReportLanguages.TryParse(text, out _));

    [Fact]
    public void Category_labels_translate_the_manifest_vocabulary()
    {
        Assert.Equal(("Sensitive personal information: Medical health", "敏感个人信息：医疗健康"), ReportLabels.Category("SensitivePersonalInformation:MedicalHealth"));
        Assert.Equal(("Important data: BIO-003", "重要数据：BIO-003"), ReportLabels.Category("ImportantData:BIO-003"));
        Assert.Equal(("Custom:1", "Custom:1"), ReportLabels.Category("Custom:1"));
        Assert.Equal(("1", "1"), ReportLabels.Category("1"));
    }

    private static int Cells(string line)
    {
        var count = 0;
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '|' && line[i - 1] != '\\')
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A strict RFC 4180 reader: CRLF record ends, quoted fields with doubled quotes.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, "unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                Assert.True(i == text.Length || text[i] == ',' || text[i] == '\r', "text after a closing quote");
                continue;
            }

            if (text[i] == ',')
            {
                record.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r')
            {
                Assert.True(i + 1 < text.Length && text[i + 1] == '\n', "bare CR");
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = new List<string>();
                i += 2;
            }
            else
            {
                Assert.NotEqual('\n', text[i]);
                Assert.NotEqual('"', text[i]);
                field.Append(text[i++]);
            }
        }

        Assert.True(field.Length == 0 && record.Count == 0, "the last record does not end with CRLF");
        return records;
    }
}
