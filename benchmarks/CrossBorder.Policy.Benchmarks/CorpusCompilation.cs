using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using CrossBorder.Policy.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrossBorder.Policy.Benchmarks;

/// <summary>
/// A generated corpus as a compilation: the running framework's assemblies plus the attribute assembly, and for the web
/// shape the ASP.NET Core shared framework of the same version (the <c>Microsoft.AspNetCore.App</c> framework
/// reference of the built corpus).
/// </summary>
internal sealed class CorpusCompilation
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(CreateReferences);
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyWebReferences = new(() => LazyReferences.Value.AddRange(CreateAspNetCoreReferences()));

    private CorpusCompilation(CSharpCompilation compilation, IReadOnlyList<ExpectedDiagnostic> expected, CorpusStats stats)
    {
        Compilation = compilation;
        Expected = expected;
        Stats = stats;
    }

    public CSharpCompilation Compilation { get; }

    public IReadOnlyList<ExpectedDiagnostic> Expected { get; }

    public CorpusStats Stats { get; }

    public static CorpusCompilation Create(int lines, double density, int seed, CorpusShape shape = CorpusShape.Classic)
    {
        var generator = new CorpusGenerator(new CorpusOptions(lines, density, seed, shape));
        var files = generator.Generate();
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, path: f.Path)).ToList();
        var compilation = CSharpCompilation.Create(
            "Corpus",
            trees,
            shape == CorpusShape.Web ? LazyWebReferences.Value : LazyReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        return new CorpusCompilation(compilation, generator.Expected, generator.Stats);
    }

    private static IEnumerable<MetadataReference> CreateAspNetCoreReferences()
    {
        // .../shared/Microsoft.NETCore.App/<version>/ -> .../shared/Microsoft.AspNetCore.App/<version>/
        var frameworkDirectory = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        var aspNetCore = Path.Combine(frameworkDirectory.Parent!.Parent!.FullName, "Microsoft.AspNetCore.App", frameworkDirectory.Name);
        if (!Directory.Exists(aspNetCore))
        {
            throw new InvalidOperationException("the web shape needs the ASP.NET Core shared framework at " + aspNetCore);
        }

        return Directory.EnumerateFiles(aspNetCore, "*.dll")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
    }

    private static ImmutableArray<MetadataReference> CreateReferences()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
        return trusted
            .Where(path => path.Length > 0 && string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(PersonalInformationAttribute).Assembly.Location))
            .ToImmutableArray();
    }
}
