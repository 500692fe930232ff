using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.PolicyFile;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.PolicyFile;

public sealed class HostPatternAndCategoryTests
{
    [Theory]
    [InlineData("*.partner.sg", "api.partner.sg", true)]
    [InlineData("*.partner.sg", "eu.api.partner.sg", true)]
    [InlineData("*.partner.sg", "partner.sg", false)]
    [InlineData("*.partner.sg", "api.partner.sg.evil.com", false)]
    [InlineData("*.partner.sg", "apipartner.sg", false)]
    [InlineData("oss-cn-*.aliyuncs.com", "oss-cn-hangzhou.aliyuncs.com", true)]
    [InlineData("oss-cn-*.aliyuncs.com", "oss-us-west-1.aliyuncs.com", false)]
    [InlineData("oss-cn-*.aliyuncs.com", "a.oss-cn-hangzhou.aliyuncs.com", false)]
    [InlineData("*.s3.*.amazonaws.com", "bucket.s3.us-east-1.amazonaws.com", true)]
    [InlineData("API.Partner.SG", "api.partner.sg.", true)]
    [InlineData("api.partner.sg", "api.partner.sg.cn", false)]
    [InlineData("10.0.0.1", "10.0.0.1", true)]
    public void Matches(string pattern, string host, bool expected)
    {
        Assert.True(HostPattern.IsValid(pattern, out var error), error);
        Assert.Equal(expected, HostPattern.Matches(pattern, host));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("xn--fiqs8s.cn")]
    [InlineData("a-b.c-d.example")]
    public void AcceptsValidHosts(string host) => Assert.True(HostPattern.IsValid(host, out _));

    [Theory]
    [InlineData("")]
    [InlineData("a b.example")]
    [InlineData("a.**.example")]
    [InlineData("example.c*")]
    public void RejectsInvalidHosts(string host)
    {
        Assert.False(HostPattern.IsValid(host, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("PersonalInformation", DataClass.PersonalInformation, null, null)]
    [InlineData("CoreData", DataClass.CoreData, null, null)]
    [InlineData("SensitivePersonalInformation", DataClass.SensitivePersonalInformation, null, null)]
    [InlineData("SensitivePersonalInformation:MinorUnder14", DataClass.SensitivePersonalInformation, SensitiveCategory.MinorUnder14, null)]
    [InlineData("ImportantData", DataClass.ImportantData, null, null)]
    [InlineData("ImportantData:BIO-001", DataClass.ImportantData, null, "BIO-001")]
    public void ParsesCategoriesAndRoundTrips(string text, DataClass dataClass, SensitiveCategory? sensitive, string? entry)
    {
        Assert.True(DataCategory.TryParse(text, out var category, out var error), error);
        Assert.Equal(new DataCategory(dataClass, sensitive, entry), category);
        Assert.Equal(text, category!.ToString());
    }

    [Theory]
    [InlineData("personalinformation")]
    [InlineData("GeneralData")]
    [InlineData("SensitivePersonalInformation:medicalHealth")]
    [InlineData("ImportantData: BIO-001")]
    [InlineData("CoreData:X")]
    public void RejectsMalformedCategories(string text)
    {
        Assert.False(DataCategory.TryParse(text, out var category, out var error));
        Assert.Null(category);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void DefaultReferenceFormatIsTrimmedFreeTextUpTo64Characters()
    {
        var formats = ReferenceFormats.Default;
        Assert.True(formats.IsMatch(TransferMechanism.StandardContract, "苏网信备〔2025〕18号"));
        Assert.True(formats.IsMatch(TransferMechanism.Certification, "X"));
        Assert.True(formats.IsMatch(TransferMechanism.Certification, new string('a', 64)));
        Assert.False(formats.IsMatch(TransferMechanism.Certification, new string('a', 65)));
        Assert.False(formats.IsMatch(TransferMechanism.SecurityAssessment, " SA-1"));
        Assert.False(formats.IsMatch(TransferMechanism.SecurityAssessment, string.Empty));
        Assert.False(formats.IsMatch(TransferMechanism.SecurityAssessment, null));
        Assert.True(formats.IsMatch(TransferMechanism.Exemption, null));
    }

    [Fact]
    public void CatastrophicPatternsTimeOutInsteadOfHanging()
    {
        Assert.False(ReferenceFormats.TryMatch("^(a+)+$", new string('a', 40) + "!", out _, out var error));
        Assert.Contains("longer than", error, StringComparison.Ordinal);
    }
}
