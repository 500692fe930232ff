namespace CrossBorder.Policy.Cli.Tests;

/// <summary>Colours appear only on a terminal, and never with --no-color or NO_COLOR.</summary>
public sealed class ColorTests
{
    private const string Escape = "\u001b[";

    private static readonly string[] Args = { "verify", Repo.Sample("shanghai-retail-findings.json"), "--as-of", "2026-11-26" };

    [Fact]
    public void ATerminalGetsColours() =>
        Assert.Contains(Escape, CliRunner.Run(terminal: true, environment: null, Args).Output, StringComparison.Ordinal);

    [Fact]
    public void RedirectedOutputHasNoEscapeCodes() =>
        Assert.DoesNotContain(Escape, CliRunner.Run(terminal: false, environment: null, Args).Output, StringComparison.Ordinal);

    [Fact]
    public void NoColorOptionTurnsColoursOff() =>
        Assert.DoesNotContain(Escape, CliRunner.Run(terminal: true, environment: null, Args.Append("--no-color").ToArray()).Output, StringComparison.Ordinal);

    [Fact]
    public void NoColorEnvironmentVariableTurnsColoursOff() =>
        Assert.DoesNotContain(Escape, CliRunner.Run(terminal: true, environment: new Dictionary<string, string> { ["NO_COLOR"] = "1" }, Args).Output, StringComparison.Ordinal);
}
