using System.Text.Json;

namespace CrossBorder.Policy.Cli.Tests;

public sealed class DiffCommandTests
{
    private static readonly string Old = Repo.Fixture("transfers-old.json");
    private static readonly string New = Repo.Fixture("transfers-new.json");

    [Theory]
    [InlineData("md", "diff-transfers.md")]
    [InlineData("text", "diff-transfers.txt")]
    [InlineData("json", "diff-transfers.json")]
    public void TransferManifestDiffMatchesItsBaseline(string format, string baseline)
    {
        var result = CliRunner.Run("diff", Old, New, "--format", format);

        // New flows leave without authorization: the diff is printed and the exit code says so.
        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Baseline.Check(baseline, result.Output);
    }

    [Fact]
    public void DataDirectoryDiffMatchesItsBaseline()
    {
        var result = CliRunner.Run("diff", Repo.Fixture("data-directory-old.json"), Repo.Fixture("data-directory-new.json"), "--format", "md");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Baseline.Check("diff-data-directory.md", result.Output);
    }

    [Fact]
    public void EveryKindOfTransferChangeIsReported()
    {
        using var document = JsonDocument.Parse(CliRunner.Run("diff", Old, New, "--json").Output);
        var root = document.RootElement;

        var authorizations = Changes(root, "authorizations");
        Assert.Equal("added", authorizations["jp-loyalty-cert"]);
        Assert.Equal("removed", authorizations["hr-exemption"]);
        Assert.Equal("changed", authorizations["de-lab-assessment"]);
        Assert.Equal("changed", authorizations["sg-cro-scc"]);
        Assert.Equal(4, authorizations.Count);

        var fields = root.GetProperty("authorizations").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "de-lab-assessment")
            .GetProperty("fields").EnumerateArray().Select(f => (f.GetProperty("field").GetString()!, f.GetProperty("old").GetString()!, f.GetProperty("new").GetString()!)).ToList();
        Assert.Equal(new[] { ("reference", "CAC-SA-2024-0831", "CAC-SA-2024-0832"), ("validUntil", "2027-02-28", "2027-01-31") }, fields);

        var flows = Changes(root, "flows");
        Assert.Equal("added", flows["flow:genome-upload-de"]);
        Assert.Equal("added", flows["flow:crash-reports"]);
        Assert.Equal("removed", flows["flow:legacy-ftp-hk"]);
        Assert.Equal("changed", flows["flow:upload-visit-sg"]);
        Assert.False(flows.ContainsKey("flow:telemetry-us"));

        var categories = root.GetProperty("newCategoriesAbroad").EnumerateArray().Select(c => c.GetProperty("category").GetString() + "@" + c.GetProperty("jurisdiction").GetString()).ToList();
        Assert.Equal(new[] { "ImportantData:BIO-001@DE", "PersonalInformation@unknown", "SensitivePersonalInformation:Biometric@DE" }, categories);

        // telemetry-us was already Unauthorized in the old manifest: only what is new counts.
        var unauthorized = root.GetProperty("newUnauthorized").EnumerateArray().Select(f => f.GetProperty("flowId").GetString()).ToList();
        Assert.Equal(new[] { "flow:crash-reports", "flow:upload-visit-sg" }, unauthorized);
    }

    [Fact]
    public void ExitsWithFindingsOnlyWhenSomethingNewLeavesWithoutAuthorization()
    {
        Assert.Equal(ExitCodes.Findings, CliRunner.Run("diff", Old, New).ExitCode);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("diff", Old, New, "--report-only").ExitCode);

        // Reversed, the only unauthorized flow of the "new" side (telemetry-us) was unauthorized before too.
        Assert.Equal(ExitCodes.Success, CliRunner.Run("diff", New, Old).ExitCode);
    }

    [Fact]
    public void IdenticalManifestsHaveNoDifferences()
    {
        var result = CliRunner.Run("diff", Old, Old, "--format", "md");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("No differences.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void GlobalJsonOptionSelectsJsonForDiff()
    {
        var result = CliRunner.Run("--json", "diff", Old, New);

        using var document = JsonDocument.Parse(result.Output);
        Assert.Equal("diff", document.RootElement.GetProperty("command").GetString());
    }

    private static Dictionary<string, string> Changes(JsonElement root, string name) =>
        root.GetProperty(name).EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("change").GetString()!, StringComparer.Ordinal);
}

public sealed class DataDirectoryDiffTests
{
    [Fact]
    public void EveryKindOfDirectoryChangeIsReported()
    {
        var result = CliRunner.Run("diff", Repo.Fixture("data-directory-old.json"), Repo.Fixture("data-directory-new.json"), "--json");
        using var document = System.Text.Json.JsonDocument.Parse(result.Output);
        var root = document.RootElement;

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("data-directory", root.GetProperty("kind").GetString());
        var entries = root.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("change").GetString() + " " + e.GetProperty("id").GetString()).ToList();
        Assert.Equal(new[] { "removed F:Acme.Shared.Contact.Phone", "changed M:Acme.Trials.Grid.Load#return", "added M:Acme.Trials.Grid.Load#returnBackup" }, entries);
        var endpoints = root.GetProperty("endpoints").EnumerateArray().Select(e => e.GetProperty("change").GetString() + " " + e.GetProperty("id").GetString()).ToList();
        Assert.Equal(new[] { "added cdn.images.example.jp", "removed oss-cn-shanghai.aliyuncs.com", "changed telemetry.example.com" }, endpoints);
        var processor = Assert.Single(root.GetProperty("processor").EnumerateArray());
        Assert.Equal("criticalInformationInfrastructureOperator", processor.GetProperty("field").GetString());
        Assert.Equal("true", processor.GetProperty("new").GetString());
        Assert.Empty(root.GetProperty("newUnauthorized").EnumerateArray());
    }
}
