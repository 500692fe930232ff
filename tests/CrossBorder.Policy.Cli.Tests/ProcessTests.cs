using System.Diagnostics;
using System.Text.Json;

namespace CrossBorder.Policy.Cli.Tests;

/// <summary>Runs the built tool as a separate process: the real Main, real console streams and the real exit code.</summary>
public sealed class ProcessTests
{
    [Fact]
    public void TheBuiltToolVerifiesASampleAndExitsWithFindings()
    {
        var (code, output, error) = RunTool("verify", Repo.Sample("shanghai-retail-findings.json"), "--as-of", "2026-11-26", "--json");

        Assert.Equal(string.Empty, error);
        Assert.Equal(ExitCodes.Findings, code);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(3, document.RootElement.GetProperty("errors").GetInt32());
    }

    [Fact]
    public void TheBuiltToolPrintsOneLineForAMissingFile()
    {
        var (code, output, error) = RunTool("verify", "does-not-exist.json");

        Assert.Equal(ExitCodes.InputError, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal("crossborder: does-not-exist.json: file not found.", error.TrimEnd());
    }

    [Fact]
    public void TheBuiltToolWritesNoEscapeCodesWhenRedirected()
    {
        var (code, output, _) = RunTool("verify", Repo.Sample("jiangsu-ftz-biomedicine.json"), "--as-of", "2026-11-26");

        Assert.Equal(ExitCodes.Success, code);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
        Assert.Contains("OK: 1 file, 3 authorizations checked as of 2026-11-26", output, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) RunTool(params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "crossborder.dll");
        Assert.True(File.Exists(tool), "The tool was not copied to " + tool);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("NO_COLOR");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "crossborder did not finish within 60 s");
        return (process.ExitCode, output.Result, error.Result);
    }
}
