using CrossBorder.Policy.Core.Regulation;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Regulation;

public sealed class CitationTests
{
    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(14, "十四")]
    [InlineData(21, "二十一")]
    [InlineData(40, "四十")]
    [InlineData(105, "一百零五")]
    [InlineData(110, "一百一十")]
    public void ChineseNumbers(int value, string expected) => Assert.Equal(expected, Citation.ChineseNumber(value));

    [Theory]
    [InlineData("41", "第四十一条")]
    [InlineData("5(4)", "第五条第（四）项")]
    [InlineData("21 para. 2", "第二十一条第二款")]
    [InlineData("3-6", "第三条至第六条")]
    [InlineData("5(1)-(3)", "第五条第（一）项至第（三）项")]
    [InlineData("odd", "odd")]
    public void ChineseArticles(string article, string expected) => Assert.Equal(expected, Citation.ChineseArticle(article));

    [Fact]
    public void FormatsWithTagAndInstrument()
    {
        var citation = new Citation(InstrumentId.Provisions, "5(4)", Confidence.Secondary);
        Assert.Equal("Provisions 2024 Art. 5(4) [S]", citation.ToString());
        Assert.Equal("《促进和规范数据跨境流动规定》第五条第（四）项", citation.ReferenceZh);
        Assert.Equal("SCC Measures 2023 [U]", new Citation(InstrumentId.StandardContractMeasures, null, Confidence.Unconfirmed).ToString());
    }
}
