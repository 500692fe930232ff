namespace CrossBorder.Policy.Build.Tests;

internal static class RepositoryFiles
{
    /// <summary>The repository root (<see cref="RepositoryRoot"/>).</summary>
    public static string Root => RepositoryRoot.Path;

    public static string TestProject => Path.Combine(Root, "tests", "CrossBorder.Policy.Build.Tests");

    public static bool UpdateBaselines => string.Equals(Environment.GetEnvironmentVariable("CROSSBORDER_UPDATE_BASELINES"), "1", StringComparison.Ordinal);
}
