using System.Collections.Immutable;
using CrossBorder.Policy.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrossBorder.Policy.Analyzers.Tests;

/// <summary>Runs <see cref="CrossBorderFlowAnalyzer"/> through <see cref="CompilationWithAnalyzers"/>, for tests that read messages or scope the analysis to one document.</summary>
internal static class AnalyzerRunner
{
    public static CSharpCompilation Compile(params string[] sources)
    {
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: $"File{i}.cs")).ToArray();
        var compilation = CSharpCompilation.Create(
            "TestProject",
            trees,
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
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

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(params string[] sources)
    {
        var exceptions = new List<Exception>();
        var diagnostics = await WithAnalyzer(Compile(sources), exceptions).GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
        Assert.Empty(exceptions);
        return diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }
}
