using System.Text.Json;
using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Cli.Tests;

public sealed class VerifyCommandTests
{
    public static TheoryData<string> Samples() => new(Repo.SamplePolicies());

    [Theory]
    [MemberData(nameof(Samples))]
    public void EverySampleMatchesItsTextAndJsonBaselines(string sample)
    {
        var text = CliRunner.Run("verify", Repo.Sample(sample), "--as-of", "2026-11-26");
        var json = CliRunner.Run("verify", Repo.Sample(sample), "--as-of", "2026-11-26", "--json");

        Assert.Equal(string.Empty, text.Error);
        Assert.Equal(string.Empty, json.Error);
        Assert.Equal(text.ExitCode, json.ExitCode);
        Baseline.Check("verify-" + Path.GetFileNameWithoutExtension(sample) + ".txt", text.Output);
        Baseline.Check("verify-" + Path.GetFileNameWithoutExtension(sample) + ".json", json.Output);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(json.ExitCode, document.RootElement.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void AFilesPathIsNeverWrappedSoTheOutputDoesNotDependOnWhereTheCheckoutIs()
    {
        var root = Path.Combine(Path.GetTempPath(), "crossborder-wrap-" + Guid.NewGuid().ToString("N"));
        var shortPath = Path.Combine(root, "p.json");
        var longPath = Path.Combine(root, new string('d', 150), "p.json");
        Directory.CreateDirectory(Path.GetDirectoryName(longPath)!);
        try
        {
            File.Copy(Repo.Sample("jiangsu-ftz-biomedicine.json"), shortPath);
            File.Copy(Repo.Sample("jiangsu-ftz-biomedicine.json"), longPath);

            var shortRun = CliRunner.Run("verify", shortPath, "--as-of", "2026-11-26");
            var longRun = CliRunner.Run("verify", longPath, "--as-of", "2026-11-26");

            Assert.StartsWith(longPath + " (policy file, ", longRun.Output.Split('\n')[0], StringComparison.Ordinal);
            Assert.EndsWith(")", longRun.Output.Split('\n')[0].TrimEnd(), StringComparison.Ordinal);
            Assert.Equal(shortRun.Output.Replace(shortPath, "<file>", StringComparison.Ordinal), longRun.Output.Replace(longPath, "<file>", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void TheReadmeSampleIsCleanAndExplainsEachTransfer()
    {
        var result = CliRunner.Run("verify", Repo.Sample("jiangsu-ftz-biomedicine.json"), "--as-of", "2026-11-26");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("sa-genomics-us-2024", result.Output, StringComparison.Ordinal);
        Assert.Contains("Legal basis", result.Output, StringComparison.Ordinal);
        Assert.Contains("Provisions 2024 Art. 5(2)", result.Output, StringComparison.Ordinal);
        Assert.Contains("OK: 1 file, 3 authorizations checked as of 2026-11-26: 0 errors, 0 warnings.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFindingsSampleReportsEachKindOfProblemOnItsTransfer()
    {
        var findings = Findings(CliRunner.Run("verify", Repo.Sample("shanghai-retail-findings.json"), "--as-of", "2026-11-26", "--json"), out var exitCode);

        Assert.Equal(ExitCodes.Findings, exitCode);
        Assert.Contains(("sa-crm-us-2022", "error", "expired"), findings);
        Assert.Contains(("scc-payments-sg", "error", "reference-format"), findings);
        Assert.Contains(("cert-loyalty-jp", "warning", "renewal-window"), findings);
        Assert.Contains(("fraud-scoring-de", "error", "inadequate"), findings);
        Assert.DoesNotContain(findings, f => f.Subject == "cert-loyalty-jp" && f.Severity == "error");
    }

    [Fact]
    public void TheAsOfDateDecidesExpiry()
    {
        var sample = Repo.Sample("jiangsu-ftz-biomedicine.json");

        var later = Findings(CliRunner.Run("verify", sample, "--as-of", "2027-09-17", "--json"), out var laterCode);
        var lastDay = Findings(CliRunner.Run("verify", sample, "--as-of", "2027-09-16", "--json"), out var lastDayCode);
        var before = Findings(CliRunner.Run("verify", sample, "--as-of", "2024-09-16", "--json"), out var beforeCode);

        Assert.Equal(ExitCodes.Findings, laterCode);
        Assert.Contains(("sa-genomics-us-2024", "error", "expired"), later);
        Assert.Equal(ExitCodes.Success, lastDayCode);
        Assert.Contains(("sa-genomics-us-2024", "warning", "renewal-window"), lastDay);
        Assert.Equal(ExitCodes.Findings, beforeCode);
        Assert.Contains(("sa-genomics-us-2024", "error", "not-yet-valid"), before);
    }

    [Fact]
    public void WarnDaysOverridesThePolicyFilesWarningWindow()
    {
        var sample = Repo.Sample("jiangsu-ftz-biomedicine.json");

        // 2027-06-01 is 107 days before 2027-09-16 and before the 60-working-day extension window opens.
        var byDefault = Findings(CliRunner.Run("verify", sample, "--as-of", "2027-06-01", "--json"), out var defaultCode);
        var narrow = Findings(CliRunner.Run("verify", sample, "--as-of", "2027-06-01", "--warn-days", "30", "--json"), out var narrowCode);

        Assert.Equal(ExitCodes.Success, defaultCode);
        Assert.Contains(("sa-genomics-us-2024", "warning", "expiring-soon"), byDefault);
        Assert.Equal(ExitCodes.Success, narrowCode);
        Assert.DoesNotContain(narrow, f => f.Code == "expiring-soon");
    }

    [Fact]
    public void AsOfDefaultsToToday()
    {
        var explicitDate = CliRunner.Run("verify", Repo.Sample("shanghai-retail-findings.json"), "--as-of", CliRunner.Today.ToString());
        var implicitDate = CliRunner.Run("verify", Repo.Sample("shanghai-retail-findings.json"));

        Assert.Equal(explicitDate.Output, implicitDate.Output);
    }

    [Fact]
    public void ATransferManifestIsReadAndItsFlowsAndAuthorizationsChecked()
    {
        var result = CliRunner.Run("verify", Repo.Fixture("transfers-new.json"), "--as-of", "2026-11-26");
        var findings = Findings(CliRunner.Run("verify", Repo.Fixture("transfers-new.json"), "--as-of", "2026-11-26", "--json"), out _);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Baseline.Check("verify-transfers-new.txt", result.Output);
        Assert.Contains(("flow:crash-reports", "error", "flow-status"), findings);
        Assert.Contains(("flow:upload-visit-sg", "error", "flow-status"), findings);
        Assert.DoesNotContain(findings, f => f.Subject == "flow:genome-upload-de");
    }

    [Fact]
    public void ADataDirectoryIsReadAndItsDigestReported()
    {
        var path = Repo.Fixture("data-directory-old.json");
        var result = CliRunner.Run("verify", path, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var file = document.RootElement.GetProperty("files")[0];
        Assert.Equal("data-directory", file.GetProperty("kind").GetString());
        Assert.Equal(ManifestDigest.Compute(ManifestReader.ReadDataDirectory(File.ReadAllText(path))), file.GetProperty("digest").GetString());
    }

    [Fact]
    public void AnInvalidManifestGivesItsPositionAndExitsWithFindings()
    {
        var result = CliRunner.Run("verify", Repo.Fixture("transfers-invalid.json"));

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Contains("manifest-invalid", result.Output, StringComparison.Ordinal);
        Assert.Contains("transfers-invalid.json(11,5): error manifest-invalid: $.authorizations[0]: missing required property 'purpose' in an authorization", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyFileDiagnosticsArePrintedWithFileLineAndColumn()
    {
        var path = Path.Combine(Path.GetTempPath(), "crossborder-cli-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{\n  \"version\": 1,\n  \"transfers\": [ { \"id\": \"t1\", \"mechanism\": \"Teleport\" } ]\n}\n");
        try
        {
            var result = CliRunner.Run("verify", path, "--as-of", "2026-11-26");

            Assert.Equal(ExitCodes.Findings, result.ExitCode);
            Assert.Contains(path + "(3,45): error CBDT9004:", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SeveralFilesAreVerifiedTogetherAndTheWorstResultWins()
    {
        var result = CliRunner.Run("verify", Repo.Sample("jiangsu-ftz-biomedicine.json"), Repo.Sample("shanghai-retail-findings.json"), "--as-of", "2026-11-26");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Contains("FAILED: 2 files, 7 authorizations checked as of 2026-11-26: 3 errors, 1 warning.", result.Output, StringComparison.Ordinal);
    }

    internal static List<(string Subject, string Severity, string Code)> Findings(CliResult result, out int exitCode)
    {
        Assert.Equal(string.Empty, result.Error);
        exitCode = result.ExitCode;
        using var document = JsonDocument.Parse(result.Output);
        var list = new List<(string, string, string)>();
        foreach (var file in document.RootElement.GetProperty("files").EnumerateArray())
        {
            var all = file.GetProperty("findings").EnumerateArray()
                .Concat(file.GetProperty("authorizations").EnumerateArray().SelectMany(a => a.GetProperty("findings").EnumerateArray()));
            foreach (var finding in all)
            {
                list.Add((finding.GetProperty("subject").GetString() ?? string.Empty, finding.GetProperty("severity").GetString()!, finding.GetProperty("code").GetString()!));
            }
        }

        return list;
    }
}

public sealed class VerifyJurisdictionTests
{
    [Fact]
    public void EndpointsAreResolvedWithTheCoreResolverAndDisagreementsReported()
    {
        var result = CliRunner.Run("verify", Repo.Fixture("jurisdictions-policy.json"), "--as-of", "2026-11-26", "--json");
        var findings = VerifyCommandTests.Findings(result, out var exitCode);
        using var document = System.Text.Json.JsonDocument.Parse(result.Output);
        var byId = document.RootElement.GetProperty("files")[0].GetProperty("authorizations").EnumerateArray()
            .ToDictionary(a => a.GetProperty("id").GetString()!, a => a, StringComparer.Ordinal);

        Assert.Equal(ExitCodes.Success, exitCode);

        // Declared SG, but the host's country-code domain says DE.
        Assert.Contains(("t-mismatch", "warning", "jurisdiction-mismatch"), findings);
        Assert.Equal("SG", byId["t-mismatch"].GetProperty("jurisdiction").GetString());
        Assert.Equal("DE", byId["t-mismatch"].GetProperty("resolvedJurisdiction").GetString());

        // Nothing declared: the knowledge base decides.
        Assert.Equal("JP", byId["t-kb"].GetProperty("jurisdiction").GetString());
        Assert.Equal("knowledge-base", byId["t-kb"].GetProperty("jurisdictionSource").GetString());
        Assert.DoesNotContain(findings, f => f.Subject == "t-kb" && f.Severity != "info");

        Assert.Contains(("t-internal", "warning", "internal-endpoint"), findings);
    }
}
