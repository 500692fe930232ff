using System.Net;
using CrossBorder.Policy.Core.Jurisdictions;
using CrossBorder.Policy.Core.Model;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Jurisdictions;

public sealed class KnowledgeBaseTests
{
    private static readonly JurisdictionResolver Resolver = new();

    /// <summary>Every rule of the knowledge base, with one sample host built from its pattern.</summary>
    public static TheoryData<string> RuleNames() => new(JurisdictionKnowledgeBase.Rules.Select(r => r.Name));

    /// <summary>Every (rule, key) pair: each entry of each table, through each rule that uses the table.</summary>
    public static TheoryData<string, string> RuleKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in JurisdictionKnowledgeBase.Rules.Where(r => r.Regions is not null))
        {
            foreach (var entry in rule.Regions!.Entries)
            {
                data.Add(rule.Name, entry.Key);
            }

            foreach (var prefix in rule.Regions.Prefixes)
            {
                data.Add(rule.Name, prefix.Prefix + "unlisted");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void EveryRuleMatchesItsOwnSampleAndIsNotShadowed(string name)
    {
        var rule = JurisdictionKnowledgeBase.Rules.Single(r => r.Name == name);
        var key = rule.Regions?.Entries[0].Key;
        var host = SampleHost(rule, key);

        Assert.True(Resolver.TryResolve(host, out var resolution, out var error), error);
        Assert.Equal(JurisdictionSource.KnowledgeBase, resolution.Source);
        Assert.Equal(rule.Name, resolution.RuleName);
        Assert.Equal(rule.Pattern, resolution.MatchedPattern);
        Assert.Contains(rule.Name, resolution.Explanation, StringComparison.Ordinal);
        switch (rule.Outcome)
        {
            case KnowledgeBaseOutcome.Internal:
                Assert.True(resolution.IsInternal);
                Assert.True(resolution.IsInsideMainland);
                Assert.Null(resolution.Jurisdiction);
                break;
            case KnowledgeBaseOutcome.OutsideMainlandUnknown:
                Assert.False(resolution.IsInternal);
                Assert.False(resolution.IsInsideMainland);
                Assert.Null(resolution.Jurisdiction);
                break;
            default:
                var expected = rule.Regions is null ? rule.Jurisdiction : rule.Regions.Entries[0].Jurisdiction;
                Assert.Equal(expected, resolution.Jurisdiction);
                Assert.Equal(expected == "CN", resolution.IsInsideMainland);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(RuleKeys))]
    public void EveryTableEntryResolvesThroughEveryRuleUsingIt(string name, string key)
    {
        var rule = JurisdictionKnowledgeBase.Rules.Single(r => r.Name == name);
        Assert.True(rule.Regions!.TryFind(key, out var entry));
        var host = SampleHost(rule, key);

        Assert.True(Resolver.TryResolve(host, out var resolution, out var error), error);
        Assert.Equal(rule.Name, resolution.RuleName);
        Assert.Equal(key, resolution.Region);
        Assert.Equal(entry.Jurisdiction, resolution.Jurisdiction);
        Assert.Equal(entry.Jurisdiction == "CN", resolution.IsInsideMainland);
        Assert.Contains(entry.Location, resolution.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void DataIsConsistent()
    {
        Assert.True(IsoDate.TryParse(JurisdictionKnowledgeBase.Version, out _));
        var rules = JurisdictionKnowledgeBase.Rules;
        Assert.Equal(rules.Count, rules.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count());
        foreach (var rule in rules)
        {
            if (rule.Outcome == KnowledgeBaseOutcome.Jurisdiction)
            {
                Assert.True(rule.Regions is not null ^ rule.Jurisdiction is not null, rule.Name);
                Assert.True(rule.Jurisdiction is null || IsoCountries.IsAssigned(rule.Jurisdiction), rule.Name);
            }
            else
            {
                Assert.Null(rule.Jurisdiction);
                Assert.Null(rule.Regions);
            }

            foreach (var entry in rule.Regions?.Entries ?? Array.Empty<RegionEntry>())
            {
                Assert.True(IsoCountries.IsAssigned(entry.Jurisdiction), rule.Name + " " + entry.Key);
                Assert.Equal(entry.Key.ToLowerInvariant(), entry.Key);
            }
        }

        var generic = JurisdictionKnowledgeBase.GenericCountryCodeTopLevelDomains;
        Assert.DoesNotContain(JurisdictionKnowledgeBase.CountryCodeTopLevelDomains.Entries, e => generic.Contains(e.Key));
    }

    [Theory]
    // Amazon Web Services
    [InlineData("bucket.s3.cn-north-1.amazonaws.com.cn", "CN", "aws-china")]
    [InlineData("dynamodb.cn-northwest-1.amazonaws.com.cn", "CN", "aws-china")]
    [InlineData("s3.us-east-1.amazonaws.com", "US", "aws-regional")]
    [InlineData("my-bucket.s3.eu-west-1.amazonaws.com", "IE", "aws-regional")]
    [InlineData("my.dotted.bucket.s3.dualstack.ap-southeast-1.amazonaws.com", "SG", "aws-regional")]
    [InlineData("dynamodb.ap-east-1.amazonaws.com", "HK", "aws-regional")]
    [InlineData("s3.ap-east-2.amazonaws.com", "TW", "aws-regional")]
    [InlineData("123456789012.dkr.ecr.eu-central-1.amazonaws.com", "DE", "aws-regional")]
    [InlineData("abc123.execute-api.ap-northeast-1.amazonaws.com", "JP", "aws-regional")]
    [InlineData("s3-us-west-2.amazonaws.com", "US", "aws-s3-legacy")]
    [InlineData("bucket.s3-eu-west-2.amazonaws.com", "GB", "aws-s3-legacy-bucket")]
    [InlineData("bucket.s3-website-ap-southeast-2.amazonaws.com", "AU", "aws-s3-website-legacy")]
    [InlineData("bucket.s3-website.sa-east-1.amazonaws.com", "BR", "aws-regional")]
    [InlineData("my-lb-1234567890.us-west-2.elb.amazonaws.com", "US", "aws-regional-elb")]
    [InlineData("mydb.abcdefghij.ap-south-1.rds.amazonaws.com", "IN", "aws-regional-rds")]
    [InlineData("ec2-203-0-113-25.eu-north-1.compute.amazonaws.com", "SE", "aws-regional-compute")]
    [InlineData("ec2-203-0-113-25.compute-1.amazonaws.com", "US", "aws-compute-1")]
    [InlineData("abc.lambda-url.me-central-1.on.aws", "AE", "aws-on-aws")]
    // Microsoft Azure
    [InlineData("myaccount.blob.core.chinacloudapi.cn", "CN", "azure-china-chinacloudapi")]
    [InlineData("portal.azure.cn", "CN", "azure-china-azure-cn")]
    [InlineData("myapp.chinacloudsites.cn", "CN", "azure-china-chinacloudsites")]
    [InlineData("myvm.eastasia.cloudapp.azure.com", "HK", "azure-cloudapp")]
    [InlineData("southeastasia.api.cognitive.microsoft.com", "SG", "azure-cognitive")]
    [InlineData("westeurope.tts.speech.microsoft.com", "NL", "azure-speech-tts")]
    [InlineData("mycluster.northeurope.kusto.windows.net", "IE", "azure-kusto")]
    // Alibaba Cloud
    [InlineData("oss-cn-hangzhou.aliyuncs.com", "CN", "alibaba-oss")]
    [InlineData("bucket.oss-cn-shanghai.aliyuncs.com", "CN", "alibaba-oss-bucket")]
    [InlineData("oss-cn-hongkong.aliyuncs.com", "HK", "alibaba-oss")]
    [InlineData("bucket.oss-cn-hongkong.aliyuncs.com", "HK", "alibaba-oss-bucket")]
    [InlineData("oss-us-west-1.aliyuncs.com", "US", "alibaba-oss")]
    [InlineData("oss-ap-southeast-1.aliyuncs.com", "SG", "alibaba-oss")]
    [InlineData("oss-cn-newregion.aliyuncs.com", "CN", "alibaba-oss")]
    [InlineData("bucket.oss-cn-hangzhou-internal.aliyuncs.com", "CN", "alibaba-oss-internal-bucket")]
    [InlineData("ecs.cn-beijing.aliyuncs.com", "CN", "alibaba-regional")]
    [InlineData("ecs.eu-central-1.aliyuncs.com", "DE", "alibaba-regional")]
    [InlineData("myproject.cn-shenzhen.log.aliyuncs.com", "CN", "alibaba-log")]
    // Tencent Cloud
    [InlineData("examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com", "CN", "tencent-myqcloud")]
    [InlineData("cos.ap-hongkong.myqcloud.com", "HK", "tencent-myqcloud")]
    [InlineData("cos.ap-singapore.myqcloud.com", "SG", "tencent-myqcloud")]
    [InlineData("cvm.na-siliconvalley.tencentcloudapi.com", "US", "tencent-cloudapi")]
    [InlineData("cvm.ap-shanghai-fsi.tencentcloudapi.com", "CN", "tencent-cloudapi")]
    // Huawei Cloud
    [InlineData("obs.cn-north-4.myhuaweicloud.com", "CN", "huawei-obs")]
    [InlineData("bucket.obs.cn-east-3.myhuaweicloud.com", "CN", "huawei-obs-bucket")]
    [InlineData("obs.ap-southeast-1.myhuaweicloud.com", "HK", "huawei-obs")]
    [InlineData("obs.ap-southeast-2.myhuaweicloud.com", "TH", "huawei-obs")]
    [InlineData("obs.ap-southeast-3.myhuaweicloud.com", "SG", "huawei-obs")]
    [InlineData("ecs.cn-south-1.myhuaweicloud.com", "CN", "huawei-regional")]
    // Google Cloud
    [InlineData("asia-east1-aiplatform.googleapis.com", "TW", "google-regional-googleapis")]
    [InlineData("asia-east2-run.googleapis.com", "HK", "google-regional-googleapis")]
    [InlineData("us-central1-aiplatform.googleapis.com", "US", "google-regional-googleapis")]
    [InlineData("europe-west1-run.googleapis.com", "BE", "google-regional-googleapis")]
    [InlineData("europe-west10-aiplatform.googleapis.com", "DE", "google-regional-googleapis")]
    [InlineData("europe-west12-aiplatform.googleapis.com", "IT", "google-regional-googleapis")]
    [InlineData("asia-east1-docker.pkg.dev", "TW", "google-artifact-registry")]
    [InlineData("hello-123456789.asia-southeast1.run.app", "SG", "google-cloud-run")]
    // Top-level domains
    [InlineData("www.example.cn", "CN", "china-tld")]
    [InlineData("example.com.cn", "CN", "china-tld")]
    [InlineData("例子.中国", "CN", "china-tld")]
    [InlineData("例子.中國", "CN", "china-tld")]
    [InlineData("evilamazonaws.com.cn", "CN", "china-tld")]
    [InlineData("example.co.uk", "GB", "country-code-tld")]
    [InlineData("example.de", "DE", "country-code-tld")]
    [InlineData("example.com.hk", "HK", "country-code-tld")]
    [InlineData("example.mo", "MO", "country-code-tld")]
    [InlineData("example.com.tw", "TW", "country-code-tld")]
    [InlineData("例子.香港", "HK", "country-code-tld")]
    [InlineData("例子.澳門", "MO", "country-code-tld")]
    [InlineData("例子.台灣", "TW", "country-code-tld")]
    [InlineData("s3.us-east-1.amazonaws.com.evil.sg", "SG", "country-code-tld")]
    public void KnowsWhereRegionalEndpointsAre(string host, string jurisdiction, string rule)
    {
        Assert.True(Resolver.TryResolve(host, out var resolution, out var error), error);
        Assert.Equal(jurisdiction, resolution.Jurisdiction);
        Assert.Equal(rule, resolution.RuleName);
        Assert.Equal(JurisdictionSource.KnowledgeBase, resolution.Source);
        Assert.Equal(jurisdiction == "CN", resolution.IsInsideMainland);
        Assert.False(resolution.IsInternal);
    }

    [Theory]
    [InlineData("s3.amazonaws.com", "aws-global")]
    [InlineData("us-east-1.s3.amazonaws.com", "aws-global")]
    [InlineData("bucket.s3.amazonaws.com", "aws-global")]
    [InlineData("sts.amazonaws.com", "aws-global")]
    [InlineData("bucket.s3-accelerate.amazonaws.com", "aws-global")]
    [InlineData("d111111abcdef8.cloudfront.net", "aws-cloudfront")]
    [InlineData("myaccount.blob.core.windows.net", "azure-global-windows-net")]
    [InlineData("myserver.database.windows.net", "azure-global-windows-net")]
    [InlineData("myresource.openai.azure.com", "azure-global-azure-com")]
    [InlineData("myvault.vault.azure.net", "azure-global-azure-net")]
    [InlineData("myapp.azurewebsites.net", "azure-global-azurewebsites")]
    [InlineData("storage.googleapis.com", "google-global-googleapis")]
    [InlineData("aiplatform.googleapis.com", "google-global-googleapis")]
    [InlineData("us-aiplatform.googleapis.com", "google-global-googleapis")]
    public void GlobalEndpointsAreForeignWithUnknownJurisdiction(string host, string rule)
    {
        Assert.True(Resolver.TryResolve(host, out var resolution, out var error), error);
        Assert.Equal(rule, resolution.RuleName);
        Assert.Null(resolution.Jurisdiction);
        Assert.True(resolution.IsOutsideMainland);
        Assert.Contains("jurisdiction unknown", resolution.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST.")]
    [InlineData("http://localhost:5000/api")]
    [InlineData("api.localhost")]
    [InlineData("printer.local")]
    [InlineData("redis.default.svc.cluster.local")]
    [InlineData("ip-10-0-0-1.ec2.internal")]
    [InlineData("nas.home.arpa")]
    [InlineData("redis:6379")]
    [InlineData("amqp://rabbitmq")]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("0.0.0.0")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("[::1]:8080")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void LocalAndPrivateEndpointsAreInternal(string endpoint)
    {
        Assert.True(Resolver.TryResolve(endpoint, out var resolution, out var error), error);
        Assert.True(resolution.IsInternal);
        Assert.True(resolution.IsInsideMainland);
        Assert.Null(resolution.Jurisdiction);
        Assert.Equal(JurisdictionSource.KnowledgeBase, resolution.Source);
        Assert.Contains("not an outbound transfer", resolution.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("amazonaws.com.cn.evil.com")]
    [InlineData("oss-cn-hangzhou.aliyuncs.com.attacker.net")]
    [InlineData("oss-cn-hangzhou-aliyuncs.com")]
    [InlineData("chinacloudapi.cn.example.com")]
    [InlineData("ap-guangzhou.myqcloud.com.evil.io")]
    [InlineData("obs.cn-north-4.myhuaweicloud.com.example.net")]
    [InlineData("cn.example.com")]
    [InlineData("example.cn.com")]
    [InlineData("xn--fiqs8s.example.com")]
    [InlineData("oss-cn-hangzhou.aliyuncs.co")]
    [InlineData("localhost.evil.com")]
    [InlineData("10.0.0.1.nip.io")]
    [InlineData("127.0.0.1.evil.com")]
    [InlineData("printer.local.evil.com")]
    [InlineData("172.32.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("example.com")]
    [InlineData("api.example.io")]
    [InlineData("example.ai")]
    [InlineData("example.eu")]
    [InlineData("ecs.unknown-region.aliyuncs.com")]
    [InlineData("cos.ap-unknown.myqcloud.com")]
    public void LookAlikesAndUnknownHostsFallToTheDefault(string host)
    {
        Assert.True(Resolver.TryResolve(host, out var resolution, out var error), error);
        Assert.Equal(JurisdictionSource.Default, resolution.Source);
        Assert.Null(resolution.Jurisdiction);
        Assert.False(resolution.IsInsideMainland);
        Assert.False(resolution.IsInternal);
    }

    [Theory]
    [InlineData("*.amazonaws.com.cn")]
    [InlineData("oss-{region}.aliyuncs.com")]
    [InlineData("*.chinacloudapi.cn")]
    [InlineData("*.azure.cn")]
    public void DomesticCloudRulesNeverMatchLookAlikes(string pattern)
    {
        var rule = JurisdictionKnowledgeBase.Rules.First(r => r.Pattern == pattern);
        var apex = pattern.Replace("*.", string.Empty, StringComparison.Ordinal).Replace("{region}", "cn-hangzhou", StringComparison.Ordinal);
        foreach (var host in new[] { apex + ".evil.com", "evil" + apex, apex.Replace(".", "-", StringComparison.Ordinal) + ".com", "x." + apex + ".attacker.net" })
        {
            Assert.True(Resolver.TryResolve(host, out var resolution, out var error), error);
            Assert.NotEqual(rule.Name, resolution.RuleName);
        }
    }

    [Fact]
    public void GenericCountryCodeDomainsAreNotCountries()
    {
        foreach (var tld in new[] { "io", "co", "ai", "me", "tv", "ly", "fm", "cc" })
        {
            Assert.Contains(tld, JurisdictionKnowledgeBase.GenericCountryCodeTopLevelDomains);
            Assert.True(Resolver.TryResolve("service.example." + tld, out var resolution, out _));
            Assert.Equal(JurisdictionSource.Default, resolution.Source);
        }
    }

    [Fact]
    public void IndexGivesTheSameRuleAsAScanInOrder()
    {
        var labels = JurisdictionKnowledgeBase.Rules
            .Where(r => r.PatternKind == KnowledgeBasePatternKind.Host)
            .SelectMany(r => r.Pattern.Split('.'))
            .Concat(new[] { "cn", "com", "x", "us-east-1", "cn-hangzhou", "ap-southeast-1", "oss-cn-hangzhou", "s3", "evil", "10", "sg", "xn--fiqs8s", "redis" })
            .Where(l => l.IndexOf('*', StringComparison.Ordinal) < 0 && l.IndexOf('{', StringComparison.Ordinal) < 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var samples = JurisdictionKnowledgeBase.Rules
            .SelectMany(r => (r.Regions?.Entries.Select(e => e.Key) ?? new string?[] { null }).Select(k => SampleHost(r, k)))
            .ToList();
        var random = new Random(20261126);
        for (var i = 0; i < 20000; i++)
        {
            var count = random.Next(1, 6);
            samples.Add(string.Join(".", Enumerable.Range(0, count).Select(_ => labels[random.Next(labels.Length)])));
        }

        var checkedHosts = 0;
        foreach (var sample in samples)
        {
            if (!EndpointParser.TryParse(sample, out var endpoint, out _))
            {
                continue;
            }

            var hostLabels = endpoint.HostKind == EndpointHostKind.DnsName ? endpoint.Host.Split('.') : null;
            var address = endpoint.HostKind == EndpointHostKind.DnsName ? null : IPAddress.Parse(endpoint.Host);
            var scanned = JurisdictionKnowledgeBase.Rules.FirstOrDefault(r => r.IsMatch(endpoint.HostKind, hostLabels, address, out _));
            var indexed = JurisdictionKnowledgeBase.Index.Candidates(endpoint.HostKind, hostLabels).FirstOrDefault(r => r.IsMatch(endpoint.HostKind, hostLabels, address, out _));
            Assert.True(ReferenceEquals(scanned, indexed), $"{endpoint.Host}: scan {scanned?.Name}, index {indexed?.Name}");
            checkedHosts++;
        }

        Assert.True(checkedHosts > 15000);
    }

    internal static string SampleHost(KnowledgeBaseRule rule, string? key)
    {
        switch (rule.PatternKind)
        {
            case KnowledgeBasePatternKind.SingleLabel:
                return "redis";
            case KnowledgeBasePatternKind.IpRange:
                var slash = rule.Pattern.IndexOf('/', StringComparison.Ordinal);
                var bytes = IPAddress.Parse(rule.Pattern[..slash]).GetAddressBytes();
                if (int.Parse(rule.Pattern[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture) < bytes.Length * 8)
                {
                    bytes[^1] = 1;
                }

                var address = new IPAddress(bytes);
                return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();
            default:
                var labels = rule.Pattern.Split('.');
                for (var i = 0; i < labels.Length; i++)
                {
                    var label = labels[i];
                    if (i == 0 && label == "*")
                    {
                        labels[i] = "sample";
                        continue;
                    }

                    var open = label.IndexOf('{', StringComparison.Ordinal);
                    if (open >= 0)
                    {
                        var close = label.IndexOf('}', StringComparison.Ordinal);
                        label = label[..open] + key + label[(close + 1)..];
                    }

                    labels[i] = label.Replace("*", "x", StringComparison.Ordinal);
                }

                return string.Join(".", labels);
        }
    }
}
