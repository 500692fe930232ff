// Linked into every test project: <Compile Include="..\Shared\RepositoryRoot.cs" Link="Shared\RepositoryRoot.cs" />.
namespace CrossBorder.Policy;

/// <summary>
/// The repository's root folder: the nearest folder above the test's output folder that holds <c>Policy.sln</c>. It
/// is found from <see cref="System.AppContext.BaseDirectory"/>, not from the source file's path: CI builds are
/// deterministic (<c>ContinuousIntegrationBuild</c>), so <c>CallerFilePath</c> gives a mapped <c>/_/</c> path there.
/// </summary>
internal static class RepositoryRoot
{
    private static readonly System.Lazy<string> Root = new(Find);

    /// <summary>The root folder's full path.</summary>
    public static string Path => Root.Value;

    /// <summary>The full path of <paramref name="relative"/> ('/' separators) under the root.</summary>
    public static string Combine(string relative) =>
        System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    private static string Find()
    {
        for (var directory = new System.IO.DirectoryInfo(System.AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "Policy.sln")))
            {
                return directory.FullName;
            }
        }

        throw new System.InvalidOperationException("No Policy.sln above " + System.AppContext.BaseDirectory + ": the tests run from the repository's build output.");
    }
}
