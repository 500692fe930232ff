using System.Diagnostics;
using System.Text;
using System.Threading;

namespace CrossBorder.Policy.EndToEnd.Tests.Infrastructure;

/// <summary>The result of one <c>dotnet</c> process: its command line, exit code and combined output.</summary>
public sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Both streams, for searching diagnostics (MSBuild writes warnings to either, depending on the mode).</summary>
    public string Output => StandardOutput + "\n" + StandardError;

    /// <summary>Everything a reader of a failed assertion needs to see.</summary>
    public override string ToString() =>
        $"> {CommandLine}\n  (in {WorkingDirectory}, exit code {ExitCode}, {Elapsed.TotalSeconds:F1} s)\n" +
        $"--- stdout ---\n{StandardOutput.TrimEnd()}\n--- stderr ---\n{StandardError.TrimEnd()}\n--------------";
}

/// <summary>
/// Runs the <c>dotnet</c> CLI in a clean environment: no MSBuild variables inherited from the test host
/// (<c>dotnet test</c> sets some), no build servers left behind, English messages, no telemetry.
/// </summary>
public static class DotNet
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <param name="workingDirectory">Where the process starts.</param>
    /// <param name="arguments">The CLI arguments.</param>
    /// <param name="timeout">How long before the process tree is killed; five minutes when null.</param>
    /// <param name="environment">Variables set (or, with a null value, removed) after the clean-up above, for example a culture (LANG, LC_ALL).</param>
    public static Task<ProcessResult> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null) =>
        RunProgramAsync(DotNetHost(), "dotnet", workingDirectory, arguments, timeout, environment);

    /// <summary>
    /// Runs another program (an installed tool's command, for example) in the same clean environment as
    /// <see cref="RunAsync"/>, with <c>DOTNET_ROOT</c> set to the folder of the <c>dotnet</c> that runs the tests so
    /// that a framework-dependent app host finds the runtime.
    /// </summary>
    /// <param name="program">The executable.</param>
    /// <param name="workingDirectory">Where the process starts.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="timeout">How long before the process tree is killed; five minutes when null.</param>
    /// <param name="environment">Variables set (or, with a null value, removed) after the clean-up.</param>
    public static Task<ProcessResult> RunToolAsync(
        string program,
        string workingDirectory,
        IReadOnlyList<string> arguments,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var variables = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>(), StringComparer.Ordinal);
        if (!variables.ContainsKey("DOTNET_ROOT") && DotNetRoot() is { } root)
        {
            variables["DOTNET_ROOT"] = root;
        }

        return RunProgramAsync(program, Path.GetFileName(program), workingDirectory, arguments, timeout, variables);
    }

    private static async Task<ProcessResult> RunProgramAsync(
        string program,
        string displayName,
        string workingDirectory,
        IReadOnlyList<string> arguments,
        TimeSpan? timeout,
        IReadOnlyDictionary<string, string?>? environment)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in startInfo.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) ||
                name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) ||
                name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase))
            {
                startInfo.Environment.Remove(name);
            }
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en-US";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        var commandLine = displayName + " " + string.Join(" ", arguments.Select(Quote));
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();

        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            // Ends only the process this method started, with its children (MSBuild nodes, the compiler).
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            lock (stderr)
            {
                stderr.AppendLine($"[test harness] killed after {(timeout ?? DefaultTimeout).TotalSeconds:F0} s");
            }
        }

        // WaitForExit without a timeout also drains the asynchronous output readers.
        process.WaitForExit();
        stopwatch.Stop();

        string Out() { lock (stdout) { return stdout.ToString(); } }
        string Err() { lock (stderr) { return stderr.ToString(); } }
        var result = new ProcessResult(commandLine, workingDirectory, process.ExitCode, Out(), Err(), stopwatch.Elapsed);
        TestContext.Current.TestOutputHelper?.WriteLine(result.ToString());
        return result;
    }

    private static string DotNetHost()
    {
        // The CLI that runs the tests tells its children where it is; fall back to the PATH.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    /// <summary>The folder of the <c>dotnet</c> host (links resolved), or null when it is only found on the PATH.</summary>
    private static string? DotNetRoot()
    {
        var host = DotNetHost();
        if (!Path.IsPathRooted(host))
        {
            var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(d => Path.Combine(d, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"))
                .FirstOrDefault(File.Exists);
            if (onPath is null)
            {
                return null;
            }

            host = onPath;
        }

        var target = File.ResolveLinkTarget(host, returnFinalTarget: true)?.FullName ?? host;
        return Path.GetDirectoryName(target);
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => !char.IsWhiteSpace(c) && c != '"') ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";
}
