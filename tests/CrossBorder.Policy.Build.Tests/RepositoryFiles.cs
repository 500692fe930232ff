namespace CrossBorder.Policy.Build.Tests;

internal static class RepositoryFiles
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds Directory.Packages.props.</summary>
    public static string Root { get; } = FindRoot();

    public static string TestProject => Path.Combine(Root, "tests", "CrossBorder.Policy.Build.Tests");

    public static bool UpdateBaselines => string.Equals(Environment.GetEnvironmentVariable("CROSSBORDER_UPDATE_BASELINES"), "1", StringComparison.Ordinal);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
