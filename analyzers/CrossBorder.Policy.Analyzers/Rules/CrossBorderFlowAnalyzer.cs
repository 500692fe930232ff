using System;
using System.Collections.Immutable;
using CrossBorder.Policy.Analyzers.Flow;
using CrossBorder.Policy.Analyzers.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CrossBorder.Policy.Analyzers.Rules;

/// <summary>
/// The transfer rules CBDT1001 to CBDT1005: classified data that reaches an outbound sink whose
/// endpoint is foreign (or unknown). One <see cref="FlowEngine"/> per compilation; every finding is reported from
/// the operation block of the method being analysed, at the sink or at the call whose callee reaches a sink,
/// so that the IDE's open-document analysis sees it. Never from CompilationEnd.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CrossBorderFlowAnalyzer : DiagnosticAnalyzer
{
    private readonly Action<FlowEngine>? _onEngineCreated;

    /// <summary>Creates the analyzer.</summary>
    public CrossBorderFlowAnalyzer()
    {
    }

    /// <summary>For tests: <paramref name="onEngineCreated"/> sees each compilation's engine (its counters).</summary>
    internal CrossBorderFlowAnalyzer(Action<FlowEngine> onEngineCreated)
    {
        _onEngineCreated = onEngineCreated;
    }

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ClassifiedDataReachesForeignEndpoint,
        DiagnosticDescriptors.CoreDataReachesForeignEndpoint,
        DiagnosticDescriptors.AuthorizationMechanismNotAdequate,
        DiagnosticDescriptors.AuthorizationNotInForce,
        DiagnosticDescriptors.ClassifiedDataReachesUnresolvedEndpoint,
        DiagnosticDescriptors.AuthorizedTransfer);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var known = KnownTypeSymbols.Create(context.Compilation, context.CancellationToken);
        if (!known.ReferencesPolicyAttributes)
        {
            return;
        }

        var policy = PolicyContext.Create(context.Options, context.TryGetValue);
        var engine = FlowEngine.Create(context.Compilation, policy, context.Options.AnalyzerConfigOptionsProvider);
        _onEngineCreated?.Invoke(engine);
        context.RegisterOperationBlockAction(blockContext => AnalyzeBlock(blockContext, engine));
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, FlowEngine engine)
    {
        if (context.OwningSymbol is not IMethodSymbol method)
        {
            return;
        }

        // Methods from which no sink is reachable cannot report: no graph, no summary (issue 4's cost rule).
        if (!engine.ShouldAnalyzeBlock(method, context.OperationBlocks, context.CancellationToken))
        {
            return;
        }

        ControlFlowGraph? graph = null;
        foreach (var block in context.OperationBlocks)
        {
            if (block is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation { Parent: null })
            {
                graph = context.GetControlFlowGraph(block);
                break;
            }
        }

        // Without a body block of a known kind, the engine finds the body from the symbol's syntax itself.
        var summary = engine.GetSummary(method, graph, context.CancellationToken);
        foreach (var finding in engine.GetFindings(method, summary, context.CancellationToken))
        {
            context.ReportDiagnostic(finding.ToDiagnostic());
        }
    }
}
