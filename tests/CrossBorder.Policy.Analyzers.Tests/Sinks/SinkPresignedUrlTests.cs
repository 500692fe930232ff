using CrossBorder.Policy.Analyzers.Tests.Rules;
using VerifyCS = CrossBorder.Policy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CrossBorder.Policy.Analyzers.Rules.CrossBorderFlowAnalyzer>;

namespace CrossBorder.Policy.Analyzers.Tests.Sinks;

/// <summary>
/// S3 presigned URLs (<c>aws-s3-presigned-url</c>), against the real AWSSDK.S3 types: the URL that
/// <c>GetPreSignedURL</c>/<c>GetPreSignedURLAsync</c> returns carries the client's regional endpoint, so data later sent
/// to it with <c>HttpClient</c> reaches the S3 region (CBDT1001, or CBDT1006 with a covering <c>[CrossBorderTransfer]</c>
/// where the source says <c>/*AUTH*/</c>); a client in a <c>cn-*</c> region is domestic; a client with the SDK's default
/// region gives a URL that cannot be known (CBDT1005).
/// </summary>
public sealed class SinkPresignedUrlTests
{
    private const string Source = """
        using Amazon;
        using Amazon.S3;
        using Amazon.S3.Model;

        class C
        {
            static GetPreSignedUrlRequest Put(string key) => new GetPreSignedUrlRequest { BucketName = "people", Key = key, Verb = HttpVerb.PUT, Expires = DateTime.UtcNow.AddMinutes(5) };

            /*AUTH*/
            async Task PutToPresignedUrl(HttpClient http)
            {
                var s3 = new AmazonS3Client(RegionEndpoint.EUWest1);
                var url = s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "people", Key = "p1.json", Verb = HttpVerb.PUT, Expires = DateTime.UtcNow.AddMinutes(5) });
                await {|FLOW:http.PutAsync(url, new StringContent(JsonSerializer.Serialize(Repo.Load(1))))|};
            }

            /*AUTH*/
            async Task AsyncUrlThroughAHelper(HttpClient http)
            {
                IAmazonS3 s3 = new AmazonS3Client(new AmazonS3Config { RegionEndpoint = RegionEndpoint.USEast1 });
                var url = await s3.GetPreSignedURLAsync(Put("p2.json"));
                await {|FLOW:Upload(http, url, Repo.Load(2))|};
            }

            static Task Upload(HttpClient http, string url, Person p) => http.PutAsJsonAsync(url, p);

            /*AUTH*/
            async Task RequestMessage(HttpClient http)
            {
                var s3 = new AmazonS3Client(RegionEndpoint.APSoutheast1);
                var request = new HttpRequestMessage(HttpMethod.Put, new Uri(s3.GetPreSignedURL(Put("p3.json")))) { Content = JsonContent.Create(Repo.Load(3)) };
                await {|FLOW:http.SendAsync(request)|};
            }

            async Task Domestic(HttpClient http)
            {
                var s3 = new AmazonS3Client(RegionEndpoint.CNNorthWest1);
                var url = s3.GetPreSignedURL(Put("p4.json"));
                await http.PutAsync(url, new StringContent(Repo.Load(4).Email));
            }

            async Task DefaultRegion(HttpClient http)
            {
                var s3 = new AmazonS3Client();
                var url = s3.GetPreSignedURL(Put("p5.json"));
                await {|CBDT1005:http.PutAsync(url, new StringContent(Repo.Load(5).Email))|};
            }

            async Task KeyLeavesInTheUrl(HttpClient http)
            {
                // The object key is part of the URL: an e-mail address as the key leaves with the query string.
                var s3 = new AmazonS3Client(RegionEndpoint.EUCentral1);
                var url = s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "people", Key = Repo.Load(6).Email, Verb = HttpVerb.GET, Expires = DateTime.UtcNow.AddMinutes(5) });
                await {|CBDT1001:http.GetAsync(url)|};
            }
        }
        """;

    private static Task VerifyAsync(string source)
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(CrossBorderFlowAnalyzerTests.Model);
        test.TestState.AdditionalReferences.AddRange(TestReferences.SinkLibraries);
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public Task PresignedUrl_Unauthorized() => VerifyAsync(Source.Replace("/*AUTH*/", string.Empty, StringComparison.Ordinal).Replace("{|FLOW:", "{|CBDT1001:", StringComparison.Ordinal));

    [Fact]
    public Task PresignedUrl_Authorized()
    {
        // Only the methods marked /*AUTH*/ get the attribute (it names no endpoint: it covers every endpoint of its method);
        // the flow in KeyLeavesInTheUrl stays CBDT1001.
        const string attribute = "[CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract, Reference = \"SC-1\", EstimatedSubjectsPerYear = 50_000)]";
        return VerifyAsync(Source.Replace("/*AUTH*/", attribute, StringComparison.Ordinal).Replace("{|FLOW:", "{|CBDT1006:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PresignedUrl_TheFlowGoesToTheClientsRegion()
    {
        const string source = """
            using Amazon;
            using Amazon.S3;
            using Amazon.S3.Model;

            class C
            {
                async Task Run(HttpClient http)
                {
                    var s3 = new AmazonS3Client(RegionEndpoint.EUWest1);
                    var url = s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "people", Key = "p1.json", Verb = HttpVerb.PUT, Expires = DateTime.UtcNow.AddMinutes(5) });
                    await http.PutAsync(url, new StringContent(Repo.Load(1).Email));
                }
            }
            """;
        var diagnostics = await PolicyRunner.RunAsync(
            AnalyzerRunner.Compile(TestReferences.SinkLibraries, source, CrossBorderFlowAnalyzerTests.Model),
            Array.Empty<(string, string?, bool)>());
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CBDT1001", diagnostic.Id);
        Assert.Equal("s3.eu-west-1.amazonaws.com", diagnostic.Properties[DiagnosticPropertyKeys.Host]);
        Assert.Equal("IE", diagnostic.Properties[DiagnosticPropertyKeys.Jurisdiction]);
        Assert.Equal("KnowledgeBase", diagnostic.Properties[DiagnosticPropertyKeys.JurisdictionResolution]);
        Assert.Equal("HttpClient.PutAsync", diagnostic.Properties[DiagnosticPropertyKeys.Sink]);
    }
}
