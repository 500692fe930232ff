using CrossBorder.Policy.Core.Jurisdictions;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Jurisdictions;

public sealed class JurisdictionResolverTests
{
    private static JurisdictionRule Rule(string pattern, string jurisdiction, string? origin = null)
    {
        Assert.True(JurisdictionRule.TryCreate(pattern, jurisdiction, origin, out var rule, out var error), error);
        return rule;
    }

    private static JurisdictionResolution Resolve(JurisdictionResolver resolver, string endpoint)
    {
        Assert.True(resolver.TryResolve(endpoint, out var resolution, out var error), error);
        return resolution;
    }

    [Fact]
    public void PolicyFileRulesComeBeforeTheKnowledgeBase()
    {
        var resolver = new JurisdictionResolver(new[] { Rule("*.example.cn", "SG", "crossborder.json (4,7)") });

        var result = Resolve(resolver, "https://api.example.cn/v1");
        Assert.Equal("SG", result.Jurisdiction);
        Assert.Equal(JurisdictionSource.PolicyFile, result.Source);
        Assert.Equal("*.example.cn", result.MatchedPattern);
        Assert.Equal("crossborder.json (4,7)", result.RuleName);
        Assert.False(result.IsInsideMainland);
        Assert.Equal(
            "Host 'api.example.cn' is in Singapore (SG), outside mainland China, by the policy-file rule '*.example.cn' (crossborder.json (4,7)).",
            result.Explanation);

        // Other .cn hosts still go to the knowledge base.
        Assert.Equal(JurisdictionSource.KnowledgeBase, Resolve(resolver, "www.other.cn").Source);
    }

