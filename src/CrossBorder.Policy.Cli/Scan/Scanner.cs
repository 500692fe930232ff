using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CrossBorder.Policy.Analyzers;
using CrossBorder.Policy.Core.Model;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;

namespace CrossBorder.Policy.Cli.Scan;

/// <summary>One CrossBorder diagnostic found by <c>scan</c>.</summary>
internal sealed record ScanFinding(
    string Project,
    string RuleId,
    DiagnosticSeverity Severity,
    string Message,
    string Recipient,
    string? FilePath,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    bool Suppressed,
    string? SuppressionKind,
    string? Justification)
{
    /// <summary>The code facts of a transfer finding (CBDT1001 to CBDT1006), from which <c>scan</c> builds a manifest flow; null for other rules.</summary>
    public FlowFacts? Flow { get; init; }
}

/// <summary>A method of a flow: its documentation comment id and its display (<c>CrmClient.UpsertAsync(Contact)</c>).</summary>
internal sealed record MethodRef(string Id, string Display, string ShortName);

/// <summary>
/// What the compilation says about a transfer finding: the method that holds the finding (where the classified data
/// is concrete), the method it calls there, the sink the data reaches (the analyzers' additional location) and the
/// method that calls the sink, and the diagnostic's properties.
/// </summary>
internal sealed record FlowFacts(MethodRef? Source, MethodRef? Called, MethodRef? Sink, MethodRef? SinkCaller, IReadOnlyDictionary<string, string?> Properties);

/// <summary>What <c>scan</c> found: the findings, the projects analyzed and the problems met while loading them.</summary>
internal sealed record ScanResult(string InputPath, IReadOnlyList<string> Projects, IReadOnlyList<ScanFinding> Findings, IReadOnlyList<string> LoadWarnings)
{
    /// <summary>The output assemblies (<c>Project.OutputFilePath</c>) of the analyzed projects, as the workspace reports them.</summary>
    public IReadOnlyList<string> OutputAssemblies { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The flows an adequate authorization in force covers: the analyzers' hidden traceability records (CBDT1006), in
    /// the order of <see cref="Findings"/>. They are not findings: no exit code, console line or SARIF result counts
    /// them; <c>scan</c> lists them as <c>Authorized</c> flows of <c>transfers.json</c>.
    /// </summary>
    public IReadOnlyList<ScanFinding> AuthorizedFlows { get; init; } = Array.Empty<ScanFinding>();

    /// <summary>
    /// The dates the analyzers decided validity and expiry as of, one per distinct value: the <c>--as-of</c> date when
    /// given, else each project's <c>CrossBorderAsOfDate</c>; a project without one is decided as of today and adds
    /// nothing here.
    /// </summary>
    public IReadOnlyList<IsoDate> AnalyzedAsOf { get; init; } = Array.Empty<IsoDate>();
}

/// <summary>
/// Loads a solution or project with MSBuildWorkspace (design-time build with the SDK that MSBuildLocator finds) and
/// runs the CrossBorder analyzers on every C# project with <see cref="CompilationWithAnalyzers"/>, keeping suppressed
/// diagnostics (with their justification) so that the SARIF log can show them.
/// </summary>
internal static class Scanner
{
    /// <summary>The recipient of a finding whose destination cannot be determined (CBDT1005).</summary>
    internal const string UnresolvedRecipient = "unresolved endpoint";

    private static readonly object LocatorLock = new();

    /// <summary>Registers the .NET SDK's MSBuild once per process, before any MSBuild type is loaded.</summary>
    public static void EnsureMSBuild()
    {
        lock (LocatorLock)
        {
            if (!MSBuildLocator.IsRegistered && MSBuildLocator.CanRegister)
            {
                try
                {
                    MSBuildLocator.RegisterDefaults();
                }
                catch (InvalidOperationException e)
                {
                    throw CliException.Input("scan needs the .NET SDK (MSBuild) to load projects, and none was found: " + e.Message);
                }
            }
        }
    }

