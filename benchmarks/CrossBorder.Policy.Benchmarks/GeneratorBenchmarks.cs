using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using CrossBorder.Policy.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CrossBorder.Policy.Benchmarks;

/// <summary>
/// The source generator on a generated compilation: a full run with a new driver, and an incremental run of a driver
/// that has already seen the compilation, after an unrelated edit (a number in business logic) and after a relevant
/// edit (a new <c>[PersonalInformation]</c> property on a DTO). The setup asserts the step reasons of both incremental
/// runs (<see cref="GeneratorSteps"/>): after the unrelated edit every step is Cached or Unchanged, after the relevant
/// one Classifications and DirectoryModel are Modified and nothing else; the "Steps" column shows them.
/// </summary>
[Config(typeof(GeneratorConfig))]
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
        // A DTO file that already holds a [PersonalInformation] member: the usual case of adding one more. (Adding the
        // first one to a file also re-runs every Endpoints and Transfers transform of the compilation: see
        // docs/performance.md, "GeneratorBenchmarks".)
        var dtos = _compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath.EndsWith("Dtos.cs", System.StringComparison.Ordinal) && t.ToString().Contains("[PersonalInformation]", System.StringComparison.Ordinal))
            ?? _compilation.SyntaxTrees.First(t => t.FilePath.EndsWith("Dtos.cs", System.StringComparison.Ordinal));
        var dtoText = dtos.GetText();
        var property = dtoText.ToString().IndexOf("public string Region", System.StringComparison.Ordinal);
        _relevant = _compilation.ReplaceSyntaxTree(dtos, dtos.WithChangedText(dtoText.WithChanges(new TextChange(new TextSpan(property, 0), "[PersonalInformation] public string Phone { get; set; } = \"\";\n    "))));
        _warmDriver = CreateDriver().RunGenerators(_compilation);

        var unrelated = _warmDriver.RunGenerators(_unrelated).GetRunResult();
        GeneratorSteps.AssertUnrelated(unrelated, "a number in business logic");
        var relevant = _warmDriver.RunGenerators(_relevant).GetRunResult();
        GeneratorSteps.AssertRelevant(relevant, "a new [PersonalInformation] property", CrossBorderGenerator.StepNames.Classifications, CrossBorderGenerator.StepNames.DirectoryModel);
        StepsColumn.Record(nameof(FullRun), Density, "full run");
        StepsColumn.Record(nameof(IncrementalAfterUnrelatedEdit), Density, GeneratorSteps.Describe(unrelated));
        StepsColumn.Record(nameof(IncrementalAfterRelevantEdit), Density, GeneratorSteps.Describe(relevant));
        System.Console.Out.WriteLine("generator steps after the unrelated edit: " + GeneratorSteps.Describe(unrelated));
        System.Console.Out.WriteLine("generator steps after the relevant edit: " + GeneratorSteps.Describe(relevant));
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

/// <summary><see cref="HeavyConfig"/> plus the <see cref="StepsColumn"/>.</summary>
public sealed class GeneratorConfig : ManualConfig
{
    public GeneratorConfig()
    {
        Add(new HeavyConfig());
        AddColumn(new StepsColumn());
    }
}

/// <summary>
/// The asserted step reasons of each benchmark case, recorded by the setup (the suites run in process, so the column
/// reads what the setup wrote).
/// </summary>
public sealed class StepsColumn : IColumn
{
    private static readonly ConcurrentDictionary<string, string> Values = new(System.StringComparer.Ordinal);

    public string Id => nameof(StepsColumn);

    public string ColumnName => "Steps";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Generator step reasons of the incremental run, asserted in the setup";

    public static void Record(string method, double density, string value) => Values[Key(method, density)] = value;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        Values.TryGetValue(Key(benchmarkCase.Descriptor.WorkloadMethod.Name, System.Convert.ToDouble(benchmarkCase.Parameters["Density"], CultureInfo.InvariantCulture)), out var value) ? value : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private static string Key(string method, double density) => method + "|" + density.ToString("R", CultureInfo.InvariantCulture);
}
