using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrossBorder.Policy.Analyzers.Rules;
using CrossBorder.Policy.Corpus;
using CrossBorder.Policy.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CrossBorder.Policy.Benchmarks;

/// <summary>
/// Typing simulation (issue 6, part 4): a series of edits to one services document of a generated project. After
/// each edit the compilation is replaced (as the IDE does on every keystroke), then three things are timed on it: the
/// compiler's semantic diagnostics of the document (the baseline the IDE pays anyway), the analyzers' semantic
/// diagnostics of the same document (a fresh <see cref="CompilationWithAnalyzers"/>, as a new IDE snapshot), and one
/// incremental run of a <see cref="GeneratorDriver"/> that has seen every earlier snapshot.
/// Edits cycle through three kinds:
/// <list type="bullet">
/// <item><c>unrelated</c>: a number in business logic. The generator's steps must all be Cached or Unchanged.</item>
/// <item><c>endpoint</c>: a URL's host switched between a foreign and a domestic domain: relevant to the analyzers, not
/// to the generator (its steps must all be Cached or Unchanged).</item>
/// <item><c>declaration</c>: the <c>Reference</c> of a <c>[CrossBorderTransfer]</c> toggled: the generator's
/// Transfers and DirectoryModel steps must be Modified, and nothing else.</item>
/// </list>
/// A wrong step reason stops the run (exit code 1). Prints one row per edit and the medians, in milliseconds.
/// </summary>
internal static class TypingSimulation
{
    private const string Reference = "Reference = \"SC-";
    private const string ToggledReference = "Reference = \"SX-";

    public static async Task<int> RunAsync(int lines, double density, CorpusShape shape, int edits, bool allAnalyzers)
    {
        var corpus = CorpusCompilation.Create(lines, density, seed: 1, shape);
        var compilation = (Compilation)corpus.Compilation;
        var analyzers = allAnalyzers
            ? typeof(CrossBorderFlowAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray()
            : ImmutableArray.Create<DiagnosticAnalyzer>(new CrossBorderFlowAnalyzer());
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);

        // The document: the first services file with a literal foreign URL and a declared transfer.
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath.EndsWith("Services.cs", StringComparison.Ordinal)
                && t.ToString().Contains(".com/v1/m", StringComparison.Ordinal) && t.ToString().Contains(Reference, StringComparison.Ordinal))
            ?? throw new InvalidOperationException("no services document with a foreign URL and a [CrossBorderTransfer]: use a larger --lines");
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {corpus.Stats.Lines} lines, density {density}, {corpus.Stats.Files} files; document {tree.FilePath} ({tree.GetText().Lines.Count} lines); analyzers: {string.Join(", ", analyzers.Select(a => a.GetType().Name))}"));

        // Warm up JIT and the framework's metadata once, on the unedited document (not reported); the generator's
        // driver sees the unedited compilation first, as after opening the solution.
        await MeasureAsync(compilation, tree, analyzers, options).ConfigureAwait(false);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new CrossBorderGenerator().AsSourceGenerator() },
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        var initial = Stopwatch.StartNew();
        driver = driver.RunGenerators(compilation);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generator, first run on the whole compilation (as in a clean build): {initial.Elapsed.TotalMilliseconds:F1} ms; slowest {GeneratorSteps.Slowest(driver.GetRunResult())}"));

        var compilerTimes = new List<double>();
        var analyzerTimes = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        var generatorTimes = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        Console.Out.WriteLine("| edit | kind | compiler (ms) | analyzers (ms) | diagnostics | generator (ms) | generator steps (asserted) |");
        Console.Out.WriteLine("|---:|---|---:|---:|---:|---:|---|");
        var declarationEdits = 0;
        for (var i = 1; i <= edits; i++)
        {
            var kind = ((i - 1) % 3) switch { 0 => "unrelated", 1 => "endpoint", _ => "declaration" };
            var text = tree.GetText();
            var source = text.ToString();
            TextChange change;
            switch (kind)
            {
                case "unrelated":
                    var at = source.IndexOf("var sum = ", StringComparison.Ordinal);
                    if (at < 0)
                    {
                        throw new InvalidOperationException("no business-logic line to edit");
                    }

                    var end = source.IndexOf("m;", at, StringComparison.Ordinal);

                    change = new TextChange(TextSpan.FromBounds(at, end + 2), string.Create(CultureInfo.InvariantCulture, $"var sum = {i}m;"));
                    break;
                case "endpoint":
                    var com = source.IndexOf(".com/v1/m", StringComparison.Ordinal);
                    var cn = source.IndexOf(".cn/v1/m", StringComparison.Ordinal);
                    change = com >= 0 && (cn < 0 || (i / 3) % 2 == 0)
                        ? new TextChange(new TextSpan(com, 4), ".cn")
                        : new TextChange(new TextSpan(cn, 3), ".com");
                    break;
                default:
                    declarationEdits++;
                    var (find, replace) = declarationEdits % 2 == 1 ? (Reference, ToggledReference) : (ToggledReference, Reference);
                    change = new TextChange(new TextSpan(source.IndexOf(find, StringComparison.Ordinal), find.Length), replace);
                    break;
            }

            var newTree = tree.WithChangedText(text.WithChanges(change));
            compilation = compilation.ReplaceSyntaxTree(tree, newTree);
            tree = newTree;
            var (compilerMs, analyzerMs, count) = await MeasureAsync(compilation, tree, analyzers, options).ConfigureAwait(false);
            var watch = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            var generatorMs = watch.Elapsed.TotalMilliseconds;
            var run = driver.GetRunResult();
            if (kind == "declaration")
            {
                GeneratorSteps.AssertRelevant(run, "a [CrossBorderTransfer] Reference", CrossBorderGenerator.StepNames.Transfers, CrossBorderGenerator.StepNames.DirectoryModel);
            }
            else
            {
                GeneratorSteps.AssertUnrelated(run, kind);
            }

            compilerTimes.Add(compilerMs);
            Add(analyzerTimes, kind, analyzerMs);
            Add(generatorTimes, kind, generatorMs);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {i} | {kind} | {compilerMs:F1} | {analyzerMs:F1} | {count} | {generatorMs:F1} | {GeneratorSteps.Describe(run)} |"));
        }

        Console.Out.WriteLine();
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median compiler (document semantic diagnostics): {Median(compilerTimes):F1} ms"));
        foreach (var (kind, times) in analyzerTimes)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of the {kind} edits ({times.Count}): analyzers {Median(times):F1} ms, generator {Median(generatorTimes[kind]):F1} ms"));
        }

        Console.Out.WriteLine("generator step reasons: as asserted for every edit (unrelated and endpoint: all Cached/Unchanged; declaration: Transfers and DirectoryModel Modified)");
        return 0;
    }

    private static void Add(SortedDictionary<string, List<double>> times, string kind, double value)
    {
        if (!times.TryGetValue(kind, out var list))
        {
            times[kind] = list = new List<double>();
        }

        list.Add(value);
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
