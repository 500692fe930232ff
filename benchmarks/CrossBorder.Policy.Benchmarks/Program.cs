using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using CrossBorder.Policy.Analyzers.Rules;
using CrossBorder.Policy.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrossBorder.Policy.Benchmarks;

/// <summary>
/// <c>typing [--lines 100000] [--density 0.05] [--edits 21] [--analyzers all|flow] [--shape classic|web]</c>: the typing simulation (asserts the
/// generator's step reasons). <c>generator-steps [--lines 10000] [--density 0.05]</c>: the assertions of the generator
/// suite's setup, without timing.
/// <c>check [--lines 100000] [--density 0.3] [--shape classic|web]</c>: runs the analyzer on an in-memory corpus and compares with the
/// expected diagnostics (exit code 1 on a difference). Anything else goes to BenchmarkDotNet
/// (for example <c>--filter *DecisionEngine*</c>).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] is "typing" or "check" or "generator-steps")
        {
            var lines = int.Parse(Option(args, "--lines", args[0] == "generator-steps" ? "10000" : "100000"), CultureInfo.InvariantCulture);
            var density = double.Parse(Option(args, "--density", "0.05"), CultureInfo.InvariantCulture);
            var shape = Option(args, "--shape", "classic") switch
            {
                "classic" => CorpusShape.Classic,
                "web" => CorpusShape.Web,
                _ => throw new ArgumentException("--shape is classic or web"),
            };
            switch (args[0])
            {
                case "typing":
                    var analyzers = Option(args, "--analyzers", "all");
                    if (analyzers is not ("all" or "flow"))
                    {
                        Console.Error.WriteLine("--analyzers is all or flow");
                        return 2;
                    }

                    return await TypingSimulation.RunAsync(lines, density, shape, int.Parse(Option(args, "--edits", "21"), CultureInfo.InvariantCulture), analyzers == "all").ConfigureAwait(false);
                case "generator-steps":
                    // The setup of GeneratorBenchmarks, which asserts the step reasons, without BenchmarkDotNet.
                    var benchmark = new GeneratorBenchmarks { Lines = lines, Density = density };
                    benchmark.Setup();
                    return 0;
                default:
                    return await CheckAsync(lines, density, shape).ConfigureAwait(false);
            }
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static async Task<int> CheckAsync(int lines, double density, CorpusShape shape)
    {
        var corpus = CorpusCompilation.Create(lines, density, seed: 1, shape);
        var withAnalyzers = corpus.Compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new CrossBorderFlowAnalyzer()),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        var elapsed = watch.Elapsed;
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(withAnalyzers.Analyzers[0], CancellationToken.None).ConfigureAwait(false);
        var actual = diagnostics
            .Where(d => CorpusGenerator.ModeledIds.Contains(d.Id))
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Id}\t{d.Location.SourceTree?.FilePath}\t{d.Location.GetLineSpan().StartLinePosition.Line + 1}"))
            .ToHashSet(StringComparer.Ordinal);
        var expected = corpus.Expected.Select(e => e.ToTsv()).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Except(actual, StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var unexpected = actual.Except(expected, StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToList();
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {corpus.Stats.Lines} lines, density {density}, {corpus.Stats.Types} types ({corpus.Stats.ClassifiedTypes} classified), {corpus.Stats.Flows} flows"));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"analysis (binding included): {elapsed.TotalSeconds:F2} s wall; flow analyzer execution time {telemetry.ExecutionTime.TotalSeconds:F2} s; {telemetry.OperationBlockActionsCount} operation-block actions"));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"expected {expected.Count}, reported {actual.Count}, missing {missing.Count}, unexpected {unexpected.Count}"));
        foreach (var m in missing)
        {
            Console.Out.WriteLine("missing:    " + m);
        }

        foreach (var u in unexpected)
        {
            Console.Out.WriteLine("unexpected: " + u);
        }

        return missing.Count == 0 && unexpected.Count == 0 ? 0 : 1;
    }
}
