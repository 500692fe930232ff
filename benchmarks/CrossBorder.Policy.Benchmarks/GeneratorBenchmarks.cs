using System.Linq;
using BenchmarkDotNet.Attributes;
using CrossBorder.Policy.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CrossBorder.Policy.Benchmarks;

/// <summary>
/// The source generator on a generated compilation: a full run with a new driver, and an incremental run of a driver
/// that has already seen the compilation, after an unrelated edit (a number in business logic) and after a relevant
/// edit (a new <c>[PersonalInformation]</c> property on a DTO).
/// </summary>
[Config(typeof(HeavyConfig))]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private Compilation _unrelated = null!;
    private Compilation _relevant = null!;
    private GeneratorDriver _warmDriver = null!;

    [Params(10000)]
    public int Lines { get; set; }

    [Params(0.05, 0.3)]
    public double Density { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CorpusCompilation.Create(Lines, Density, seed: 1).Compilation;
        var services = _compilation.SyntaxTrees.First(t => t.FilePath.EndsWith("Services.cs", System.StringComparison.Ordinal));
        var text = services.GetText();
        var at = text.ToString().IndexOf("var sum = 0m;", System.StringComparison.Ordinal);
        _unrelated = _compilation.ReplaceSyntaxTree(services, services.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, 13), "var sum = 1m;"))));
        var dtos = _compilation.SyntaxTrees.First(t => t.FilePath.EndsWith("Dtos.cs", System.StringComparison.Ordinal));
        var dtoText = dtos.GetText();
        var property = dtoText.ToString().IndexOf("public string Region", System.StringComparison.Ordinal);
        _relevant = _compilation.ReplaceSyntaxTree(dtos, dtos.WithChangedText(dtoText.WithChanges(new TextChange(new TextSpan(property, 0), "[PersonalInformation] public string Phone { get; set; } = \"\";\n    "))));
        _warmDriver = CreateDriver().RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriverRunResult FullRun() => CreateDriver().RunGenerators(_compilation.Clone()).GetRunResult();

    [Benchmark]
    public GeneratorDriverRunResult IncrementalAfterUnrelatedEdit() => _warmDriver.RunGenerators(_unrelated).GetRunResult();

    [Benchmark]
    public GeneratorDriverRunResult IncrementalAfterRelevantEdit() => _warmDriver.RunGenerators(_relevant).GetRunResult();

    private static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        new[] { new CrossBorderGenerator().AsSourceGenerator() },
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
}