    /// <summary>Every analyzer of the CrossBorder analyzer assembly.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() => typeof(RuleIdentifiers).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>True when <paramref name="path"/> names a solution (.sln, .slnx) or a C# project (.csproj).</summary>
    public static bool IsSolutionOrProject(string path) =>
        path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The output assemblies (<c>Project.OutputFilePath</c>) of the C# projects of a solution or project, as a
    /// design-time build reports them, ordered by project name; call <see cref="EnsureMSBuild"/> first. A project that
    /// does not load is a warning in a solution and an input error for a single project.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task<(IReadOnlyList<string> Outputs, IReadOnlyList<string> Warnings)> OutputAssembliesAsync(string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var isSolution = !full.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);
        using var workspace = MSBuildWorkspace.Create();
        IEnumerable<Project> projects = isSolution
            ? (await workspace.OpenSolutionAsync(full, cancellationToken: cancellationToken).ConfigureAwait(false)).Projects
            : (await workspace.OpenProjectAsync(full, cancellationToken: cancellationToken).ConfigureAwait(false)).Solution.Projects;
        var failures = workspace.Diagnostics.Where(d => d.Kind == WorkspaceDiagnosticKind.Failure).Select(d => OneLine(d.Message)).ToList();
        if (!isSolution && failures.Count > 0)
        {
            throw CliException.Input(path + ": cannot be loaded: " + failures[0]);
        }

        var outputs = OwnProjects(projects, full, isSolution)
            .Where(p => p.Language == LanguageNames.CSharp && p.OutputFilePath is not null)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.OutputFilePath!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return (outputs, failures);
    }

    /// <summary>
    /// A solution's own projects are those under its folder: the workspace also loads the projects they reference from
    /// elsewhere (for the bundled sample, this repository's analyzers), which are not the solution's to report on. A
    /// project file's own project and the projects it references are all kept.
    /// </summary>
    private static IEnumerable<Project> OwnProjects(IEnumerable<Project> projects, string fullPath, bool isSolution)
    {
        if (!isSolution)
        {
            return projects;
        }

        var root = Path.GetDirectoryName(fullPath)! + Path.DirectorySeparatorChar;
        return projects.Where(p => p.FilePath is not null && p.FilePath.StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Task<ScanResult> RunAsync(string path, Action<string>? progress, CancellationToken cancellationToken) =>
        RunAsync(path, progress, asOf: null, cancellationToken);

    /// <summary>
    /// Scans <paramref name="path"/>; with <paramref name="asOf"/>, every project's analyzers decide validity and expiry
    /// as of that date instead of the project's <c>CrossBorderAsOfDate</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task<ScanResult> RunAsync(string path, Action<string>? progress, IsoDate? asOf, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var isSolution = full.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || full.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);
        var warnings = new List<string>();
        using var workspace = MSBuildWorkspace.Create();
        IEnumerable<Project> projects;
        progress?.Invoke("loading " + Path.GetFileName(full));
        if (isSolution)
        {
            var solution = await workspace.OpenSolutionAsync(full, cancellationToken: cancellationToken).ConfigureAwait(false);
            projects = solution.Projects;
        }
        else
        {
            var project = await workspace.OpenProjectAsync(full, cancellationToken: cancellationToken).ConfigureAwait(false);
            projects = project.Solution.Projects;
        }

        var failures = workspace.Diagnostics.Where(d => d.Kind == WorkspaceDiagnosticKind.Failure).Select(d => OneLine(d.Message)).ToList();
        if (!isSolution && failures.Count > 0)
        {
            // The one project asked for did not load: there is nothing trustworthy to report.
            throw CliException.Input(path + ": cannot be loaded: " + failures[0]);
        }

        // In a solution, a project that does not load is reported and the others are still analyzed.
        warnings.AddRange(failures);

        var csharp = OwnProjects(projects, full, isSolution).Where(p => p.Language == LanguageNames.CSharp).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.FilePath, StringComparer.Ordinal).ToList();
        var analyzers = Analyzers();
        var findings = new List<ScanFinding>();
        var authorized = new List<ScanFinding>();
        var names = new List<string>();
        var outputs = new List<string>();
        var analyzedAsOf = new SortedSet<IsoDate>();
        for (var i = 0; i < csharp.Count; i++)
        {
            var project = csharp[i];
            var name = project.Name;
            names.Add(name);
            if (project.OutputFilePath is { } outputPath)
            {
                outputs.Add(outputPath);
            }
            progress?.Invoke(string.Format(System.Globalization.CultureInfo.InvariantCulture, "[{0}/{1}] analyzing {2}", i + 1, csharp.Count, name));
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null)
            {
                warnings.Add(name + ": no compilation could be created.");
                continue;
            }

            if (!compilation.References.Any())
            {
                warnings.Add(name + ": the project has no references (run 'dotnet restore' first); its results are incomplete.");
            }

            var analyzerOptions = asOf is { } date
                ? new AnalyzerOptions(project.AnalyzerOptions.AdditionalFiles, new AsOfOptionsProvider(project.AnalyzerOptions.AnalyzerConfigOptionsProvider, date.ToString()))
                : project.AnalyzerOptions;
            if (AnalyzerOptionKeys.TryGetAsOfDate(analyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions, out var parsed))
            {
                analyzedAsOf.Add(parsed);
            }

            var options = new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var d in diagnostics.Where(d => d.Id == "AD0001"))
            {
                // An analyzer threw: its results for this project are missing, which must not pass silently.
                warnings.Add(name + ": " + OneLine(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
            }

            foreach (var d in diagnostics.Where(d => d.Id.StartsWith("CBDT", StringComparison.Ordinal)))
            {
                if (string.Equals(d.Id, AuthorizedRule, StringComparison.Ordinal))
                {
                    // The traceability record of a covered flow, whatever severity the project gives it: never a finding.
                    authorized.Add(ToFinding(name, d, compilation) with { Flow = FlowFactsOf(d, compilation, cancellationToken) });
                }
                else if (d.Severity != DiagnosticSeverity.Hidden)
                {
                    findings.Add(ToFinding(name, d, compilation) with { Flow = TransferRules.Contains(d.Id, StringComparer.Ordinal) ? FlowFactsOf(d, compilation, cancellationToken) : null });
                }
            }
        }

        return new ScanResult(full, names, Ordered(findings), warnings) { OutputAssemblies = outputs, AuthorizedFlows = Ordered(authorized), AnalyzedAsOf = analyzedAsOf.ToList() };
    }

