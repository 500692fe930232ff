using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Tests;

/// <summary>
/// Metadata references for test compilations, built from the test's own runtime (the shared framework, which
/// includes System.Net.Http.Json and System.Text.Json) plus the CrossBorder.Policy attribute assembly. Nothing is
/// downloaded at test time.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyFramework = new(CreateFramework);

    public static ImmutableArray<MetadataReference> Framework => LazyFramework.Value;

    public static MetadataReference PolicyAttributes { get; } = MetadataReference.CreateFromFile(typeof(PersonalInformationAttribute).Assembly.Location);

    public static ImmutableArray<MetadataReference> All => Framework.Add(PolicyAttributes);

    private static ImmutableArray<MetadataReference> CreateFramework()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
        return trusted
            .Where(path => path.Length > 0 && string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Where(path => !Path.GetFileName(path).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
