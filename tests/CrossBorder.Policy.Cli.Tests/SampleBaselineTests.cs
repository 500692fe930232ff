using CrossBorder.Policy.Core.Model;
using System.Reflection;

namespace CrossBorder.Policy.Cli.Tests;

/// <summary>
/// Every command on the bundled sample (samples/JiangsuBiomed), its output compared with the baselines under
/// Baselines/sample/. The fixture runs <c>scan</c> once (it builds the sample); the other commands read what it built
/// and wrote. Paths are normalised (<c>&lt;repo&gt;</c>, <c>&lt;out&gt;</c>, <c>&lt;dir&gt;</c>) and the tool's version
/// is <c>&lt;version&gt;</c>. When the analyzers change what the sample reports, review the change and refresh with
/// <c>CROSSBORDER_UPDATE_BASELINES=1 dotnet test --project tests/CrossBorder.Policy.Cli.Tests -- --filter-class "*SampleBaselineTests"</c>.
/// </summary>
public sealed class SampleBaselineTests : IClassFixture<SampleBaselineTests.SampleScan>
{
    /// <summary>Every file scan writes into its output folder.</summary>
    private static readonly string[] ScanFiles =
    {
        "crossborder.sarif",
        "data-directory.csv", "data-directory.html", "data-directory.json", "data-directory.md",
        "reconciliation.html", "reconciliation.md",
        "transfers.csv", "transfers.html", "transfers.json", "transfers.md",
    };

    private readonly SampleScan _scan;

    public SampleBaselineTests(SampleScan scan)
    {
        _scan = scan;
    }

    private static string ApiFolder => Repo.PathOf("samples/JiangsuBiomed/JiangsuBiomed.Api/bin/Debug/net10.0");

