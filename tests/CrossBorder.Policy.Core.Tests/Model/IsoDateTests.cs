using System.Globalization;
using CrossBorder.Policy.Core.Model;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Model;

public sealed class IsoDateTests
{
    [Theory]
    [InlineData("2026-02-28", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2026-02-29", false)]
    [InlineData("2026-13-01", false)]
    [InlineData("2026-1-01", false)]
    [InlineData("26-01-01", false)]
    [InlineData("2026/01/01", false)]
    [InlineData("2026-01-01T00:00:00", false)]
    [InlineData(" 2026-01-01", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void ParsesOnlyStrictIsoDates(string? text, bool valid)
    {
        Assert.Equal(valid, IsoDate.TryParse(text, out var date));
        if (valid)
        {
            Assert.Equal(text, date.ToString());
        }
    }

    [Fact]
    public void FormattingIgnoresTheCurrentCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (var name in new[] { "tr-TR", "fi-FI", "ar-SA", "th-TH", "zh-CN" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(name);
                Assert.True(IsoDate.TryParse("2026-11-26", out var date));
                Assert.Equal("2026-11-26", date.ToString());
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void AddsYearsAcrossLeapDays()
    {
        Assert.Equal(IsoDate.Parse("2027-02-28"), IsoDate.Parse("2024-02-29").AddYears(3));
        Assert.Equal(365, IsoDate.Parse("2025-01-01").DaysUntil(IsoDate.Parse("2026-01-01")));
        Assert.True(IsoDate.Parse("2025-01-01") < IsoDate.Parse("2025-01-02"));
    }

    [Fact]
    public void KnowsTheMainlandAndItsOutside()
    {
        Assert.True(IsoCountries.IsAssigned("SG"));
        Assert.False(IsoCountries.IsAssigned("sg"));
        Assert.False(IsoCountries.IsAssigned("UK"));
        Assert.False(IsoCountries.IsOutsideMainland("CN"));
        Assert.True(IsoCountries.IsOutsideMainland("HK"));
        Assert.True(IsoCountries.IsOutsideMainland("MO"));
        Assert.True(IsoCountries.IsOutsideMainland("TW"));
        Assert.Equal(249, IsoCountries.Codes.Count);
    }
}