    private static List<ScanFinding> Ordered(IEnumerable<ScanFinding> findings) => findings
        .OrderBy(f => f.Project, StringComparer.Ordinal)
        .ThenBy(f => f.FilePath, StringComparer.Ordinal)
        .ThenBy(f => f.StartLine)
        .ThenBy(f => f.StartColumn)
        .ThenBy(f => f.RuleId, StringComparer.Ordinal)
        .ToList();

    private static ScanFinding ToFinding(string project, Diagnostic d, Compilation compilation)
    {
        var span = d.Location.GetLineSpan();
        string? kind = null;
        string? justification = null;
        if (d.IsSuppressed)
        {
            var info = d.GetSuppressionInfo(compilation);
            if (info?.Attribute is { } attribute)
            {
                kind = "inSource";
                justification = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Justification").Value.Value as string;
            }
            else
            {
                // #pragma warning disable, or a suppressor: in source, without a justification.
                kind = "inSource";
            }
        }

        var message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        return new ScanFinding(
            project,
            d.Id,
            d.Severity,
            message,
            Recipient(d.Properties),
            d.Location.IsInSource ? span.Path : null,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1,
            span.EndLinePosition.Character + 1,
            d.IsSuppressed,
            kind,
            justification);
    }

    /// <summary>The rules whose findings are flows of classified data to a foreign or unresolved endpoint.</summary>
    internal static readonly string[] TransferRules = { "CBDT1001", "CBDT1002", "CBDT1003", "CBDT1004", "CBDT1005" };

    /// <summary>The traceability rule of a flow an adequate authorization in force covers (hidden; not a finding).</summary>
    internal const string AuthorizedRule = RuleIdentifiers.AuthorizedTransfer;

    private static readonly SymbolDisplayFormat MethodDisplay = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private static FlowFacts FlowFactsOf(Diagnostic d, Compilation compilation, CancellationToken cancellationToken)
    {
        var (source, called) = MethodsAt(d.Location, compilation, cancellationToken);
        var sinkLocation = d.AdditionalLocations.FirstOrDefault(l => l.IsInSource);
        var (sinkCaller, sink) = sinkLocation is null ? (null, null) : MethodsAt(sinkLocation, compilation, cancellationToken);
        return new FlowFacts(source, called, sink, sinkCaller, d.Properties);
    }

