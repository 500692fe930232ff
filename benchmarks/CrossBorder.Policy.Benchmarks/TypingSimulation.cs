using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrossBorder.Policy.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CrossBorder.Policy.Benchmarks;

/// <summary>
/// Typing simulation (issue 6, part 4): a series of edits to one services document of a generated project. After
/// each edit the compilation is replaced (as the IDE does on every keystroke), the compiler's semantic diagnostics of
/// the document are computed (the baseline the IDE pays anyway), then the analyzers' semantic diagnostics of the same
/// document. Edits alternate between unrelated (a number in business logic) and relevant (a URL's host switched
/// between a foreign and a domestic domain). Prints one row per edit and the medians, in milliseconds.
/// </summary>
internal static class TypingSimulation
{
    public static async Task<int> RunAsync(int lines, double density, int edits)
    {
        var corpus = CorpusCompilation.Create(lines, density, seed: 1);
        var compilation = (Compilation)corpus.Compilation;
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new CrossBorderFlowAnalyzer());
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);

        // The document: the first services file with a literal foreign URL.
        var tree = compilation.SyntaxTrees.First(t => t.FilePath.EndsWith("Services.cs", StringComparison.Ordinal) && t.ToString().Contains(".com/v1/m", StringComparison.Ordinal));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {corpus.Stats.Lines} lines, density {density}, {corpus.Stats.Files} files; document {tree.FilePath} ({tree.GetText().Lines.Count} lines)"));

        // Warm up JIT and the framework's metadata once, on the unedited document (not reported).
        await MeasureAsync(compilation, tree, analyzers, options).ConfigureAwait(false);

        var compilerTimes = new List<double>();
        var unrelated = new List<double>();
        var relevant = new List<double>();
        Console.Out.WriteLine("edit\tkind\tcompiler_ms\tanalyzers_ms\tdiagnostics");
        for (var i = 1; i <= edits; i++)
        {
            var kind = i % 2 == 1 ? "unrelated" : "relevant";
            var text = tree.GetText();
            var source = text.ToString();
            TextChange change;
            if (kind == "unrelated")
            {
                var at = source.IndexOf("var sum = 0m;", StringComparison.Ordinal);
                change = new TextChange(new TextSpan(at, "var sum = 0m;".Length), string.Create(CultureInfo.InvariantCulture, $"var sum = {i}m;"));
                if (at < 0)
                {
                    throw new InvalidOperationException("no business-logic line to edit");
                }
            }
            else
            {
                var com = source.IndexOf(".com/v1/m", StringComparison.Ordinal);
                var cn = source.IndexOf(".cn/v1/m", StringComparison.Ordinal);
                change = com >= 0 && (cn < 0 || (i / 2) % 2 == 1)
                    ? new TextChange(new TextSpan(com, 4), ".cn")
                    : new TextChange(new TextSpan(cn, 3), ".com");
            }

            var newTree = tree.WithChangedText(text.WithChanges(change));
            compilation = compilation.ReplaceSyntaxTree(tree, newTree);
            tree = newTree;
            var (compilerMs, analyzerMs, count) = await MeasureAsync(compilation, tree, analyzers, options).ConfigureAwait(false);
            compilerTimes.Add(compilerMs);
            (kind == "unrelated" ? unrelated : relevant).Add(analyzerMs);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i}\t{kind}\t{compilerMs:F1}\t{analyzerMs:F1}\t{count}"));
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median compiler (document semantic diagnostics): {Median(compilerTimes):F1} ms"));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median analyzers after an unrelated edit: {Median(unrelated):F1} ms; after a relevant edit: {Median(relevant):F1} ms"));
        return 0;
    }

    private static async Task<(double CompilerMs, double AnalyzerMs, int Count)> MeasureAsync(Compilation compilation, SyntaxTree tree, ImmutableArray<DiagnosticAnalyzer> analyzers, CompilationWithAnalyzersOptions options)
    {
        var watch = Stopwatch.StartNew();
        var model = compilation.GetSemanticModel(tree);
        _ = model.GetDiagnostics();
        var compilerMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).ConfigureAwait(false);
        return (compilerMs, watch.Elapsed.TotalMilliseconds, diagnostics.Length);
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
