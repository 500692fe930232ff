using CrossBorder.Policy.Core.Jurisdictions;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Jurisdictions;

public sealed class EndpointParserTests
{
    [Theory]
    [InlineData("https://API.Example.com:8443/path?q=1#f", "api.example.com", EndpointHostKind.DnsName, "https", 8443)]
    [InlineData("http://user:p%40ss@example.com/", "example.com", EndpointHostKind.DnsName, "http", null)]
    [InlineData("example.com", "example.com", EndpointHostKind.DnsName, null, null)]
    [InlineData("  example.com  ", "example.com", EndpointHostKind.DnsName, null, null)]
    [InlineData("example.com.", "example.com", EndpointHostKind.DnsName, null, null)]
    [InlineData("EXAMPLE.COM", "example.com", EndpointHostKind.DnsName, null, null)]
    [InlineData("example.com/upload", "example.com", EndpointHostKind.DnsName, null, null)]
    [InlineData("example.com:9092", "example.com", EndpointHostKind.DnsName, null, 9092)]
    [InlineData("https://example.com?x=1", "example.com", EndpointHostKind.DnsName, "https", null)]
    [InlineData("https://example.com#top", "example.com", EndpointHostKind.DnsName, "https", null)]
    [InlineData("http://example.com:", "example.com", EndpointHostKind.DnsName, "http", null)]
    [InlineData("//cdn.example.com/x.js", "cdn.example.com", EndpointHostKind.DnsName, null, null)]
    [InlineData("http://[2001:DB8:0::1]:8080/", "2001:db8::1", EndpointHostKind.IPv6, "http", 8080)]
    [InlineData("[::1]", "::1", EndpointHostKind.IPv6, null, null)]
    [InlineData("::1", "::1", EndpointHostKind.IPv6, null, null)]
    [InlineData("2001:db8::42", "2001:db8::42", EndpointHostKind.IPv6, null, null)]
    [InlineData("http://[fe80::1%25eth0]/", "fe80::1", EndpointHostKind.IPv6, "http", null)]
    [InlineData("http://10.0.0.1:80", "10.0.0.1", EndpointHostKind.IPv4, "http", 80)]
    [InlineData("0.0.0.0", "0.0.0.0", EndpointHostKind.IPv4, null, null)]
    [InlineData("amqp://guest:guest@rabbit.example.com:5672/vhost", "rabbit.example.com", EndpointHostKind.DnsName, "amqp", 5672)]
    [InlineData("amqps://rabbit.example.cn", "rabbit.example.cn", EndpointHostKind.DnsName, "amqps", null)]
    [InlineData("smtp://smtp.example.com:587", "smtp.example.com", EndpointHostKind.DnsName, "smtp", 587)]
    [InlineData("smtp.example.com:25", "smtp.example.com", EndpointHostKind.DnsName, null, 25)]
    [InlineData("mailto:someone@mail.example.cn", "mail.example.cn", EndpointHostKind.DnsName, "mailto", null)]
    [InlineData("someone@mail.example.cn", "mail.example.cn", EndpointHostKind.DnsName, null, null)]
    [InlineData("PLAINTEXT://broker.example.com:9092", "broker.example.com", EndpointHostKind.DnsName, "plaintext", 9092)]
    [InlineData("https://例子.中国/path", "xn--fsqu00a.xn--fiqs8s", EndpointHostKind.DnsName, "https", null)]
    [InlineData("https://bücher.de", "xn--bcher-kva.de", EndpointHostKind.DnsName, "https", null)]
    [InlineData("ＥＸＡＭＰＬＥ．ｃｏｍ", "example.com", EndpointHostKind.DnsName, null, null)]
    [InlineData("例子。中国", "xn--fsqu00a.xn--fiqs8s", EndpointHostKind.DnsName, null, null)]
    [InlineData("XN--FIQS8S", "xn--fiqs8s", EndpointHostKind.DnsName, null, null)]
    [InlineData("http://my_service.internal", "my_service.internal", EndpointHostKind.DnsName, "http", null)]
    [InlineData("redis:6379", "redis", EndpointHostKind.DnsName, null, 6379)]
    [InlineData("123.example.com", "123.example.com", EndpointHostKind.DnsName, null, null)]
    [InlineData("0x.example", "0x.example", EndpointHostKind.DnsName, null, null)]
    public void ParsesEndpoints(string text, string host, EndpointHostKind kind, string? scheme, int? port)
    {
        Assert.True(EndpointParser.TryParse(text, out var endpoint, out var error), error);
        Assert.Equal(host, endpoint.Host);
        Assert.Equal(kind, endpoint.HostKind);
        Assert.Equal(scheme, endpoint.Scheme);
        Assert.Equal(port, endpoint.Port);
        Assert.Equal(string.Empty, error);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("http://", "no host")]
    [InlineData("https:///path", "no host")]
    [InlineData("http://user@", "no host")]
    [InlineData("exa mple.com", "whitespace")]
    [InlineData("http://exa\tmple.com", "whitespace")]
    [InlineData("example..com", "empty label")]
    [InlineData("http://.example.com", "empty label")]
    [InlineData("-example.com", "starts or ends with '-'")]
    [InlineData("example-.com", "starts or ends with '-'")]
    [InlineData("http://exa$mple.com", "character '$'")]
    [InlineData("http://[::1", "closing ']'")]
    [InlineData("http://[::1]x", "unexpected text")]
    [InlineData("http://[zz::1]/", "invalid IPv6")]
    [InlineData("http://example.com:99999", "invalid port")]
    [InlineData("http://example.com:80a", "invalid port")]
    [InlineData("http://a:b:c/", "more than one ':'")]
    [InlineData("1.2.3", "not a valid IPv4")]
    [InlineData("256.1.1.1", "not a valid IPv4")]
    [InlineData("01.2.3.4", "not a valid IPv4")]
    [InlineData("0x7f.1", "ends in a number")]
    [InlineData("example.123", "ends in a number")]
    [InlineData("http://127.1/", "not a valid IPv4")]
    [InlineData("1http://example.com", "invalid scheme")]
    [InlineData("a,b", "list of endpoints")]
    [InlineData("urn:isbn:0451450523", "neither a host")]
    [InlineData("example.com\\share", "backslash")]
    public void RejectsGarbageWithAReason(string? text, string fragment)
    {
        Assert.False(EndpointParser.TryParse(text, out _, out var error));
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsOverlongLabelsAndNames()
    {
        Assert.False(EndpointParser.TryParse(new string('a', 64) + ".com", out _, out var label));
        Assert.Contains("longer than 63", label, StringComparison.Ordinal);
        Assert.True(EndpointParser.TryParse(new string('a', 63) + ".com", out _, out _));

        var longName = string.Join(".", Enumerable.Repeat(new string('a', 60), 5)) + ".com";
        Assert.False(EndpointParser.TryParse(longName, out _, out var name));
        Assert.Contains("longer than 253", name, StringComparison.Ordinal);
    }

    [Fact]
    public void ParsesKafkaBootstrapLists()
    {
        Assert.True(EndpointParser.TryParseList("b-1.kafka.example.com:9092, b-2.kafka.example.com:9094 ,SSL://b-3.kafka.example.cn:9093", out var list, out var error), error);
        Assert.Equal(new[] { "b-1.kafka.example.com", "b-2.kafka.example.com", "b-3.kafka.example.cn" }, list.Select(e => e.Host));
        Assert.Equal(new int?[] { 9092, 9094, 9093 }, list.Select(e => e.Port));
        Assert.Equal("ssl", list[2].Scheme);

        Assert.True(EndpointParser.TryParseList("single.example.com", out var one, out _));
        Assert.Single(one);
    }

    [Theory]
    [InlineData("a:1,,b:2", "entry 2")]
    [InlineData("a.example.com:1,bad host:2", "entry 2")]
    [InlineData("a.example.com:1,", "entry 2")]
    [InlineData("", "empty")]
    [InlineData(null, "empty")]
    public void RejectsBadLists(string? text, string fragment)
    {
        Assert.False(EndpointParser.TryParseList(text, out var list, out var error));
        Assert.Empty(list);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatsHostAndPort()
    {
        Assert.True(EndpointParser.TryParse("HTTPS://[2001:db8::1]:443/x", out var v6, out _));
        Assert.Equal("[2001:db8::1]:443", v6.ToString());
        Assert.True(EndpointParser.TryParse("example.com", out var name, out _));
        Assert.Equal("example.com", name.ToString());
    }
}
