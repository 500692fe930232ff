using System.Diagnostics;
using System.Text;

namespace CrossBorder.Policy.Build.Tests;

/// <summary>
/// Runs <c>dotnet build</c> on a small project that imports build/CrossBorder.Policy.Build.targets and uses the task
/// built next to these tests, to check the target's wiring: outputs after build, skipped when up to date, re-run when a
/// setting changes, skipped in design-time builds. (The build through the packed package is tested elsewhere.)
/// </summary>
public sealed class TargetsEndToEndTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cb-targets", Guid.NewGuid().ToString("N"));

    public TargetsEndToEndTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void The_target_writes_skips_reruns_and_stays_out_of_design_time_builds()
    {
        var metadata = TestAssemblies.MetadataFor(BiomedSample.Directory(), BiomedSample.Manifest());
        var source = new StringBuilder();
        foreach (var pair in metadata)
        {
            source.Append("[assembly: System.Reflection.AssemblyMetadata(").Append(TestAssemblies.Literal(pair.Key)).Append(", ").Append(TestAssemblies.Literal(pair.Value)).Append(")]\n");
        }

        source.Append("namespace Jsbio.Trials { public static class Marker { } }\n");
        File.WriteAllText(Path.Combine(_dir, "Manifest.cs"), source.ToString());
        var targets = Path.Combine(RepositoryFiles.Root, "src", "CrossBorder.Policy.Build", "build", "CrossBorder.Policy.Build.targets");
        var task = typeof(WriteCrossBorderReports).Assembly.Location;
        File.WriteAllText(Path.Combine(_dir, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_dir, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(_dir, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(_dir, "Jsbio.Trials.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <AssemblyName>Jsbio.Trials</AssemblyName>
                <CrossBorderBuildTaskAssembly>{task}</CrossBorderBuildTaskAssembly>
              </PropertyGroup>
              <Import Project="{targets}" />
            </Project>
            """);
        var output = Path.Combine(_dir, "bin", "Debug", "net10.0", "crossborder");

        var first = Build();
        Assert.Contains("8 written, 0 unchanged; language both", first, StringComparison.Ordinal);
        Assert.Equal(8, Directory.GetFiles(output).Length);
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(RepositoryFiles.TestProject, "Baselines", "both", "transfers.md")),
            File.ReadAllBytes(Path.Combine(output, "transfers.md")));

        var second = Build();
        Assert.Contains("Skipping target \"CrossBorderWriteReports\"", second, StringComparison.Ordinal);

        var zh = Build("-p:CrossBorderReportLanguage=zh");
        Assert.Contains("6 written, 2 unchanged; language zh", zh, StringComparison.Ordinal);
        Assert.StartsWith("# 数据出境清单\n", File.ReadAllText(Path.Combine(output, "transfers.md")), StringComparison.Ordinal);

        File.Delete(Path.Combine(output, "transfers.csv"));
        var repaired = Build("-p:CrossBorderReportLanguage=zh");
        Assert.Contains("1 written, 7 unchanged", repaired, StringComparison.Ordinal);

        Directory.Delete(output, recursive: true);
        var designTime = Build("-p:CrossBorderReportLanguage=zh", "-p:DesignTimeBuild=true");
        Assert.DoesNotContain("CrossBorder.Policy: Jsbio.Trials", designTime, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    private string Build(params string[] extra)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (string.IsNullOrEmpty(dotnet) || !File.Exists(dotnet))
        {
            dotnet = "dotnet";
        }

        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = _dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "build", "--nologo", "-v:n", "-nodeReuse:false", "-p:UseSharedCompilation=false" }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet build timed out");
        var log = stdout.Result + stderr.Result;
        Assert.True(process.ExitCode == 0, log);
        return log;
    }
}
