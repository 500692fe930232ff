namespace CrossBorder.Policy.Build.Tests;

public sealed class TemplateOverrideTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cb-templates", Guid.NewGuid().ToString("N"));

    public TemplateOverrideTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_user_file_with_a_default_name_replaces_the_default()
    {
        File.WriteAllText(Path.Combine(_dir, "transfers.md.scriban"), "# Custom {{ report.assembly }}\r\n{{ for a in transfers.authorizations }}- {{ a.id }}: {{ a.reference_label }} {{ a.reference }}\r\n{{ end }}");
        var renderer = new ReportRenderer(ReportLanguage.Chinese, new ReportTemplateSet(_dir));

        var files = renderer.Render(Samples.Biomed);

        var md = files.Single(f => f.FileName == "transfers.md").Text;
        Assert.Equal("# Custom Jsbio.Trials\n- de-archive-scc: 备案编号 苏网信备〔2025〕0117号\n- hk-logistics-contract: 编号 \n- sg-cro-assessment: 评估编号 国网信数出〔2025〕0042号\n", md);
        Assert.True(renderer.Templates.Find("transfers.md.scriban")!.IsOverride);
        Assert.False(renderer.Templates.Find("transfers.html.scriban")!.IsOverride);
        Assert.Contains("数据出境清单", files.Single(f => f.FileName == "transfers.html").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_partial_replaces_the_default_style_in_both_html_reports()
    {
        File.WriteAllText(Path.Combine(_dir, "_report.css.scriban"), "body { color: rebeccapurple; }\n");
        var files = new ReportRenderer(ReportLanguage.English, new ReportTemplateSet(_dir)).Render(Samples.Biomed);
        foreach (var name in new[] { "transfers.html", "data-directory.html" })
        {
            var html = files.Single(f => f.FileName == name).Text;
            Assert.Contains("<style>\nbody { color: rebeccapurple; }\n</style>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("@media print", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_extra_user_template_renders_one_more_file_and_json_cannot_be_templated()
    {
        File.WriteAllText(Path.Combine(_dir, "recipients.txt.scriban"), "{{ for a in transfers.authorizations }}{{ a.recipient }}|{{ a.jurisdiction }}\n{{ end }}");
        File.WriteAllText(Path.Combine(_dir, "transfers.json.scriban"), "not the canonical json");
        var files = new ReportRenderer(ReportLanguage.English, new ReportTemplateSet(_dir)).Render(Samples.Biomed);

        Assert.Equal("Archiv GmbH|DE\nHarbour Logistics Ltd.|HK\nLion City CRO Pte. Ltd.|SG\n", files.Single(f => f.FileName == "recipients.txt").Text);
        Assert.Equal(Samples.Biomed.TransfersDocument.Json, files.Single(f => f.FileName == "transfers.json").Text);
    }

    [Fact]
    public void A_template_that_does_not_parse_reports_file_line_and_column()
    {
        var path = Path.Combine(_dir, "data-directory.md.scriban");
        File.WriteAllText(path, "line one\n{{ for e in directory.entries }}\n{{ e.id }\n");
        var e = Assert.Throws<ReportTemplateException>(() => new ReportRenderer(ReportLanguage.English, new ReportTemplateSet(_dir)).Render(Samples.Biomed));
        Assert.Equal(path, e.TemplateSource);
        Assert.True(e.Line >= 2, e.Message);
        Assert.Contains("does not parse", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_variable_is_an_error_not_an_empty_string()
    {
        File.WriteAllText(Path.Combine(_dir, "data-directory.md.scriban"), "ok\n{{ directroy.entries.size }}\n");
        var e = Assert.Throws<ReportTemplateException>(() => new ReportRenderer(ReportLanguage.English, new ReportTemplateSet(_dir)).Render(Samples.Biomed));
        Assert.Equal(2, e.Line);
        Assert.Contains("directroy", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_cannot_leave_the_template_set()
    {
        File.WriteAllText(Path.Combine(_dir, "x.txt.scriban"), "{{ include '../../etc/passwd' }}");
        var e = Assert.Throws<ReportTemplateException>(() => new ReportRenderer(ReportLanguage.English, new ReportTemplateSet(_dir)).Render(Samples.Biomed));
        Assert.Contains("no template", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_templates_are_listed_and_readable()
    {
        Assert.Equal(
            new[] { "_report.css.scriban", "data-directory.csv.scriban", "data-directory.html.scriban", "data-directory.md.scriban", "transfers.csv.scriban", "transfers.html.scriban", "transfers.md.scriban" },
            ReportTemplateSet.DefaultNames);
        foreach (var name in ReportTemplateSet.DefaultNames)
        {
            Assert.DoesNotContain("\r", ReportTemplateSet.ReadDefault(name), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_shipped_template_file_is_embedded_unchanged()
    {
        var dir = Path.Combine(RepositoryFiles.Root, "src", "CrossBorder.Policy.Build", "Templates");
        var files = Directory.GetFiles(dir, "*.scriban").Select(p => Path.GetFileName(p)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(ReportTemplateSet.DefaultNames, files);
        foreach (var name in files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(dir, name)).Replace("\r\n", "\n", StringComparison.Ordinal), ReportTemplateSet.ReadDefault(name));
        }
    }
}
