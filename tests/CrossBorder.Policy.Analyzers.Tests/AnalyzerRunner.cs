using System.Collections.Immutable;
using CrossBorder.Policy.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrossBorder.Policy.Analyzers.Tests;

/// <summary>Runs <see cref="CrossBorderFlowAnalyzer"/> through <see cref="CompilationWithAnalyzers"/>, for tests that read messages or scope the analysis to one document.</summary>
internal static class AnalyzerRunner
{
    public static CSharpCompilation Compile(params string[] sources) => Compile(ImmutableArray<MetadataReference>.Empty, sources);

    public static CSharpCompilation Compile(ImmutableArray<MetadataReference> extraReferences, params string[] sources) =>
        Compile(OutputKind.DynamicallyLinkedLibrary, extraReferences, sources);

    public static CSharpCompilation Compile(OutputKind outputKind, ImmutableArray<MetadataReference> extraReferences, params string[] sources)
    {
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: $"File{i}.cs")).ToArray();
        var compilation = CSharpCompilation.Create(
            "TestProject",
            trees,
            TestReferences.All.AddRange(extraReferences),
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "Test source does not compile: " + string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
        return compilation;
    }

    public static CompilationWithAnalyzers WithAnalyzer(Compilation compilation, List<Exception> exceptions)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        return compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CrossBorderFlowAnalyzer()), options);
    }

    public static Task<ImmutableArray<Diagnostic>> RunAsync(params string[] sources) => RunAsync(ImmutableArray<MetadataReference>.Empty, sources);

    /// <summary>Compiles <paramref name="sources"/> into a library and returns a metadata reference to its image.</summary>
    public static MetadataReference EmitLibrary(string assemblyName, string source)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source) },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new System.IO.MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    public static Task<ImmutableArray<Diagnostic>> RunAsync(ImmutableArray<MetadataReference> extraReferences, params string[] sources) =>
        RunAsync(Compile(extraReferences, sources));

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation)
    {
        var exceptions = new List<Exception>();
        var diagnostics = await WithAnalyzer(compilation, exceptions).GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
        Assert.Empty(exceptions);
        return diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }
}
