using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using CrossBorder.Policy.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CrossBorder.Policy.Analyzers.Tests;

/// <summary>An additional file held in memory.</summary>
internal sealed class InMemoryAdditionalText(string path, string? content) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) => content is null ? null : SourceText.From(content);
}

/// <summary>Analyzer config options from dictionaries: global (build_property.*) and per additional file (build_metadata.*).</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> perFile) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(global);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new Options(perFile.TryGetValue(textFile.Path, out var options) ? options : new Dictionary<string, string>());

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}

/// <summary>Runs every analyzer of the assembly with additional files (policy files) and analyzer config options.</summary>
internal static class PolicyRunner
{
    public const string AsOf = "2026-03-01";

    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(RuleIdentifiers).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>Runs the analyzers; <paramref name="policyFiles"/> are (path, content, marked with CrossBorderKind=PolicyFile).</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(
        Compilation compilation,
        IEnumerable<(string Path, string? Content, bool Marked)> policyFiles,
        IReadOnlyDictionary<string, string>? globalOptions = null,
        ImmutableArray<DiagnosticAnalyzer>? analyzers = null)
    {
        var texts = new List<AdditionalText>();
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (path, content, marked) in policyFiles)
        {
            texts.Add(new InMemoryAdditionalText(path, content));
            if (marked)
            {
                perFile[path] = new Dictionary<string, string>(StringComparer.Ordinal) { ["build_metadata.AdditionalFiles.CrossBorderKind"] = "PolicyFile" };
            }
        }

        var global = globalOptions ?? new Dictionary<string, string>(StringComparer.Ordinal) { ["build_property.CrossBorderAsOfDate"] = AsOf };
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(texts.ToImmutableArray(), new TestOptionsProvider(global, perFile)),
            (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers ?? AllAnalyzers(), options).GetAllDiagnosticsAsync(TestContext.Current.CancellationToken);
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Where(d => d.Id.StartsWith("CBDT", StringComparison.Ordinal))
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    public static Task<ImmutableArray<Diagnostic>> RunAsync(string source, string? policy, string? asOf = AsOf) =>
        RunAsync(
            AnalyzerRunner.Compile(source, Rules.CrossBorderFlowAnalyzerTests.Model),
            policy is null ? Array.Empty<(string, string?, bool)>() : new[] { ("/repo/crossborder.json", (string?)policy, true) },
            asOf is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["build_property.CrossBorderAsOfDate"] = asOf });

    public static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Asserts that the analysis reported exactly one diagnostic, the hidden traceability record of an authorized flow
    /// (CBDT1006, status <c>Authorized</c>) naming <paramref name="authorizationId"/>, and returns it.
    /// </summary>
    public static Diagnostic Authorized(ImmutableArray<Diagnostic> diagnostics, string authorizationId)
    {
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(RuleIdentifiers.AuthorizedTransfer, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Hidden, diagnostic.Severity);
        Assert.Equal(DiagnosticPropertyKeys.StatusAuthorized, diagnostic.Properties[DiagnosticPropertyKeys.Status]);
        Assert.Equal(authorizationId, diagnostic.Properties[DiagnosticPropertyKeys.AuthorizationId]);
        return diagnostic;
    }
}
