extern alias policy;

using System.Diagnostics;
using System.Text.Json;

namespace CrossBorder.Policy.Cli.Tests;

/// <summary>
/// scan on a small temporary project: one unsuppressed CBDT1001 to a .com host, one suppressed with a justification,
/// one clean method. The project is restored first (scan needs a restored project, like every design-time build).
/// </summary>
public sealed class ScanCommandTests : IClassFixture<ScanCommandTests.TempProject>
{
    private readonly TempProject _project;

    public ScanCommandTests(TempProject project)
    {
        _project = project;
    }

    [Fact]
    public void Writes_sarif_with_stable_rule_ids_locations_and_justified_suppressions()
    {
        var output = Path.Combine(_project.Root, "out-sarif");

        var result = CliRunner.Run("scan", _project.ProjectPath, "--output", output);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "crossborder.sarif")));
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("CBDT1001", rules);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal("CBDT1001", r.GetProperty("ruleId").GetString()));
        Assert.All(results, r => Assert.Equal(rules.IndexOf("CBDT1001"), r.GetProperty("ruleIndex").GetInt32()));
        var active = results.Single(r => !r.TryGetProperty("suppressions", out _));
        var location = active.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("Program.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("SRCROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(TempProject.PushLine, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("api.foreign.com", active.GetProperty("properties").GetProperty("recipient").GetString());
        var suppressed = results.Single(r => r.TryGetProperty("suppressions", out _));
        var suppression = suppressed.GetProperty("suppressions")[0];
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal("Covered by contract SCC-2025-1", suppression.GetProperty("justification").GetString());
        Assert.Equal("warning", active.GetProperty("level").GetString());
    }

    [Fact]
    public void Prints_findings_grouped_by_project_and_recipient_and_fails_on_the_chosen_severity()
    {
        var output = Path.Combine(_project.Root, "out-table");

        var warning = CliRunner.Run("scan", _project.ProjectPath, "-o", output, "--fail-on", "warning");
        var none = CliRunner.Run("--json", "scan", _project.ProjectPath, "-o", output, "--fail-on", "none");

        Assert.Equal(1, warning.ExitCode);
        var lines = warning.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ScanApp", lines[0]);
        Assert.Equal("  api.foreign.com", lines[1]);
        Assert.StartsWith("    ! CBDT1001 warning Program.cs(" + TempProject.PushLine + ",", lines[2], StringComparison.Ordinal);
        Assert.Equal("  archive.foreign.de (DE)", lines[3]);
        Assert.EndsWith("[suppressed: Covered by contract SCC-2025-1]", lines[4], StringComparison.Ordinal);
        Assert.Equal("2 findings in 1 project: 0 error(s), 1 warning(s), 0 note(s), 1 suppressed. 1 at or above --fail-on warning.", lines[5]);
        Assert.Equal(0, none.ExitCode);
        using var json = JsonDocument.Parse(none.Output);
        Assert.Equal(2, json.RootElement.GetProperty("findings").GetArrayLength());
        var flow = Assert.Single(json.RootElement.GetProperty("flows").EnumerateArray());
        Assert.Equal("CBDT1001", flow.GetProperty("ruleId").GetString());
        Assert.Equal("Program.cs:" + TempProject.PushLine, flow.GetProperty("location").GetString());
        Assert.Equal("scan:Sync.Push>HttpClient.PostAsync", flow.GetProperty("id").GetString());
    }

    [Fact]
    public void Writes_the_merged_manifests_and_a_reconciliation_of_findings_and_authorizations()
    {
        var output = Path.Combine(_project.Root, "out-reports");

        var result = CliRunner.Run("scan", _project.ProjectPath, "--output", output, "--language", "en");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        foreach (var name in new[] { "data-directory.json", "data-directory.md", "data-directory.html", "data-directory.csv", "transfers.json", "transfers.md", "transfers.html", "transfers.csv", "reconciliation.md", "reconciliation.html" })
        {
            Assert.True(File.Exists(Path.Combine(output, name)), name + " is missing: " + result.Error);
        }

        using var transfers = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "transfers.json")));
        Assert.Equal("t-unused", transfers.RootElement.GetProperty("authorizations")[0].GetProperty("id").GetString());
        var flow = Assert.Single(transfers.RootElement.GetProperty("flows").EnumerateArray());
        Assert.Equal("scan:Sync.Push>HttpClient.PostAsync", flow.GetProperty("id").GetString());
        Assert.Equal("Unauthorized", flow.GetProperty("status").GetString());
        Assert.Equal("M:Sync.Push(System.Net.Http.HttpClient)", flow.GetProperty("sourceMethodId").GetString());
        Assert.Equal("api.foreign.com", flow.GetProperty("endpointHost").GetString());
        Assert.Equal("P:Person.Email", flow.GetProperty("originMemberIds")[0].GetString());
        using var directory = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "data-directory.json")));
        Assert.Contains("Email", directory.RootElement.GetRawText(), StringComparison.Ordinal);
        var reconciliation = File.ReadAllText(Path.Combine(output, "reconciliation.md"));
        var lines = reconciliation.Split('\n');
        Assert.Equal("# Reconciliation of outbound data transfers: ScanApp", lines[0]);
        Assert.Contains("## Findings without a valid authorization (1)", lines);
        Assert.Contains(lines, l => l.StartsWith("| CBDT1001 | api.foreign.com | Program.cs:" + TempProject.PushLine + " |", StringComparison.Ordinal));
        Assert.DoesNotContain("archive.foreign.de", reconciliation, StringComparison.Ordinal);
        Assert.Contains("## Stale authorizations (1)", lines);
        Assert.Contains("| t-unused | Standard contract (filed) | SCC-2025-9 | unused.partner.example.jp | Old Partner |", lines);
        Assert.Contains("<td>t-unused</td>", File.ReadAllText(Path.Combine(output, "reconciliation.html")), StringComparison.Ordinal);
        Assert.Contains("Reports: ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_and_manifest_build_a_project_and_read_its_outputs_like_the_assemblies()
    {
        var manifest = CliRunner.Run("manifest", _project.ProjectPath, "--format", "json");
        var dll = Path.Combine(_project.Root, "bin", "Debug", "net10.0", "ScanApp.dll");
        var fromDll = CliRunner.Run("manifest", dll, "--format", "json");
        var directory = CliRunner.Run("directory", _project.ProjectPath, "--no-build", "--format", "csv", "--language", "zh");
        var brokenPath = Path.Combine(_project.Root, "Broken.csproj");
        File.WriteAllText(brokenPath, "<Project");
        var broken = CliRunner.Run("directory", brokenPath, "--no-build");
        var missing = CliRunner.Run("manifest", Path.Combine(_project.Root, "Nope.sln"));

        Assert.True(manifest.ExitCode == 0, manifest.Error);
        using var json = JsonDocument.Parse(manifest.Output);
        Assert.Equal("ScanApp", json.RootElement.GetProperty("assembly").GetString());
        Assert.Equal("t-unused", json.RootElement.GetProperty("authorizations")[0].GetProperty("id").GetString());
        Assert.Contains("crossborder: read the manifest of 1 assembly (ScanApp)", manifest.Error, StringComparison.Ordinal);
        Assert.Equal(0, fromDll.ExitCode);
        Assert.Equal(fromDll.Output, manifest.Output);
        Assert.True(directory.ExitCode == 0, directory.Error);
        Assert.Contains("Email", directory.Output, StringComparison.Ordinal);
        Assert.Contains("个人信息", directory.Output, StringComparison.Ordinal);
        Assert.Equal(3, broken.ExitCode);
        Assert.StartsWith("crossborder: " + brokenPath + ": cannot be loaded: ", Assert.Single(broken.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(3, missing.ExitCode);
        Assert.Equal("crossborder: " + Path.Combine(_project.Root, "Nope.sln") + ": file not found.", Assert.Single(missing.ErrorLines));
    }

    [Fact]
    public void Missing_or_wrong_inputs_are_one_line_and_exit_3()
    {
        var missing = CliRunner.Run("scan", Path.Combine(_project.Root, "Nope.csproj"));
        var wrongKind = CliRunner.Run("scan", Path.Combine(_project.Root, "Program.cs"));
        var badFailOn = CliRunner.Run("scan", _project.ProjectPath, "--fail-on", "fatal");
        var brokenPath = Path.Combine(_project.Root, "Broken.csproj");
        File.WriteAllText(brokenPath, "<Project");
        var broken = CliRunner.Run("scan", brokenPath, "-o", Path.Combine(_project.Root, "out-broken"), "--no-build");
        var brokenBuild = CliRunner.Run("scan", brokenPath, "-o", Path.Combine(_project.Root, "out-broken"));

        Assert.Equal(3, missing.ExitCode);
        Assert.Equal("crossborder: " + Path.Combine(_project.Root, "Nope.csproj") + ": file not found.", Assert.Single(missing.ErrorLines));
        Assert.Equal(3, wrongKind.ExitCode);
        Assert.Single(wrongKind.ErrorLines);
        Assert.Equal(2, badFailOn.ExitCode);
        Assert.Equal(3, broken.ExitCode);
        Assert.StartsWith("crossborder: " + brokenPath + ": cannot be loaded: ", Assert.Single(broken.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(3, brokenBuild.ExitCode);
        Assert.StartsWith("crossborder: " + brokenPath + ": the build failed", Assert.Single(brokenBuild.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_project.Root, "out-broken", "crossborder.sarif")));
    }

    /// <summary>A restored console-free library referencing the CrossBorder.Policy attributes.</summary>
    public sealed class TempProject : IDisposable
    {
        public const int PushLine = 19;

        public TempProject()
        {
            Root = Path.Combine(Path.GetTempPath(), "cb-scan-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Root);
            ProjectPath = Path.Combine(Root, "ScanApp.csproj");
            var attributes = typeof(policy::CrossBorder.Policy.PersonalInformationAttribute).Assembly.Location;
            var generator = Repo.PathOf("artifacts/bin/CrossBorder.Policy.Generators/debug/CrossBorder.Policy.Generators.dll");
            var core = Repo.PathOf("artifacts/bin/CrossBorder.Policy.Core/debug/CrossBorder.Policy.Core.dll");
            File.WriteAllText(Path.Combine(Root, "crossborder.json"), """
                {
                  "version": 1,
                  "transfers": [
                    { "id": "t-unused", "mechanism": "StandardContract", "reference": "SCC-2025-9", "issuedOn": "2025-06-01", "recipient": "Old Partner", "jurisdiction": "JP", "endpoint": "unused.partner.example.jp", "categories": ["PersonalInformation"], "estimatedSubjectsPerYear": 2000 }
                  ]
                }
                """);
            File.WriteAllText(ProjectPath, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <Reference Include="{attributes}" />
                    <Analyzer Include="{generator}" />
                    <Analyzer Include="{core}" />
                    <AdditionalFiles Include="crossborder.json" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(Root, "Program.cs"), """
                using System.Diagnostics.CodeAnalysis;
                using System.Net.Http;
                using CrossBorder.Policy;

                public class Person
                {
                    public int Id { get; set; }

                    [PersonalInformation] public string Email { get; set; } = "";

                    public static Person Load(int id) => new Person { Id = id };
                }

                public static class Sync
                {
                    public static async Task Push(HttpClient http)
                    {
                        var p = Person.Load(1);
                        await http.PostAsync("https://api.foreign.com/v1/people", new StringContent(p.Email));
                    }

                    [SuppressMessage("CrossBorder.Transfer", "CBDT1001", Justification = "Covered by contract SCC-2025-1")]
                    public static async Task Archive(HttpClient http)
                    {
                        var p = Person.Load(2);
                        await http.PostAsync("https://archive.foreign.de/v1", new StringContent(p.Email));
                    }

                    public static async Task Clean(HttpClient http) => await http.PostAsync("https://api.foreign.com/v1/ping", new StringContent(Person.Load(3).Id.ToString()));
                }
                """);
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Root };
            foreach (var arg in new[] { "restore", ProjectPath, "--disable-build-servers", "-nologo" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(180_000), "dotnet restore did not finish within 180 s");
            Assert.True(process.ExitCode == 0, "dotnet restore failed: " + output.Result + error.Result);
        }

        public string Root { get; }

        public string ProjectPath { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
