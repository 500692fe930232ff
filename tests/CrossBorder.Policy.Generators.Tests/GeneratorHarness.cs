using System.Collections.Immutable;
using System.IO;
using System.Reflection;
using System.Threading;
using CrossBorder.Policy.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CrossBorder.Policy.Generators.Tests;

/// <summary>Builds compilations from the running runtime's assemblies and runs the generator on them.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> RuntimeReferences = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return paths
            .Where(static p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(static p => Path.GetFileName(p) is var name &&
                (name.StartsWith("System.", StringComparison.Ordinal) || name is "System.dll" or "mscorlib.dll" or "netstandard.dll"))
            .Select(static p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(PersonalInformationAttribute).Assembly.Location))
            .ToImmutableArray();
    });

    public static ImmutableArray<MetadataReference> References => RuntimeReferences.Value;

    /// <summary>References without the attribute assembly, for the "not referenced" case.</summary>
    public static ImmutableArray<MetadataReference> ReferencesWithoutAttributes =>
        References.Where(static r => !(r.Display ?? string.Empty).EndsWith("CrossBorder.Policy.dll", StringComparison.Ordinal)).ToImmutableArray();

    public static CSharpCompilation Compile(string assemblyName, IEnumerable<MetadataReference>? extraReferences, params string[] sources) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select(static (s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"File{i}.cs")),
            References.AddRange(extraReferences ?? Enumerable.Empty<MetadataReference>()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(
        IReadOnlyDictionary<string, string>? properties = null,
        IEnumerable<AdditionalText>? additionalTexts = null,
        IReadOnlyDictionary<string, string>? policyFileKinds = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new CrossBorderGenerator().AsSourceGenerator() },
            additionalTexts,
            ParseOptions,
            OptionsProvider(properties ?? new Dictionary<string, string>(), policyFileKinds),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Global <c>build_property.*</c> values, and per additional-file path a <c>CrossBorderKind</c> metadata value.</summary>
    public static AnalyzerConfigOptionsProvider OptionsProvider(
        IReadOnlyDictionary<string, string> properties,
        IReadOnlyDictionary<string, string>? fileKinds = null) =>
        new TestOptionsProvider(properties, fileKinds ?? new Dictionary<string, string>());

    /// <summary>Runs the generator once; returns the driver (for incremental runs), the result and the output compilation.</summary>
    public static (GeneratorDriver Driver, GeneratorRunResult Result, Compilation Output) Run(
        Compilation compilation,
        IReadOnlyDictionary<string, string>? properties = null,
        IEnumerable<AdditionalText>? additionalTexts = null)
    {
        var driver = CreateDriver(properties, additionalTexts);
        return Run(driver, compilation);
    }

    public static (GeneratorDriver Driver, GeneratorRunResult Result, Compilation Output) Run(GeneratorDriver driver, Compilation compilation)
    {
        var ct = TestContext.Current.CancellationToken;
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, ct);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.DoesNotContain(diagnostics, static d => d.Id is "CS8784" or "CS8785");
        return (driver, result, output);
    }

    /// <summary>The generated files as hint name to text.</summary>
    public static IReadOnlyDictionary<string, string> Sources(GeneratorRunResult result) =>
        result.GeneratedSources.ToDictionary(static s => s.HintName, static s => s.SourceText.ToString(), StringComparer.Ordinal);

    public static void AssertCompilesCleanly(Compilation output)
    {
        var errors = output.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(static d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(static d => d.ToString())));
    }

    public static byte[] Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(static d => d.ToString())));
        return stream.ToArray();
    }

    private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly TestOptions _global;
        private readonly IReadOnlyDictionary<string, string> _fileKinds;

        public TestOptionsProvider(IReadOnlyDictionary<string, string> properties, IReadOnlyDictionary<string, string> fileKinds)
        {
            _global = new TestOptions(properties.ToDictionary(static p => "build_property." + p.Key, static p => p.Value, StringComparer.Ordinal));
            _fileKinds = fileKinds;
        }

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            _fileKinds.TryGetValue(textFile.Path, out var kind)
                ? new TestOptions(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.CrossBorderKind"] = kind })
                : TestOptions.Empty;
    }

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        public static readonly TestOptions Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> _values;

        public TestOptions(Dictionary<string, string> values)
        {
            _values = values;
        }

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

/// <summary>An in-memory additional file.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
