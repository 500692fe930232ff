using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CrossBorder.Policy.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrossBorder.Policy.Benchmarks;

/// <summary>
/// The flow engine on a generated compilation, through <see cref="CompilationWithAnalyzers"/> as the compiler runs it.
/// Each invocation analyses a fresh clone of the compilation (no semantic or summary cache survives), so
/// <see cref="CompileOnly"/> (binding and compiler diagnostics) is the baseline and the difference is the analyzer.
/// </summary>
[Config(typeof(HeavyConfig))]
public class FlowEngineBenchmarks
{
    private CorpusCompilation _corpus = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private SyntaxTree _servicesTree = null!;

    [Params(10000)]
    public int Lines { get; set; }

    [Params(0.05, 0.3)]
    public double Density { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _corpus = CorpusCompilation.Create(Lines, Density, seed: 1);
        _analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new CrossBorderFlowAnalyzer());
        _servicesTree = _corpus.Compilation.SyntaxTrees.First(t => t.FilePath.EndsWith("Services.cs", System.StringComparison.Ordinal));
    }

    /// <summary>Binding and compiler diagnostics of the whole compilation, no analyzer.</summary>
    [Benchmark(Baseline = true)]
    public int CompileOnly() => _corpus.Compilation.Clone().GetDiagnostics().Length;

    /// <summary>Binding, compiler diagnostics and the flow analyzer on every method (a command-line build's analysis).</summary>
    [Benchmark]
    public async Task<int> CompileAndAnalyze()
    {
        var withAnalyzers = _corpus.Compilation.Clone().WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var all = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        return all.Length;
    }

    /// <summary>The analyzer on one document (the IDE's open-document analysis of a services file) in a fresh compilation.</summary>
    [Benchmark]
    public async Task<int> AnalyzeOneDocument()
    {
        var compilation = _corpus.Compilation.Clone();
        var withAnalyzers = compilation.WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var model = compilation.GetSemanticModel(_servicesTree);
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).ConfigureAwait(false);
        return diagnostics.Length;
    }
}