    /// <summary>The method that contains <paramref name="location"/> (lambdas and local functions belong to their method) and the method invoked there.</summary>
    private static (MethodRef? Containing, MethodRef? Invoked) MethodsAt(Location location, Compilation compilation, CancellationToken cancellationToken)
    {
        var tree = location.SourceTree;
        if (tree is null || !compilation.ContainsSyntaxTree(tree))
        {
            return (null, null);
        }

        var model = compilation.GetSemanticModel(tree);
        var node = tree.GetRoot(cancellationToken).FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        IMethodSymbol? invoked = null;
        for (var n = node; n is not null; n = n.Parent)
        {
            if (n is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax)
            {
                invoked = model.GetSymbolInfo(n, cancellationToken).Symbol as IMethodSymbol;
                if (invoked is not null)
                {
                    break;
                }
            }

            if (n is Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax)
            {
                break;
            }
        }

        var containing = model.GetEnclosingSymbol(location.SourceSpan.Start, cancellationToken);
        while (containing is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            containing = containing.ContainingSymbol;
        }

        return (Ref(containing), Ref(invoked));
    }

    private static MethodRef? Ref(ISymbol? symbol)
    {
        if (symbol is IMethodSymbol method)
        {
            symbol = (method.ReducedFrom ?? method).OriginalDefinition;
        }

        if (symbol is null)
        {
            return null;
        }

        var id = symbol.OriginalDefinition.GetDocumentationCommentId() ?? symbol.ToDisplayString();
        var shortName = symbol.ContainingType is null ? symbol.Name : symbol.ContainingType.Name + "." + symbol.Name;
        return new MethodRef(id, symbol.ToDisplayString(MethodDisplay), shortName);
    }

    /// <summary>
    /// The endpoint of a flow finding from its properties (<see cref="DiagnosticPropertyKeys"/>): <c>host</c>,
    /// <c>host (JURISDICTION)</c>, <c>an endpoint in JURISDICTION</c> for a client bound to a jurisdiction only, or
    /// "unresolved endpoint" when the destination is unknown (CBDT1005) or the finding is not a flow.
    /// </summary>
    internal static string Recipient(IReadOnlyDictionary<string, string?> properties)
    {
        properties.TryGetValue(DiagnosticPropertyKeys.Host, out var host);
        properties.TryGetValue(DiagnosticPropertyKeys.Jurisdiction, out var jurisdiction);
        if (string.IsNullOrEmpty(host))
        {
            return string.IsNullOrEmpty(jurisdiction) ? UnresolvedRecipient : "an endpoint in " + jurisdiction;
        }

        return string.IsNullOrEmpty(jurisdiction) ? host : host + " (" + jurisdiction + ")";
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()));
}

/// <summary>A project's analyzer options with <c>CrossBorderAsOfDate</c> replaced (<c>scan --as-of</c>).</summary>
internal sealed class AsOfOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigOptionsProvider _inner;
    private readonly AnalyzerConfigOptions _global;

    public AsOfOptionsProvider(AnalyzerConfigOptionsProvider inner, string asOf)
    {
        _inner = inner;
        _global = new Overriding(inner.GlobalOptions, AnalyzerOptionKeys.AsOfDate, asOf);
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _inner.GetOptions(tree);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _inner.GetOptions(textFile);

    private sealed class Overriding : AnalyzerConfigOptions
    {
        private readonly AnalyzerConfigOptions _inner;
        private readonly string _key;
        private readonly string _value;

        public Overriding(AnalyzerConfigOptions inner, string key, string value)
        {
            _inner = inner;
            _key = key;
            _value = value;
        }

        public override IEnumerable<string> Keys => _inner.Keys.Contains(_key, KeyComparer) ? _inner.Keys : _inner.Keys.Concat(new[] { _key });

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            if (KeyComparer.Equals(key, _key))
            {
                value = _value;
                return true;
            }

            return _inner.TryGetValue(key, out value);
        }
    }
}
