using System.Globalization;

namespace CrossBorder.Policy.Build.Tests;

/// <summary>
/// Every output of the biomedicine sample in every language, compared byte for byte with
/// Baselines/{language}/{file}. <c>CROSSBORDER_UPDATE_BASELINES=1</c> rewrites them for review.
/// </summary>
public sealed class ReportBaselineTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "en", "zh", "both" })
        {
            foreach (var file in ExpectedFiles)
            {
                data.Add(language, file);
            }
        }

        return data;
    }

    private static readonly string[] ExpectedFiles =
    {
        "data-directory.csv", "data-directory.html", "data-directory.json", "data-directory.md",
        "transfers.csv", "transfers.html", "transfers.json", "transfers.md",
    };

    [Fact]
    public void The_default_outputs_are_the_eight_files()
    {
        var files = new ReportRenderer(ReportLanguage.Both).Render(Samples.Biomed);
        Assert.Equal(ExpectedFiles, files.Select(f => f.FileName).ToArray());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_baseline(string language, string file)
    {
        Assert.True(ReportLanguages.TryParse(language, out var lang));
        var output = new ReportRenderer(lang).Render(Samples.Biomed).Single(f => f.FileName == file);
        var baseline = Path.Combine(RepositoryFiles.TestProject, "Baselines", language, file);
        if (RepositoryFiles.UpdateBaselines)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(baseline)!);
            File.WriteAllBytes(baseline, output.Content);
        }

        Assert.True(File.Exists(baseline), $"Missing baseline {baseline}; run with CROSSBORDER_UPDATE_BASELINES=1.");
        var expected = File.ReadAllBytes(baseline);
        Assert.True(expected.AsSpan().SequenceEqual(output.Content), $"{file} ({language}) differs from {baseline}; run with CROSSBORDER_UPDATE_BASELINES=1 and review the diff.\n{output.Text}");
    }

    [Fact]
    public void Json_outputs_are_the_embedded_documents_byte_for_byte()
    {
        var files = new ReportRenderer(ReportLanguage.Chinese).Render(Samples.Biomed);
        Assert.Equal(Samples.Biomed.DataDirectoryDocument.Json, files.Single(f => f.FileName == "data-directory.json").Text);
        Assert.Equal(Samples.Biomed.TransfersDocument.Json, files.Single(f => f.FileName == "transfers.json").Text);
        Assert.Equal(Samples.Biomed.TransfersDocument.Digest, CrossBorder.Policy.Core.Manifest.ManifestDigest.Compute(files.Single(f => f.FileName == "transfers.json").Content));
    }

    [Theory]
    [InlineData("zh", "重要数据目录", "数据出境清单")]
    [InlineData("both", "重要数据目录", "Outbound data transfer inventory")]
    [InlineData("en", "Data directory", "Outbound data transfer inventory")]
    public void Headings_use_the_language(string language, string directoryHeading, string transfersHeading)
    {
        Assert.True(ReportLanguages.TryParse(language, out var lang));
        var files = new ReportRenderer(lang).Render(Samples.Biomed);
        Assert.Contains(directoryHeading, files.Single(f => f.FileName == "data-directory.md").Text, StringComparison.Ordinal);
        Assert.Contains(transfersHeading, files.Single(f => f.FileName == "transfers.html").Text, StringComparison.Ordinal);
        var transfers = files.Single(f => f.FileName == "transfers.md").Text;
        if (lang == ReportLanguage.English)
        {
            Assert.DoesNotContain("评估编号", transfers, StringComparison.Ordinal);
            Assert.Contains("Assessment number", transfers, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("评估编号", transfers, StringComparison.Ordinal);
            Assert.Contains("备案编号", transfers, StringComparison.Ordinal);
            Assert.Contains("境外接收方", transfers, StringComparison.Ordinal);
            Assert.Contains("有效期至", transfers, StringComparison.Ordinal);
            Assert.Contains("出境目的", transfers, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("fi-FI")]
    [InlineData("ar-SA")]
    public void Output_is_identical_under_other_cultures(string culture)
    {
        var expected = new ReportRenderer(ReportLanguage.Both).Render(Samples.Biomed);
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var actual = new ReportRenderer(ReportLanguage.Both).Render(Samples.Biomed);
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].FileName, actual[i].FileName);
                Assert.True(expected[i].Content.AsSpan().SequenceEqual(actual[i].Content), expected[i].FileName + " differs under " + culture);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved.Item1;
            CultureInfo.CurrentUICulture = saved.Item2;
        }
    }

    [Fact]
    public void Rendering_twice_gives_the_same_bytes()
    {
        var a = new ReportRenderer(ReportLanguage.Chinese).Render(Samples.Biomed);
        var b = new ReportRenderer(ReportLanguage.Chinese).Render(Samples.Biomed);
        Assert.Equal(a.Select(f => Convert.ToBase64String(f.Content)), b.Select(f => Convert.ToBase64String(f.Content)));
    }
}
