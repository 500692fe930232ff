using System.Text.Json;
using CrossBorder.Policy.EndToEnd.Tests.Infrastructure;

namespace CrossBorder.Policy.EndToEnd.Tests;

/// <summary>
/// The analyzers in a real build of a project that installs the package: a flow of personal information to a
/// foreign host is CBDT1001 in the build output and in the SARIF error log, and the project's crossborder.json
/// (passed by the package's targets) places another host in mainland China, so that flow is not reported.
/// </summary>
public sealed class AnalyzersInTheBuildTests
{
    private const string Source = """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using CrossBorder.Policy;

        namespace Shop;

        public class Customer
        {
            public int Id { get; set; }

            [PersonalInformation]
            public string Email { get; set; } = "";
        }

        public static class Customers
        {
            public static Customer Load(int id) => new Customer { Id = id };
        }

        public static class Sync
        {
            public static Task Abroad(HttpClient http, int id) =>
                http.PostAsJsonAsync("https://crm.foreign-vendor.com/v1/customers", Customers.Load(id));

            public static Task AtHome(HttpClient http, int id) =>
                http.PostAsJsonAsync("https://crm.partner.example/v1/customers", Customers.Load(id));
        }
        """;

    private const string Policy = """
        {
          "version": 1,
          "endpoints": [ { "host": "*.partner.example", "domestic": true } ]
        }
        """;

    private readonly PackageFixture _package;

    public AnalyzersInTheBuildTests(PackageFixture package)
    {
        _package = package;
    }

    [Fact]
    public async Task ViolationIsReportedInTheBuildOutputAndInSarif()
    {
        using var project = ConsumerProject.Create(
            _package,
            "ShopSync",
            properties: new Dictionary<string, string>
            {
                ["TreatWarningsAsErrors"] = "false",
                ["CrossBorderAsOfDate"] = "2026-03-01",
            });
        project.WriteFile("Sync.cs", Source);
        project.WriteFile("crossborder.json", Policy);
        var sarif = Path.Combine(project.Directory, "build.sarif");

        var result = await project.BuildAsync("-p:ErrorLog=" + sarif);

        Assert.True(result.Succeeded, result.ToString());
        var reported = result.Output.Split('\n').Where(line => line.Contains("CBDT1001", StringComparison.Ordinal)).ToList();
        Assert.True(reported.Count > 0, "CBDT1001 is not in the build output.\n" + result);
        Assert.All(reported, line => Assert.Contains("warning CBDT1001", line, StringComparison.Ordinal));
        Assert.Contains(reported, line => line.Contains("Sync.cs(24,", StringComparison.Ordinal) && line.Contains("crm.foreign-vendor.com", StringComparison.Ordinal));
        Assert.DoesNotContain(reported, line => line.Contains("crm.partner.example", StringComparison.Ordinal));
        Assert.DoesNotContain("error CBDT", result.Output, StringComparison.Ordinal);

        Assert.True(File.Exists(sarif), "The SARIF log was not written.\n" + result);
        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        var results = log.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.TryGetProperty("results", out var r) ? r.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(r => r.TryGetProperty("ruleId", out var id) && id.GetString() == "CBDT1001")
            .ToList();
        var single = Assert.Single(results);
        Assert.Contains("crm.foreign-vendor.com", single.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Sync.cs", single.GetRawText(), StringComparison.Ordinal);
    }
}
