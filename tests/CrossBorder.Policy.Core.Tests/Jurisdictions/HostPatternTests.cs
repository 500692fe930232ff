using CrossBorder.Policy.Core.Jurisdictions;
using CsCheck;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Jurisdictions;

public sealed class HostPatternTests
{
    [Theory]
    [InlineData("*.Example.COM.", "*.example.com", false, true)]
    [InlineData("API.partner.sg", "api.partner.sg", true, false)]
    [InlineData("*.中国", "*.xn--fiqs8s", false, true)]
    [InlineData("例子.中國", "xn--fsqu00a.xn--fiqz9s", true, false)]
    [InlineData("oss-cn-*.aliyuncs.com", "oss-cn-*.aliyuncs.com", false, false)]
    [InlineData("s3.*.example.com", "s3.*.example.com", false, false)]
    [InlineData("[2001:DB8::1]", "2001:db8::1", true, false)]
    [InlineData("2001:db8:0::1", "2001:db8::1", true, false)]
    [InlineData("203.0.113.7", "203.0.113.7", true, false)]
    [InlineData("*.com", "*.com", false, true)]
    public void NormalizesValidPatterns(string text, string normalized, bool exact, bool subdomains)
    {
        Assert.True(HostPattern.TryParse(text, out var pattern, out var error), error);
        Assert.Equal(normalized, pattern.Text);
        Assert.Equal(exact, pattern.IsExact);
        Assert.Equal(subdomains, pattern.MatchesSubdomains);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("*", "would match every host")]
    [InlineData("*.*", "last label")]
    [InlineData("example.*", "last label")]
    [InlineData("*.example.c*", "last label")]
    [InlineData("https://example.com", "not a URL")]
    [InlineData("example.com/path", "not a URL")]
    [InlineData("example.com:443", "with a port")]
    [InlineData("a**b.example.com", "more than one '*'")]
    [InlineData("*.exa mple.com", "whitespace")]
    [InlineData("*.example..com", "empty label")]
    [InlineData("example..com", "empty label")]
    [InlineData("*.-bad.com", "invalid label")]
    [InlineData("x*$.example.com", "invalid character")]
    [InlineData("{region}.example.com", "only '*' is a wildcard")]
    [InlineData("x*ü.example.com", "punycode")]
    [InlineData("1.2.3", "not a valid IPv4")]
    [InlineData("a.example.com,b.example.com", "not a URL")]
    public void RejectsInvalidPatternsWithAReason(string? text, string fragment)
    {
        Assert.False(HostPattern.TryParse(text, out _, out var error));
        Assert.Contains(fragment, error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => HostPattern.Parse(text!));
    }

    [Theory]
    [InlineData("*.example.com", "a.example.com", true)]
    [InlineData("*.example.com", "a.b.example.com", true)]
    [InlineData("*.example.com", "example.com", false)]
    [InlineData("*.example.com", "evilexample.com", false)]
    [InlineData("*.example.com", "example.com.evil.net", false)]
    [InlineData("*.example.com", "a.example.com.evil.net", false)]
    [InlineData("*.amazonaws.com.cn", "s3.cn-north-1.amazonaws.com.cn", true)]
    [InlineData("*.amazonaws.com.cn", "amazonaws.com.cn.evil.com", false)]
    [InlineData("*.amazonaws.com.cn", "evilamazonaws.com.cn", false)]
    [InlineData("*.amazonaws.com.cn", "amazonaws.com.cn", false)]
    [InlineData("oss-cn-*.aliyuncs.com", "oss-cn-hangzhou.aliyuncs.com", true)]
    [InlineData("oss-cn-*.aliyuncs.com", "OSS-CN-Shanghai.aliyuncs.com.", true)]
    [InlineData("oss-cn-*.aliyuncs.com", "oss-cn-hangzhou.aliyuncs.com.attacker.net", false)]
    [InlineData("oss-cn-*.aliyuncs.com", "bucket.oss-cn-hangzhou.aliyuncs.com", false)]
    [InlineData("oss-cn-*.aliyuncs.com", "oss-cn-hangzhou.evil.aliyuncs.com", false)]
    [InlineData("oss-cn-*.aliyuncs.com", "oss-us-west-1.aliyuncs.com", false)]
    [InlineData("oss-cn-*.aliyuncs.com", "xoss-cn-hangzhou.aliyuncs.com", false)]
    [InlineData("*-internal.example.com", "db-internal.example.com", true)]
    [InlineData("*-internal.example.com", "db-internal-x.example.com", false)]
    [InlineData("s3.*.example.com", "s3.eu.example.com", true)]
    [InlineData("s3.*.example.com", "s3.a.b.example.com", false)]
    [InlineData("api.partner.sg", "API.Partner.SG.", true)]
    [InlineData("api.partner.sg", "api.partner.sg.evil.com", false)]
    [InlineData("api.partner.sg", "x.api.partner.sg", false)]
    [InlineData("*.中国", "例子.中国", true)]
    [InlineData("*.xn--fiqs8s", "例子.中国", true)]
    [InlineData("*.中国", "xn--fiqs8s.example.com", false)]
    [InlineData("203.0.113.7", "203.0.113.7", true)]
    [InlineData("203.0.113.7", "203.0.113.70", false)]
    [InlineData("*.113.7", "203.0.113.7", false)]
    [InlineData("2001:db8::1", "[2001:DB8:0::1]", true)]
    [InlineData("*.example.com", "not a host", false)]
    public void MatchesOnLabelBoundariesOnly(string pattern, string host, bool expected)
    {
        Assert.Equal(expected, HostPattern.Parse(pattern).IsMatch(host));
    }

    [Fact]
    public void SubdomainWildcardNeverMatchesLookAlikes()
    {
        var label = Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"].Array[1, 12].Select(chars => new string(chars));
        Gen.Select(label, label).Sample((sub, name) =>
        {
            var pattern = HostPattern.Parse("*." + name + ".com.cn");
            Assert.True(pattern.IsMatch(sub + "." + name + ".com.cn"));
            Assert.True(pattern.IsMatch(sub + ".x." + name + ".com.cn"));
            Assert.False(pattern.IsMatch(sub + name + ".com.cn"));
            Assert.False(pattern.IsMatch(name + ".com.cn"));
            Assert.False(pattern.IsMatch(sub + "." + name + ".com.cn." + sub + ".net"));
            Assert.False(pattern.IsMatch(name + ".com.cn." + sub + ".com"));
        });
    }

    [Fact]
    public void OrdersBySpecificity()
    {
        var patterns = new[] { "*.com", "*.example.com", "api-*.example.com", "*.eu.example.com", "api.eu.example.com", "x*.eu.example.com" }
            .Select(HostPattern.Parse)
            .ToList();
        patterns.Sort((a, b) => a.CompareSpecificity(b));
        Assert.Equal(
            new[] { "api.eu.example.com", "x*.eu.example.com", "*.eu.example.com", "api-*.example.com", "*.example.com", "*.com" },
            patterns.Select(p => p.Text));
        Assert.Equal(0, HostPattern.Parse("a*.example.com").CompareSpecificity(HostPattern.Parse("*b.example.com")));
    }

    [Fact]
    public void EqualityIsOnTheNormalizedText()
    {
        Assert.Equal(HostPattern.Parse("*.Example.com."), HostPattern.Parse("*.example.com"));
        Assert.NotEqual(HostPattern.Parse("*.example.com"), HostPattern.Parse("example.com"));
        Assert.Equal(HostPattern.Parse("*.example.com").GetHashCode(), HostPattern.Parse("*.EXAMPLE.com").GetHashCode());
    }
}
