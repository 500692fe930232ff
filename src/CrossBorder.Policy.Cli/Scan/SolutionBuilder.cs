using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace CrossBorder.Policy.Cli.Scan;

/// <summary>
/// Builds the solution before it is scanned. MSBuildWorkspace needs restored projects, and the compiler extensions a
/// project references as projects (analyzers, the data-directory generator) exist only once built; the build also
/// leaves the assemblies whose embedded manifests a scan reads.
/// </summary>
internal static class SolutionBuilder
{
    /// <summary>Runs <c>dotnet build</c>; throws a one-line <see cref="CliException"/> naming the first error when it fails.</summary>
    public static void Build(string path, Action<string>? progress)
    {
        progress?.Invoke("building " + Path.GetFileName(path));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // RunAnalyzers=false: the scan runs the analyzers itself, and a finding the build would report as an error
        // (core data leaving, CBDT1002) must become a finding, not a failed build. Source generators still run.
        foreach (var argument in new[] { "build", path, "-nologo", "-nodeReuse:false", "-p:RunAnalyzers=false", "-clp:NoSummary;ErrorsOnly", "-v:quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        // The child is a separate build: it must not inherit the locator's MSBuild of this process.
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");

        Process process;
        try
        {
            process = Process.Start(start) ?? throw CliException.Input("scan could not start 'dotnet build'.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw CliException.Input("scan could not start 'dotnet build': " + e.Message);
        }

        using (process)
        {
            var output = new StringBuilder();
            var stdout = Task.Run(() => output.Append(process.StandardOutput.ReadToEnd()));
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            stdout.Wait();
            if (process.ExitCode != 0)
            {
                var lines = (output + "\n" + stderr).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
                var first = lines.FirstOrDefault(l => l.Contains(" error ", StringComparison.Ordinal)) ?? lines.FirstOrDefault() ?? "exit code " + process.ExitCode;
                throw CliException.Input(path + ": the build failed (scan builds before it analyzes; use --no-build to skip): " + first);
            }
        }
    }
}
