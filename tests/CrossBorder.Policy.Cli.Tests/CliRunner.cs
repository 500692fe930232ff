using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Cli.Tests;

/// <summary>The outcome of one in-process run of <c>crossborder</c>.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Standard error split into lines (no empty trailing line).</summary>
    public string[] ErrorLines => Error.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs <see cref="CliApp.Run"/> with captured output, a fixed "today" and output redirected (no colours).</summary>
public static class CliRunner
{
    public static readonly IsoDate Today = new(2026, 11, 26);

    public static CliResult Run(params string[] args) => Run(terminal: false, environment: null, args);

    public static CliResult Run(bool terminal, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunOn(Today, terminal, environment, args);

    /// <summary>Runs with <paramref name="today"/> as the date the command takes for today.</summary>
    public static CliResult RunOn(IsoDate today, bool terminal, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var env = new CliEnvironment(output, error)
        {
            OutputIsTerminal = terminal,
            Today = today,
            GetEnvironmentVariable = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
        };
        var code = CliApp.Run(args, env);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

/// <summary>Finds files of the repository from the test's output folder.</summary>
public static class Repo
{
    public static string Root => RepositoryRoot.Path;

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Fixture(string name) => PathOf("tests/CrossBorder.Policy.Cli.Tests/Fixtures/" + name);

    public static string Sample(string name) => PathOf("samples/policies/" + name);

    public static IEnumerable<string> SamplePolicies() =>
        Directory.GetFiles(PathOf("samples/policies"), "*.json").Select(Path.GetFileName).OfType<string>().OrderBy(p => p, StringComparer.Ordinal);
}

/// <summary>
/// Compares output with a checked-in baseline under Baselines/. Paths are normalised (the repository root becomes
/// <c>&lt;repo&gt;</c>, separators become '/') and trailing spaces are trimmed. Set CROSSBORDER_UPDATE_BASELINES=1 to
/// rewrite the baselines from the actual output.
/// </summary>
public static class Baseline
{
    public static string Normalize(string text)
    {
        var root = Repo.Root;
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace(root + Path.DirectorySeparatorChar, "<repo>/", StringComparison.Ordinal)
            .Replace(root.Replace("\\", "\\\\", StringComparison.Ordinal) + "\\\\", "<repo>/", StringComparison.Ordinal)
            .Replace(root, "<repo>", StringComparison.Ordinal);
        var lines = normalized.Split('\n').Select(line => line.TrimEnd());
        return string.Join("\n", lines.Select(l => l.Contains("<repo>", StringComparison.Ordinal) ? l.Replace('\\', '/') : l));
    }

    public static void Check(string name, string actual)
    {
        var path = Repo.PathOf("tests/CrossBorder.Policy.Cli.Tests/Baselines/" + name);
        var normalized = Normalize(actual);
        if (string.Equals(Environment.GetEnvironmentVariable("CROSSBORDER_UPDATE_BASELINES"), "1", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalized);
            return;
        }

        Assert.True(File.Exists(path), "Baseline " + name + " is missing; run the tests with CROSSBORDER_UPDATE_BASELINES=1 to create it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, normalized);
    }
}
