namespace CrossBorder.Policy.Generators;

/// <summary>
/// The MSBuild properties the generator reads (as <c>build_property.&lt;Name&gt;</c>). The package's
/// <c>buildTransitive/CrossBorder.Policy.targets</c> must list each as a <c>CompilerVisibleProperty</c>.
/// </summary>
internal static class CrossBorderMSBuildProperties
{
    /// <summary><c>true</c> (default) or <c>false</c>: whether <c>CrossBorderDirectory</c> and the embedded manifest are generated.</summary>
    public const string GenerateDirectory = "CrossBorderGenerateDirectory";

    /// <summary>The namespace of the generated types. Default: <c>RootNamespace</c>, else the assembly name, else <c>CrossBorder.Generated</c>.</summary>
    public const string DirectoryNamespace = "CrossBorderDirectoryNamespace";

    /// <summary><c>internal</c> (default) or <c>public</c>: the accessibility of the generated types.</summary>
    public const string DirectoryAccessibility = "CrossBorderDirectoryAccessibility";

    /// <summary>The SDK's root namespace, the first fallback for <see cref="DirectoryNamespace"/>.</summary>
    public const string RootNamespace = "RootNamespace";
}
