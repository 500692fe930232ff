using System.Globalization;
using System.Text.Json;
using CrossBorder.Policy.EndToEnd.Tests.Infrastructure;

namespace CrossBorder.Policy.EndToEnd.Tests;

/// <summary>
/// The <c>crossborder</c> tool as a user gets it: packed from src/CrossBorder.Policy.Cli into a temporary feed with a
/// version no earlier run used (as <see cref="PackageFixture"/> packs the library package), installed with
/// <c>dotnet tool install --tool-path</c> from that feed only, then run: <c>crossborder rules</c> and
/// <c>crossborder scan</c> on the bundled sample (docs/cli.md, "Installing").
/// </summary>
public sealed class ToolInstallTests : IClassFixture<ToolInstallTests.ToolPackage>
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);

    private readonly ToolPackage _tool;

    public ToolInstallTests(ToolPackage tool)
    {
        _tool = tool;
    }

    [Fact]
    public async Task The_packed_tool_installs_into_a_tool_path_and_runs_rules_and_scan_on_the_sample()
    {
        var tools = Path.Combine(_tool.WorkRoot, "tools");
        var install = await DotNet.RunAsync(_tool.WorkRoot,
        [
            "tool", "install",
            "--tool-path", tools,
            "--add-source", _tool.FeedDirectory,
            ToolPackage.PackageId,
            "--version", _tool.PackageVersion,
            "--ignore-failed-sources",
        ], Long);
        Assert.True(install.Succeeded, install.ToString());
        var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "crossborder.exe" : "crossborder");
        Assert.True(File.Exists(command), "The tool's command is missing after the install.\n" + install);

        var rules = await DotNet.RunToolAsync(command, _tool.WorkRoot, ["rules"]);

        Assert.True(rules.Succeeded, rules.ToString());
        var lines = rules.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToList();
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("CBDT1001  warning", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("CBDT1002  error", StringComparison.Ordinal));
        Assert.Matches(@"^\d+ rules: \d+ analyzer, \d+ configuration\.$", lines[^1]);

        var output = Path.Combine(_tool.WorkRoot, "scan");
        var solution = Path.Combine(_tool.RepositoryRoot, "samples", "JiangsuBiomed", "JiangsuBiomed.sln");
        var scan = await DotNet.RunToolAsync(command, _tool.WorkRoot, ["scan", solution, "--output", output], Long);

        // The sample keeps one error on purpose (core data to Hong Kong, CBDT1002): the default --fail-on error fails.
        Assert.True(scan.ExitCode == 1, scan.ToString());
        Assert.DoesNotContain("internal error", scan.StandardError, StringComparison.Ordinal);
        Assert.Contains("CBDT1002 error JiangsuBiomed.GroupReporting/GroupReportingJob.cs(", scan.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("CBDT1001 warning JiangsuBiomed.Api/Services/CrmSyncService.cs(", scan.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("SARIF: " + Path.Combine(output, "crossborder.sarif"), scan.StandardOutput, StringComparison.Ordinal);
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "crossborder.sarif")));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Contains(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "CBDT1002");
        using var transfers = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "transfers.json")));
        Assert.Contains(transfers.RootElement.GetProperty("flows").EnumerateArray(), f => f.GetProperty("status").GetString() == "Blocked");
        Assert.Contains("数据出境授权核对", File.ReadAllText(Path.Combine(output, "reconciliation.md")), StringComparison.Ordinal);
    }

    /// <summary>Packs the tool once per run into a temporary feed, with a unique version so no NuGet cache can serve a stale package.</summary>
    public sealed class ToolPackage : IAsyncLifetime
    {
        public const string PackageId = "CrossBorder.Policy.Cli";

        public ToolPackage()
        {
            RepositoryRoot = FindRepositoryRoot();
            var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N")[..8];
            PackageVersion = "0.1.0-e2e." + runId;
            WorkRoot = Path.Combine(Path.GetTempPath(), "crossborder-tool-" + runId);
            FeedDirectory = Path.Combine(WorkRoot, "feed");
        }

        public string RepositoryRoot { get; }

        public string PackageVersion { get; }

        public string WorkRoot { get; }

        public string FeedDirectory { get; }

        public string PackagePath => Path.Combine(FeedDirectory, $"{PackageId}.{PackageVersion}.nupkg");

        public async ValueTask InitializeAsync()
        {
            Directory.CreateDirectory(FeedDirectory);
            var pack = await DotNet.RunAsync(RepositoryRoot,
            [
                "pack", Path.Combine("src", "CrossBorder.Policy.Cli", "CrossBorder.Policy.Cli.csproj"),
                "-c", "Release",
                "-o", FeedDirectory,
                $"-p:PackageVersion={PackageVersion}",
                "--disable-build-servers",
                "-nologo",
            ], Long);
            if (!pack.Succeeded || !File.Exists(PackagePath))
            {
                throw new InvalidOperationException($"dotnet pack failed or did not write {PackagePath}.\n{pack}");
            }
        }

        public ValueTask DisposeAsync()
        {
            if (Environment.GetEnvironmentVariable("CROSSBORDER_E2E_KEEP") != "1")
            {
                TempDirectory.DeleteQuietly(WorkRoot);
            }

            return ValueTask.CompletedTask;
        }

        private static string FindRepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Policy.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No Policy.sln above {AppContext.BaseDirectory}.");
        }
    }
}
