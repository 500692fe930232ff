using CrossBorder.Policy.Core.Jurisdictions;
using CrossBorder.Policy.Core.Sinks;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Sinks;

public sealed class EndpointTextTests
{
    [Theory]
    [InlineData(EndpointValueKind.Url, "https://api.partner.sg/v1", null, null, "https://api.partner.sg/v1")]
    [InlineData(EndpointValueKind.Url, "  https://api.partner.sg  ", null, null, "https://api.partner.sg")]
    [InlineData(EndpointValueKind.Url, "/relative/path", null, null, "")]
    [InlineData(EndpointValueKind.Host, "smtp.partner.sg", "smtp", null, "smtp://smtp.partner.sg")]
    [InlineData(EndpointValueKind.Host, "rabbit.partner.sg:5671", "amqp", null, "amqp://rabbit.partner.sg:5671")]
    [InlineData(EndpointValueKind.Host, "amqps://rabbit.partner.sg", "amqp", null, "amqps://rabbit.partner.sg")]
    [InlineData(EndpointValueKind.Host, "", "smtp", null, "")]
    [InlineData(EndpointValueKind.HostList, "b1.partner.sg:9092, b2.example.cn:9092,", "kafka", null, "kafka://b1.partner.sg:9092|kafka://b2.example.cn:9092")]
    [InlineData(EndpointValueKind.AwsRegion, "eu-west-1", null, "s3", "https://s3.eu-west-1.amazonaws.com")]
    [InlineData(EndpointValueKind.AwsRegion, "cn-north-1", null, "s3", "https://s3.cn-north-1.amazonaws.com.cn")]
    [InlineData(EndpointValueKind.AwsRegion, "cn-northwest-1", null, "sqs", "https://sqs.cn-northwest-1.amazonaws.com.cn")]
    [InlineData(EndpointValueKind.AwsRegion, "EU-WEST-1", null, "s3", "")]
    [InlineData(EndpointValueKind.AwsRegion, "eu-\u0001", null, "s3", "")]
    [InlineData(EndpointValueKind.AzureStorageConnectionString, "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.windows.net", null, "blob", "https://acct.blob.core.windows.net")]
    [InlineData(EndpointValueKind.AzureStorageConnectionString, "AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn", null, "blob", "https://acct.blob.core.chinacloudapi.cn")]
    [InlineData(EndpointValueKind.AzureStorageConnectionString, "AccountName=acct;AccountKey=a2V5", null, "queue", "https://acct.queue.core.windows.net")]
    [InlineData(EndpointValueKind.AzureStorageConnectionString, "BlobEndpoint=https://store.example.cn/;SharedAccessSignature=sv=1", null, "blob", "https://store.example.cn/")]
    [InlineData(EndpointValueKind.AzureStorageConnectionString, "UseDevelopmentStorage=true", null, "blob", "http://127.0.0.1")]
    [InlineData(EndpointValueKind.AzureStorageConnectionString, "AccountKey=a2V5", null, "blob", "")]
    [InlineData(EndpointValueKind.Carrier, "https://api.partner.sg", null, null, "")]
    public void ToUrls(EndpointValueKind kind, string text, string? scheme, string? service, string expected)
    {
        var urls = EndpointText.ToUrls(kind, text, scheme, service);
        Assert.Equal(expected, string.Join("|", urls));
    }

    [Fact]
    public void TemplatesKeepTheirUnknownSegments()
    {
        var urls = EndpointText.ToUrls(EndpointValueKind.Host, "\u0001.partner.sg", "smtp", null);
        Assert.Equal(new[] { "smtp://\u0001.partner.sg" }, urls);
    }

    [Theory]
    [InlineData("cn-north-1", true, "CN")]
    [InlineData("cn-northwest-1", true, "CN")]
    [InlineData("eu-west-1", false, "IE")]
    [InlineData("ap-east-1", false, "HK")]
    [InlineData("us-east-1", false, "US")]
    public void RegionHostsResolveThroughTheKnowledgeBase(string region, bool inside, string jurisdiction)
    {
        var host = EndpointText.AwsRegionHost(region, "s3");
        Assert.NotNull(host);
        Assert.True(JurisdictionResolver.Default.TryResolve(host, out var resolution, out var error), error);
        Assert.Equal(inside, resolution.IsInsideMainland);
        Assert.Equal(jurisdiction, resolution.Jurisdiction);
    }

    [Theory]
    [InlineData("AccountName=acct;EndpointSuffix=core.chinacloudapi.cn", true)]
    [InlineData("AccountName=acct;EndpointSuffix=core.windows.net", false)]
    public void AzureStorageEndpointsResolveThroughTheKnowledgeBase(string connectionString, bool inside)
    {
        var url = EndpointText.AzureStorageEndpoint(connectionString, "blob");
        Assert.True(JurisdictionResolver.Default.TryResolve(url, out var resolution, out var error), error);
        Assert.Equal(inside, resolution.IsInsideMainland);
    }

    [Fact]
    public void EveryAwsRegionMemberNamesAWellFormedRegion()
    {
        foreach (var pair in AwsRegionNames.ByMemberName)
        {
            Assert.NotNull(EndpointText.AwsRegionHost(pair.Value, "s3"));
        }

        // Every region the knowledge base places has a member (the SDK names every commercial region).
        var named = new HashSet<string>(AwsRegionNames.ByMemberName.Values, StringComparer.Ordinal);
        Assert.All(JurisdictionKnowledgeBase.AwsRegions.Entries, e => Assert.Contains(e.Key, named));
    }
}
