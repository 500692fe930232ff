using System.Text;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Build.Tests;

public sealed class EdgeCaseTests
{
    [Theory]
    [InlineData(ReportLanguage.English, "No classified type or member is declared.", "No processor profile is declared.", "No flow of classified data")]
    [InlineData(ReportLanguage.Chinese, "未声明任何分类数据。", "未声明数据处理者信息。", "未发现分类数据流向境外")]
    public void An_empty_manifest_renders_the_empty_states(ReportLanguage language, string noEntries, string noProcessor, string noFlows)
    {
        var manifest = Samples.From(new DataDirectory("Empty"), new TransferManifest("Empty"));
        var files = new ReportRenderer(language).Render(manifest);

        foreach (var name in new[] { "data-directory.md", "data-directory.html" })
        {
            var text = files.Single(f => f.FileName == name).Text;
            Assert.Contains(noEntries, text, StringComparison.Ordinal);
            Assert.Contains(noProcessor, text, StringComparison.Ordinal);
        }

        Assert.Contains(noFlows, files.Single(f => f.FileName == "transfers.md").Text, StringComparison.Ordinal);
        Assert.Contains(noFlows, files.Single(f => f.FileName == "transfers.html").Text, StringComparison.Ordinal);
        // CSV: the header only.
        Assert.Single(files.Single(f => f.FileName == "transfers.csv").Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Single(files.Single(f => f.FileName == "data-directory.csv").Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Hostile_text_in_the_manifest_cannot_break_out_of_html_or_markdown()
    {
        const string hostile = "<script>alert(1)</script> | `x` *y* \"q\" 'a' & =cmd";
        var directory = new DataDirectory("Hostile")
        {
            Entries = EquatableArray.Create(new DirectoryEntry("T:H", hostile, DirectoryEntryKind.Type)
            {
                Description = hostile,
                Classification = new DataClassification { PersonalInformation = true },
            }),
        };
        var manifest = new TransferManifest("Hostile")
        {
            Authorizations = EquatableArray.Create(new TransferAuthorization("a<b>", TransferMechanism.StandardContract, "assembly") { Purpose = hostile }),
        };
        var files = new ReportRenderer(ReportLanguage.English).Render(Samples.From(directory, manifest));

        foreach (var html in files.Where(f => f.FileName.EndsWith(".html", StringComparison.Ordinal)).Select(f => f.Text))
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("\"a<b>\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain(">a<b><", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"a&lt;b&gt;\"", files.Single(f => f.FileName == "transfers.html").Text, StringComparison.Ordinal);

        foreach (var md in files.Where(f => f.FileName.EndsWith(".md", StringComparison.Ordinal)).Select(f => f.Text))
        {
            // Code spans show their content literally; everywhere else the text must be escaped.
            var outsideCode = System.Text.RegularExpressions.Regex.Replace(md, "``[^\n]*?``|`[^`\n]*`", string.Empty);
            Assert.DoesNotContain("<script", outsideCode, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script", md, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Csv_rows_read_back_as_the_fields_that_were_written()
    {
        var random = new Random(20260326);
        const string alphabet = "ab,\"\r\n =+-@\t中文|'";
        for (var n = 0; n < 500; n++)
        {
            var fields = Enumerable.Range(0, random.Next(1, 6))
                .Select(_ => new string(Enumerable.Range(0, random.Next(0, 8)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()))
                .ToArray();
            var row = ReportText.CsvRow(fields);
            var read = ReadRow(row);
            Assert.Equal(fields.Length, read.Count);
            for (var i = 0; i < fields.Length; i++)
            {
                var f = fields[i];
                var expected = f.Length > 0 && "=+-@\t\r".Contains(f[0], StringComparison.Ordinal) ? "'" + f : f;
                Assert.Equal(expected, read[i]);
            }
        }
    }

    [Fact]
    public void Many_entries_render_without_a_loop_limit()
    {
        var entries = Enumerable.Range(0, 2500)
            .Select(i => new DirectoryEntry("P:Big.T.M" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), "Big.T.M" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), DirectoryEntryKind.Property)
            {
                ContainingTypeId = "T:Big.T",
                Classification = new DataClassification { PersonalInformation = true },
            })
            .ToArray();
        var manifest = Samples.From(new DataDirectory("Big") { Entries = EquatableArray.Create(entries) }, new TransferManifest("Big"));
        var csv = new ReportRenderer(ReportLanguage.English).Render(manifest).Single(f => f.FileName == "data-directory.csv");
        Assert.Equal(2501, csv.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Reports_are_written_atomically_without_leftover_temporary_files()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cb-writer", Guid.NewGuid().ToString("N"));
        try
        {
            var first = ReportFileWriter.Write(dir, new[] { new ReportFile("a.txt", Encoding.UTF8.GetBytes("one")), new ReportFile("b.txt", Encoding.UTF8.GetBytes("two")) });
            Assert.Equal(2, first.Written.Count);
            var second = ReportFileWriter.Write(dir, new[] { new ReportFile("a.txt", Encoding.UTF8.GetBytes("one")), new ReportFile("b.txt", Encoding.UTF8.GetBytes("TWO")) });
            Assert.Equal(new[] { Path.Combine(dir, "b.txt") }, second.Written);
            Assert.Equal(new[] { Path.Combine(dir, "a.txt") }, second.Unchanged);
            Assert.Equal("TWO", File.ReadAllText(Path.Combine(dir, "b.txt")));
            Assert.Equal(new[] { "a.txt", "b.txt" }, Directory.GetFiles(dir).Select(p => Path.GetFileName(p)).OrderBy(n => n, StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static List<string> ReadRow(string row)
    {
        Assert.EndsWith("\r\n", row, StringComparison.Ordinal);
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        var end = row.Length - 2;
        while (true)
        {
            if (i < end && row[i] == '"')
            {
                i++;
                while (true)
                {
                    if (row[i] == '"')
                    {
                        if (i + 1 < end && row[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(row[i++]);
                }
            }
            else
            {
                while (i < end && row[i] != ',')
                {
                    Assert.NotEqual('"', row[i]);
                    Assert.NotEqual('\n', row[i]);
                    field.Append(row[i++]);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i >= end)
            {
                return fields;
            }

            Assert.Equal(',', row[i]);
            i++;
        }
    }
}