    [Fact]
    public void Scan_prints_the_findings_and_writes_every_report_as_in_its_baseline()
    {
        Assert.True(_scan.Result.ExitCode == 1, "scan should fail on the sample's CBDT1002 error: " + _scan.Result.Error + _scan.Result.Output);
        Assert.DoesNotContain("crossborder: warning", _scan.Result.Error, StringComparison.Ordinal);
        Check("scan.txt", _scan.Result.Output);
        Assert.Equal(ScanFiles, Directory.GetFiles(_scan.Output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in ScanFiles)
        {
            Check("scan/" + name, File.ReadAllText(Path.Combine(_scan.Output, name)));
        }
    }

    [Fact]
    public void Scan_lists_the_authorized_flows_in_transfers_json_but_not_as_findings()
    {
        // docs/sample.md: flows 1, 2 and 4 are covered; the manifest must name them with their authorizations.
        using var transfers = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_scan.Output, "transfers.json")));
        var authorized = transfers.RootElement.GetProperty("flows").EnumerateArray()
            .Where(f => f.GetProperty("status").GetString() == "Authorized")
            .ToDictionary(f => f.GetProperty("id").GetString()!, f => f, StringComparer.Ordinal);
        Assert.Equal(
            new[] { "scan:DeliveryService.ShipKitAsync>LogisticsClient.BookAsync", "scan:GenomicsService.PublishBatchesAsync>GenomicsUploadClient.UploadAsync", "scan:TrialSyncService.SyncAsync>CroTrialClient.SubmitVisitAsync" },
            authorized.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("exempt-logistics-hk", authorized["scan:DeliveryService.ShipKitAsync>LogisticsClient.BookAsync"].GetProperty("authorizationId").GetString());
        Assert.Equal("sa-genomics-cro-sg-2025", authorized["scan:GenomicsService.PublishBatchesAsync>GenomicsUploadClient.UploadAsync"].GetProperty("authorizationId").GetString());
        Assert.Equal("sa-trial-cro-sg-2025", authorized["scan:TrialSyncService.SyncAsync>CroTrialClient.SubmitVisitAsync"].GetProperty("authorizationId").GetString());
        Assert.All(transfers.RootElement.GetProperty("flows").EnumerateArray(), f => Assert.NotEqual(0, f.GetProperty("originMemberIds").GetArrayLength()));

        // Not a finding: not on the console, not a SARIF result.
        Assert.DoesNotContain("CBDT1006", _scan.Result.Output, StringComparison.Ordinal);
        using var sarif = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_scan.Output, "crossborder.sarif")));
        Assert.DoesNotContain(
            sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(),
            r => r.GetProperty("ruleId").GetString() == "CBDT1006");
    }

    [Fact]
    public void Scan_json_lists_the_findings_and_the_flows_with_their_rules_and_locations()
    {
        var json = CliRunner.Run("--json", "scan", SampleScan.Solution, "--no-build", "--output", Path.Combine(_scan.Work, "json"));

        Assert.True(json.ExitCode == 1, json.Error);
        Check("scan.json", json.Output);
    }

    [Fact]
    public void Directory_and_manifest_read_the_built_sample_from_its_solution_and_from_an_output_folder()
    {
        var directory = CliRunner.Run("directory", SampleScan.Solution, "--no-build");
        var manifest = CliRunner.Run("manifest", SampleScan.Solution, "--no-build", "--format", "json");
        var folder = CliRunner.Run("manifest", ApiFolder, "--language", "zh");

        Assert.True(directory.ExitCode == 0, directory.Error);
        Assert.True(manifest.ExitCode == 0, manifest.Error);
        Assert.True(folder.ExitCode == 0, folder.Error);
        Check("directory.md", directory.Output);
        Check("directory.stderr.txt", directory.Error);
        Check("manifest.json", manifest.Output);
        Check("manifest-api-folder.zh.md", folder.Output);
        Check("manifest-api-folder.stderr.txt", folder.Error);
    }

    [Fact]
    public void Diff_between_the_embedded_manifest_and_the_scan_lists_the_analyzers_flows()
    {
        var embedded = Path.Combine(_scan.Work, "embedded-transfers.json");
        File.WriteAllText(embedded, CliRunner.Run("manifest", SampleScan.Solution, "--no-build", "--format", "json").Output);

        var md = CliRunner.Run("diff", embedded, Path.Combine(_scan.Output, "transfers.json"), "--format", "md");
        var same = CliRunner.Run("diff", Path.Combine(_scan.Output, "transfers.json"), Path.Combine(_scan.Output, "transfers.json"));

        Assert.Equal(1, md.ExitCode);
        Check("diff.md", md.Output);
        Assert.Equal(0, same.ExitCode);
        Check("diff-same.txt", same.Output);
    }

    [Fact]
    public void Verify_checks_the_scan_manifest_the_policy_file_and_the_files_against_the_assembly()
    {
        var transfers = CliRunner.Run("verify", Path.Combine(_scan.Output, "transfers.json"), "--as-of", "2026-11-26");
        var policy = CliRunner.Run("verify", Repo.PathOf("samples/JiangsuBiomed/JiangsuBiomed.Api/crossborder.json"), "--as-of", "2026-11-26");
        var written = Path.Combine(_scan.Work, "api");
        var wrote = CliRunner.Run("manifest", Path.Combine(ApiFolder, "JiangsuBiomed.Api.dll"), "--format", "json", "--output", written);
        var assembly = CliRunner.Run("verify", "--assembly", Path.Combine(ApiFolder, "JiangsuBiomed.Api.dll"), Path.Combine(written, "transfers.json"), Path.Combine(_scan.Output, "transfers.json"));

        Assert.Equal(1, transfers.ExitCode);
        Check("verify-transfers.txt", transfers.Output);
        Check("verify-policy.txt", policy.Output);
        Assert.Equal(0, wrote.ExitCode);
        Assert.Equal(1, assembly.ExitCode);
        Check("verify-assembly.txt", assembly.Output);
    }

    [Fact]
    public void Rules_matches_its_baseline()
    {
        var result = CliRunner.Run("rules");

        Assert.Equal(0, result.ExitCode);
        Check("rules.txt", result.Output);
    }

    [Fact]
    public void Init_on_a_copy_of_the_sample_api_writes_the_baseline_policy_file()
    {
        var source = Repo.PathOf("samples/JiangsuBiomed/JiangsuBiomed.Api");
        var copy = Path.Combine(_scan.Work, "init", "JiangsuBiomed.Api");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj" || string.Equals(relative, "crossborder.json", StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.Copy(file, Path.Combine(copy, relative));
        }

        var result = CliRunner.Run("init", copy);
        var again = CliRunner.Run("init", copy);

        Assert.True(result.ExitCode == 0, result.Error);
        Check("init.txt", result.Output.Replace(copy, "<dir>", StringComparison.Ordinal));
        Check("init-crossborder.json", File.ReadAllText(Path.Combine(copy, "crossborder.json")));
        Assert.Equal(3, again.ExitCode);
    }

    private void Check(string name, string text)
    {
        var version = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var normalized = text
            .Replace(_scan.Output, "<out>", StringComparison.Ordinal)
            .Replace(_scan.Work, "<work>", StringComparison.Ordinal)
            .Replace("\"" + version + "\"", "\"<version>\"", StringComparison.Ordinal);
        Baseline.Check("sample/" + name, normalized);
    }

    [Fact]
    public void Scan_decides_validity_as_of_the_projects_date_and_as_of_the_date_given()
    {
        // Without --as-of the reconciliation takes the sample's CrossBorderAsOfDate (2026-11-26), whatever today is, so
        // that it never disagrees with the analyzers.
        var later = Path.Combine(_scan.Work, "later");
        var byProject = CliRunner.RunOn(new IsoDate(2027, 3, 1), terminal: false, environment: null, "scan", SampleScan.Solution, "--no-build", "--output", later);
        Assert.Equal(1, byProject.ExitCode);
        Assert.Contains("valid on 2026-11-26", File.ReadAllText(Path.Combine(later, "reconciliation.md")), StringComparison.Ordinal);
        Assert.Contains("CBDT1004", byProject.Output, StringComparison.Ordinal);

        // With --as-of the analyzers and the reconciliation both decide as of that date: before 2026-05-31 the
        // pharmacovigilance certification is still in force, so its CBDT1004 is gone and that flow is authorized.
        var earlier = Path.Combine(_scan.Work, "earlier");
        var given = CliRunner.Run("scan", SampleScan.Solution, "--no-build", "--as-of", "2026-05-01", "--output", earlier);
        Assert.Equal(1, given.ExitCode);
        Assert.DoesNotContain("CBDT1004", given.Output, StringComparison.Ordinal);
        Assert.Contains("CBDT1002", given.Output, StringComparison.Ordinal);
        var reconciliation = File.ReadAllText(Path.Combine(earlier, "reconciliation.md"));
        Assert.Contains("valid on 2026-05-01", reconciliation, StringComparison.Ordinal);
        var findings = reconciliation[reconciliation.IndexOf("Findings without a valid authorization", StringComparison.Ordinal)..];
        findings = findings[..findings.IndexOf("\n## ", StringComparison.Ordinal)];
        Assert.Contains("Findings without a valid authorization (2)", findings, StringComparison.Ordinal);
        Assert.DoesNotContain("cert-safety-jp-2023", findings, StringComparison.Ordinal);

        var bad = CliRunner.Run("scan", SampleScan.Solution, "--no-build", "--as-of", "2026-13-01", "--output", earlier);
        Assert.Equal(ExitCodes.UsageError, bad.ExitCode);
        Assert.Contains("--as-of: '2026-13-01' is not a date", bad.Error, StringComparison.Ordinal);
    }

    /// <summary>Runs <c>crossborder scan</c> on the sample once (building it) into a temporary folder.</summary>
    public sealed class SampleScan : IDisposable
    {
        public SampleScan()
        {
            Work = Path.Combine(Path.GetTempPath(), "cb-sample-baselines", Guid.NewGuid().ToString("N"));
            Output = Path.Combine(Work, "out");
            Result = CliRunner.Run("scan", Solution, "--output", Output);
        }

        public static string Solution => Repo.PathOf("samples/JiangsuBiomed/JiangsuBiomed.sln");

        public string Work { get; }

        public string Output { get; }

        public CliResult Result { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
