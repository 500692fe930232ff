namespace CrossBorder.Policy.Cli.Tests;

/// <summary>Every error a user can cause gives one clear line on standard error, no output, no stack trace, and the documented code.</summary>
public sealed class UserErrorTests
{
    public static TheoryData<string[], int, string> Cases()
    {
        var missing = Path.Combine(Repo.Root, "no-such-dir", "crossborder.json");
        var notJson = Repo.Fixture("not-json.txt");
        var notPolicy = Repo.Fixture("package.json");
        var policy = Repo.Sample("minimal.json");
        var manifest = Repo.Fixture("transfers-old.json");
        var directory = Repo.Fixture("data-directory-old.json");
        return new TheoryData<string[], int, string>
        {
            { new[] { "verify", missing }, ExitCodes.InputError, "crossborder.json: file not found." },
            { new[] { "verify", notJson }, ExitCodes.InputError, "not-json.txt(1,1): not valid JSON:" },
            { new[] { "verify", notPolicy }, ExitCodes.InputError, "package.json: not a crossborder policy file or manifest" },
            { new[] { "verify", Repo.Fixture(string.Empty) }, ExitCodes.InputError, "is a directory" },
            { new[] { "verify", policy, "--as-of", "26/11/2026" }, ExitCodes.UsageError, "--as-of: '26/11/2026' is not a date; use yyyy-MM-dd" },
            { new[] { "verify", policy, "--as-of", "2026-02-30" }, ExitCodes.UsageError, "--as-of: '2026-02-30' is not a date" },
            { new[] { "verify", policy, "--warn-days", "-5" }, ExitCodes.UsageError, "--warn-days: -5 is out of range" },
            { new[] { "verify", policy, "--warn-days", "soon" }, ExitCodes.UsageError, "soon" },
            { new[] { "verify" }, ExitCodes.UsageError, "files" },
            { new[] { "verify", policy, "--frobnicate" }, ExitCodes.UsageError, "Unrecognized option '--frobnicate'" },
            { Array.Empty<string>(), ExitCodes.UsageError, "Required command was not provided." },
            { new[] { "frobnicate" }, ExitCodes.UsageError, "Unrecognized command or argument 'frobnicate'" },
            { new[] { "diff", missing, manifest }, ExitCodes.InputError, "crossborder.json: file not found." },
            { new[] { "diff", manifest, notJson }, ExitCodes.InputError, "not-json.txt(1,1): not valid JSON:" },
            { new[] { "diff", notPolicy, manifest }, ExitCodes.InputError, "package.json: not a crossborder policy file or manifest" },
            { new[] { "diff", policy, manifest }, ExitCodes.InputError, "minimal.json: is a policy file; diff compares" },
            { new[] { "diff", manifest, directory }, ExitCodes.InputError, "cannot compare" },
            { new[] { "diff", Repo.Fixture("transfers-invalid.json"), manifest }, ExitCodes.InputError, "transfers-invalid.json(11,5): $.authorizations[0]: missing required property 'purpose'" },
            { new[] { "diff", manifest }, ExitCodes.UsageError, "new" },
            { new[] { "diff", manifest, manifest, "--format", "pdf" }, ExitCodes.UsageError, "--format: 'pdf' is not allowed; use text, md, json." },
            { new[] { "diff", manifest, manifest, "--frobnicate" }, ExitCodes.UsageError, "Unrecognized command or argument '--frobnicate'" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void UserErrorsGiveOneClearLineAndTheDocumentedExitCode(string[] args, int exitCode, string fragment)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        var lines = result.ErrorLines;
        Assert.StartsWith("crossborder: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(fragment, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
        if (exitCode == ExitCodes.UsageError)
        {
            // The problem, then where to find the usage: nothing else.
            Assert.Equal(2, lines.Length);
            Assert.Contains("--help' for usage.", lines[^1], StringComparison.Ordinal);
        }
        else
        {
            Assert.Single(lines);
        }
    }

    [Fact]
    public void HelpListsTheCommandsAndExitsWithSuccess()
    {
        var result = CliRunner.Run("--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("verify", result.Output, StringComparison.Ordinal);
        Assert.Contains("diff", result.Output, StringComparison.Ordinal);
        Assert.Contains("--json", result.Output, StringComparison.Ordinal);
    }
}