    [Fact]
    public void AttributeRulesComeBeforeTheKnowledgeBase()
    {
        var resolver = new JurisdictionResolver(attributeRules: new[] { Rule("oss-cn-hangzhou.aliyuncs.com", "HK", "[ForeignEndpoint] on Contoso.Uploader") });

        var result = Resolve(resolver, "oss-cn-hangzhou.aliyuncs.com");
        Assert.Equal("HK", result.Jurisdiction);
        Assert.Equal(JurisdictionSource.Attribute, result.Source);
        Assert.Contains("endpoint-attribute rule 'oss-cn-hangzhou.aliyuncs.com'", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("[ForeignEndpoint] on Contoso.Uploader", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyFileRulesComeBeforeAttributesEvenWhenLessSpecific()
    {
        var resolver = new JurisdictionResolver(
            new[] { Rule("*.partner.com", "SG") },
            new[] { Rule("api.partner.com", "US") });

        var result = Resolve(resolver, "api.partner.com");
        Assert.Equal("SG", result.Jurisdiction);
        Assert.Equal(JurisdictionSource.PolicyFile, result.Source);
        Assert.Null(result.RuleName);

        var attributeOnly = new JurisdictionResolver(attributeRules: new[] { Rule("api.partner.com", "US") });
        Assert.Equal("US", Resolve(attributeOnly, "api.partner.com").Jurisdiction);
    }

    [Fact]
    public void UserRulesOverrideInternalAddresses()
    {
        // A private address that is a VPN gateway to a foreign office.
        var resolver = new JurisdictionResolver(new[] { Rule("10.8.0.5", "SG") });
        var vpn = Resolve(resolver, "http://10.8.0.5:8080");
        Assert.Equal("SG", vpn.Jurisdiction);
        Assert.False(vpn.IsInternal);
        Assert.True(Resolve(resolver, "10.8.0.6").IsInternal);
    }

    [Fact]
    public void KnowledgeBaseComesBeforeTheDefault()
    {
        var resolver = new JurisdictionResolver(options: new JurisdictionOptions { UnknownHosts = UnknownHostTreatment.Domestic });
        Assert.Equal("US", Resolve(resolver, "s3.us-east-1.amazonaws.com").Jurisdiction);

        // The knowledge base knows global Azure is abroad: the default does not apply.
        var global = Resolve(resolver, "acct.blob.core.windows.net");
        Assert.Equal(JurisdictionSource.KnowledgeBase, global.Source);
        Assert.False(global.IsInsideMainland);

        Assert.Equal(JurisdictionSource.Default, Resolve(resolver, "example.com").Source);
    }

    [Fact]
    public void MostSpecificRuleWinsWithinALayer()
    {
        var resolver = new JurisdictionResolver(new[]
        {
            Rule("*.example.com", "US"),
            Rule("api-*.example.com", "JP"),
            Rule("*.eu.example.com", "DE"),
            Rule("api.eu.example.com", "FR"),
        });

        Assert.Equal("US", Resolve(resolver, "x.example.com").Jurisdiction);
        Assert.Equal("US", Resolve(resolver, "a.b.example.com").Jurisdiction);
        Assert.Equal("JP", Resolve(resolver, "api-1.example.com").Jurisdiction);
        Assert.Equal("DE", Resolve(resolver, "x.eu.example.com").Jurisdiction);
        Assert.Equal("DE", Resolve(resolver, "a.b.eu.example.com").Jurisdiction);
        Assert.Equal("FR", Resolve(resolver, "api.eu.example.com").Jurisdiction);
        Assert.Equal(JurisdictionSource.Default, Resolve(resolver, "example.com").Source);
        Assert.Equal(new[] { "api.eu.example.com", "*.eu.example.com", "api-*.example.com", "*.example.com" }, resolver.PolicyFileRules.Select(r => r.Pattern.Text));
    }

    [Theory]
    [InlineData("*.example.com", "*.EXAMPLE.com.")]
    [InlineData("a*.example.com", "*b.example.com")]
    [InlineData("ab.example.com", "AB.example.com")]
    public void AmongEquallySpecificRulesTheFirstDeclaredWins(string first, string second)
    {
        var sg = new JurisdictionResolver(new[] { Rule(first, "SG"), Rule(second, "JP") });
        var jp = new JurisdictionResolver(new[] { Rule(second, "JP"), Rule(first, "SG") });
        Assert.Equal("SG", Resolve(sg, "ab.example.com").Jurisdiction);
        Assert.Equal("JP", Resolve(jp, "ab.example.com").Jurisdiction);
    }

    [Fact]
    public void UnknownHostsAreForeignByDefault()
    {
        var result = Resolve(JurisdictionResolver.Default, "https://api.unknown-vendor.com/v2");
        Assert.Equal("api.unknown-vendor.com", result.Host);
        Assert.Null(result.Jurisdiction);
        Assert.False(result.IsJurisdictionKnown);
        Assert.False(result.IsInsideMainland);
        Assert.True(result.IsOutsideMainland);
        Assert.Equal(JurisdictionSource.Default, result.Source);
        Assert.Null(result.MatchedPattern);
        Assert.Contains("outside mainland China, jurisdiction unknown", result.Explanation, StringComparison.Ordinal);

        Assert.Equal(JurisdictionSource.Default, Resolve(JurisdictionResolver.Default, "93.184.216.34").Source);
    }

    [Fact]
    public void UnknownHostsCanBeDomestic()
    {
        var resolver = new JurisdictionResolver(options: new JurisdictionOptions { UnknownHosts = UnknownHostTreatment.Domestic });
        var result = Resolve(resolver, "api.unknown-vendor.com");
        Assert.Equal("CN", result.Jurisdiction);
        Assert.True(result.IsInsideMainland);
        Assert.Equal(JurisdictionSource.Default, result.Source);
        Assert.Contains("inside mainland China (CN)", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SG", false)]
    [InlineData("HK", false)]
    [InlineData("CN", true)]
    public void UnknownHostsCanBeAGivenJurisdiction(string code, bool inside)
    {
        var resolver = new JurisdictionResolver(options: new JurisdictionOptions { UnknownHosts = UnknownHostTreatment.Jurisdiction, UnknownHostJurisdiction = code });
        var result = Resolve(resolver, "api.unknown-vendor.com");
        Assert.Equal(code, result.Jurisdiction);
        Assert.Equal(inside, result.IsInsideMainland);
        Assert.Equal(JurisdictionSource.Default, result.Source);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("sg", "upper case: 'SG'")]
    [InlineData("UK", "'GB'")]
    [InlineData("XX", "not an assigned")]
    public void InvalidDefaultJurisdictionIsRejected(string? code, string fragment)
    {
        var options = new JurisdictionOptions { UnknownHosts = UnknownHostTreatment.Jurisdiction, UnknownHostJurisdiction = code };
        Assert.Contains(fragment, options.Validate(), StringComparison.Ordinal);
        var error = Assert.Throws<ArgumentException>(() => new JurisdictionResolver(options: options));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.Null(JurisdictionOptions.Default.Validate());
    }

    [Fact]
    public void PrivateNetworksCanBeTreatedAsUnknown()
    {
        var resolver = new JurisdictionResolver(options: new JurisdictionOptions { PrivateNetworksAreInternal = false });
        foreach (var host in new[] { "localhost", "10.0.0.1", "redis", "[::1]" })
        {
            var result = Resolve(resolver, host);
            Assert.Equal(JurisdictionSource.Default, result.Source);
            Assert.False(result.IsInternal);
            Assert.False(result.IsInsideMainland);
        }

        Assert.Equal("US", Resolve(resolver, "s3.us-east-1.amazonaws.com").Jurisdiction);
    }

    [Fact]
    public void KnowledgeBaseCanBeTurnedOff()
    {
        var resolver = new JurisdictionResolver(
            new[] { Rule("*.example.cn", "CN") },
            options: new JurisdictionOptions { UseKnowledgeBase = false });
        Assert.Equal(JurisdictionSource.Default, Resolve(resolver, "s3.us-east-1.amazonaws.com").Source);
        Assert.Equal(JurisdictionSource.Default, Resolve(resolver, "localhost").Source);
        Assert.Equal(JurisdictionSource.PolicyFile, Resolve(resolver, "a.example.cn").Source);
    }

    [Theory]
    [InlineData("obs.ap-southeast-1.myhuaweicloud.com", "HK")]
    [InlineData("cos.ap-hongkong.myqcloud.com", "HK")]
    [InlineData("www.gov.mo", "MO")]
    [InlineData("asia-east1-aiplatform.googleapis.com", "TW")]
    [InlineData("dynamodb.ap-east-1.amazonaws.com", "HK")]
    [InlineData("myvm.eastasia.cloudapp.azure.com", "HK")]
    public void HongKongMacaoAndTaiwanAreOutsideTheMainland(string host, string code)
    {
        var result = Resolve(JurisdictionResolver.Default, host);
        Assert.Equal(code, result.Jurisdiction);
        Assert.False(result.IsInsideMainland);
        Assert.Contains("Hong Kong, Macao and Taiwan are outside the mainland", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void UserRulesForHongKongAreOutsideTheMainland()
    {
        var resolver = new JurisdictionResolver(attributeRules: new[] { Rule("*.partner.example", "HK"), JurisdictionRule.Domestic(HostPattern.Parse("*.corp.example")) });
        Assert.False(Resolve(resolver, "api.partner.example").IsInsideMainland);
        var domestic = Resolve(resolver, "api.corp.example");
        Assert.True(domestic.IsInsideMainland);
        Assert.Equal("CN", domestic.Jurisdiction);
    }

    [Fact]
    public void KnowledgeBaseExplanationNamesRulePatternRegionAndVersion()
    {
        var result = Resolve(JurisdictionResolver.Default, "bucket.oss-cn-hangzhou.aliyuncs.com");
        Assert.Equal("cn-hangzhou", result.Region);
        Assert.Equal(
            "Host 'bucket.oss-cn-hangzhou.aliyuncs.com' is in China (CN), inside mainland China, by the built-in rule 'alibaba-oss-bucket' " +
            "(Alibaba Cloud, pattern '*.oss-{region}.aliyuncs.com': region 'cn-hangzhou' is Hangzhou, mainland China; built-in knowledge base " +
            JurisdictionKnowledgeBase.Version + ").",
            result.Explanation);
    }

    [Fact]
    public void ResolvesEquivalentSpellingsToTheSameHostAndCaches()
    {
        var resolver = new JurisdictionResolver();
        var first = Resolve(resolver, "HTTPS://S3.US-EAST-1.AMAZONAWS.COM./bucket");
        var second = Resolve(resolver, "s3.us-east-1.amazonaws.com");
        Assert.Equal("s3.us-east-1.amazonaws.com", first.Host);
        Assert.Same(first, second);
        Assert.Same(first, Resolve(resolver, "HTTPS://S3.US-EAST-1.AMAZONAWS.COM./bucket"));

        Assert.True(EndpointParser.TryParse("s3.us-east-1.amazonaws.com:443", out var endpoint, out _));
        Assert.Same(first, resolver.Resolve(endpoint));
    }

    [Fact]
    public void ResolvesEveryBrokerOfABootstrapList()
    {
        Assert.True(JurisdictionResolver.Default.TryResolveList(
            "b-1.kafka.example.cn:9092,b-2.msk.ap-east-1.amazonaws.com:9094,kafka:9092", out var brokers, out var error), error);
        Assert.Equal(new[] { "CN", "HK", null }, brokers.Select(b => b.Jurisdiction));
        Assert.True(brokers[2].IsInternal);

        Assert.False(JurisdictionResolver.Default.TryResolveList("a:1,,b:2", out var none, out var listError));
        Assert.Empty(none);
        Assert.Contains("entry 2", listError, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsParseErrors()
    {
        Assert.False(JurisdictionResolver.Default.TryResolve("http://exa mple.com", out _, out var error));
        Assert.Contains("whitespace", error, StringComparison.Ordinal);
        Assert.False(JurisdictionResolver.Default.TryResolve(null, out _, out _));
        Assert.Throws<ArgumentNullException>(() => JurisdictionResolver.Default.Resolve(null!));
    }

    [Theory]
    [InlineData("*.partner.sg", "sg", "upper case")]
    [InlineData("*.partner.uk", "UK", "'GB'")]
    [InlineData("*.partner.eu", "EU", "not a country")]
    [InlineData("*.partner.sg", "", "empty")]
    [InlineData("*.partner.sg", "ZZ", "not an assigned")]
    [InlineData("https://partner.sg", "SG", "not a URL")]
    [InlineData("*", "SG", "every host")]
    public void RuleCreationValidatesPatternAndJurisdiction(string pattern, string jurisdiction, string fragment)
    {
        Assert.False(JurisdictionRule.TryCreate(pattern, jurisdiction, null, out _, out var error));
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleConstructorRejectsInvalidJurisdiction()
    {
        var error = Assert.Throws<ArgumentException>(() => new JurisdictionRule(HostPattern.Parse("*.partner.sg"), "sg"));
        Assert.Contains("upper case", error.Message, StringComparison.Ordinal);
        Assert.Equal("*.partner.sg -> SG", new JurisdictionRule(HostPattern.Parse("*.Partner.sg"), "SG").ToString());
    }

    [Fact]
    public void IsSafeToUseFromManyThreads()
    {
        var resolver = new JurisdictionResolver(new[] { Rule("*.example.com", "JP") });
        var hosts = Enumerable.Range(0, 2000).Select(i => "h" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".example.com").ToArray();
        var results = new JurisdictionResolution[hosts.Length];
        System.Threading.Tasks.Parallel.For(0, hosts.Length, i => results[i] = Resolve(resolver, hosts[(i * 7) % hosts.Length]));
        Assert.All(results, r => Assert.Equal("JP", r.Jurisdiction));
    }
}
