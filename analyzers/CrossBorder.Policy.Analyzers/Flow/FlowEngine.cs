using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>
/// One engine per compilation (created in <c>RegisterCompilationStartAction</c>; nothing is computed eagerly).
/// It holds lazily computed, cached per-method summaries and per-member field values. Summaries are
/// deterministic and monotone, so two threads may compute the same one and publish it with <c>TryAdd</c>; no
/// locks, so mutually recursive methods analysed on two threads cannot deadlock. Recursion is handled per
/// thread with an explicit call stack and Tarjan-style low links: only the root of a strongly connected
/// component publishes, after iterating to a fixpoint (at most <see cref="MaxComponentIterations"/> times).
/// </summary>
internal sealed class FlowEngine
{
    /// <summary>Calls deeper than this are not followed (documented unsoundness).</summary>
    public const int MaxCallDepth = 40;

    /// <summary>The widening cap of a recursive component's fixpoint iteration.</summary>
    public const int MaxComponentIterations = 8;

    /// <summary>A virtual or interface call with more implementations than this in the compilation dispatches to none of them.</summary>
    public const int MaxDispatchTargets = 8;

    private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> _summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, AbsValue> _fieldValues = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IPropertySymbol, bool> _autoProperties = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _called = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, Lazy<ImmutableHashSet<IMethodSymbol>>> _calledThrough = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _dispatch = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _reachesSink = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _mayCarryLabels = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableHashSet<ISymbol>> _storedMembers = new(SymbolEqualityComparer.Default);
    private int _analyzedBodies;
    private int _blocksAnalyzed;
    private int _blocksSkipped;
    private int _sitesBound;
    private int _blocksWithoutLabels;
    private ImmutableArray<INamedTypeSymbol> _sourceTypes;
    private readonly ConcurrentDictionary<SyntaxTree, EntryPointMode> _entryPointModes = new();
    private readonly AnalyzerConfigOptionsProvider? _options;
    private TypedClientIndex? _typedClients;
    private RegistrationIndex? _registrations;
    private CallerIndex? _callers;

    public FlowEngine(Compilation compilation, JurisdictionLookup jurisdictions, SinkCatalog sinks, IReadOnlyList<Authorization>? policyTransfers = null, AuthorizationChecks? checks = null, AnalyzerConfigOptionsProvider? options = null)
    {
        _options = options;
        Compilation = compilation;
        Jurisdictions = jurisdictions;
        Sinks = sinks;
        PolicyTransfers = policyTransfers ?? Array.Empty<Authorization>();
        Checks = checks ?? new AuthorizationChecks(Policy.PolicyContext.Today(), Core.Regulation.ProcessorProfile.Ordinary, Core.Regulation.RegulationOptions.Default);
        Labels = new TypeLabeler();
    }

    /// <summary>The engine of a compilation with its policy file and as-of date.</summary>
    public static FlowEngine Create(Compilation compilation, Policy.PolicyContext policy, AnalyzerConfigOptionsProvider? options = null)
    {
        var document = policy.Document;
        var transfers = new List<Authorization>();
        if (document is not null)
        {
            var fileName = System.IO.Path.GetFileName(policy.Files[0].Text.Path);
            foreach (var transfer in document.Transfers)
            {
                transfers.Add(Authorization.FromPolicyFile(transfer, fileName));
            }
        }

        var checks = new AuthorizationChecks(
            policy.AsOf,
            AuthorizationChecks.GetProcessor(compilation, document),
            document?.Regulation ?? Core.Regulation.RegulationOptions.Default,
            document?.Processor?.ProcessedSubjects);
        return new FlowEngine(compilation, new JurisdictionLookup(compilation, document, policy.Files.IsEmpty ? null : policy.Files[0].Text.Path), SinkCatalog.Default, transfers, checks, options);
    }

    /// <summary>The <c>.editorconfig</c> key that picks the entry-point policy (<see cref="EntryPointMode"/>).</summary>
    public const string EntryPointsKey = AnalyzerOptionKeys.EntryPoints;

    /// <summary>CBDT1003/CBDT1004 on covering authorizations.</summary>
    public AuthorizationChecks Checks { get; }

    public Compilation Compilation { get; }

    public JurisdictionLookup Jurisdictions { get; }

    /// <summary>The policy file's transfers, which authorize flows like <c>[CrossBorderTransfer]</c> does.</summary>
    public IReadOnlyList<Authorization> PolicyTransfers { get; }

    public SinkCatalog Sinks { get; }

    /// <summary>Where clients get their endpoints (Core's endpoint catalogue mapped onto symbols).</summary>
    public EndpointCatalog Endpoints { get; } = EndpointCatalog.Default;

    public TypeLabeler Labels { get; }

    /// <summary>How many summaries were computed and published (for tests of laziness).</summary>
    public int SummaryCount => _summaries.Count;

    /// <summary>The methods whose summaries were published, by name, sorted (for tests of laziness).</summary>
    internal IReadOnlyList<string> SummarizedMethods => _summaries.Keys.Select(m => m.ContainingType?.Name + "." + m.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>How many method bodies the intraprocedural analysis ran on (a recursive component counts each iteration).</summary>
    public int AnalyzedBodyCount => Volatile.Read(ref _analyzedBodies);

    /// <summary>Operation blocks that <see cref="ShouldAnalyzeBlock"/> let through.</summary>
    public int BlocksAnalyzed => Volatile.Read(ref _blocksAnalyzed);

    /// <summary>Operation blocks that <see cref="ShouldAnalyzeBlock"/> skipped.</summary>
    public int BlocksSkipped => Volatile.Read(ref _blocksSkipped);

    /// <summary>Operation blocks skipped because they reach a sink but no value in them can carry a label.</summary>
    public int BlocksWithoutLabels => Volatile.Read(ref _blocksWithoutLabels);

    /// <summary>Call sites bound to decide whether methods are called (see <see cref="IsCalled"/>; for tests of cost).</summary>
    public int SitesBound => Volatile.Read(ref _sitesBound);

    /// <summary>
    /// The cheap pre-filter of the operation-block action. A method can report only if a sink is reachable from its
    /// body: a catalogue sink or a <c>[DataSink]</c> called in it (lambdas and local functions included), or a call,
    /// creation or property getter whose source callee (or an implementation it dispatches to) reaches one,
    /// transitively. A method that reaches no sink is not analysed for itself, whatever data it touches; it is
    /// analysed only when a caller needs its summary. No control flow graph is built to decide this.
    /// </summary>
    public bool ShouldAnalyzeBlock(IMethodSymbol method, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        var stack = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default) { [Normalize(method)] = 0 };
        var lowLink = int.MaxValue;
        foreach (var block in blocks)
        {
            if (OperationReachesSink(block, stack, ref lowLink, cancellationToken))
            {
                if (!BlocksMayCarryLabels(method, blocks, cancellationToken))
                {
                    Interlocked.Increment(ref _blocksWithoutLabels);
                    Interlocked.Increment(ref _blocksSkipped);
                    return false;
                }

                Interlocked.Increment(ref _blocksAnalyzed);
                return true;
            }
        }

        Interlocked.Increment(ref _blocksSkipped);
        return false;
    }

    /// <summary>
    /// The second half of the pre-filter: whether any value in the blocks can carry a label. Every label the analysis
    /// finds starts at a value of a classified type (<see cref="TypeLabeler.GetTypeLabels"/> of an operation's type:
    /// locals, parameters, <c>this</c>, creations, returns, elements), a classified member or parameter, a field or
    /// auto-property that the methods and initializers of its type may store a label into (<see cref="GetFieldValue"/>),
    /// or a source method, constructor, getter or method reference that may itself produce one; this follows the same
    /// sources, transitively, without a control flow graph. A block in which none occurs reports nothing (no flow is
    /// reported without data) and is skipped; its summary is still computed when a caller needs it.
    /// </summary>
    internal bool BlocksMayCarryLabels(IMethodSymbol method, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        var stack = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default) { [Normalize(method)] = 0 };
        var lowLink = int.MaxValue;
        foreach (var block in blocks)
        {
            if (OperationMayCarryLabels(block, stack, ref lowLink, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a value produced by <paramref name="symbol"/> (a method's body, or a field's or auto-property's stored
    /// values) may carry a label; see <see cref="SearchDepthFirst"/> for cycles and memoization.
    /// </summary>
    private bool MayCarryLabels(ISymbol symbol, Dictionary<ISymbol, int> stack, ref int lowLink, CancellationToken cancellationToken)
    {
        symbol = symbol is IMethodSymbol method ? Normalize(method) : symbol.OriginalDefinition;
        return SearchDepthFirst(symbol, _mayCarryLabels, stack, ref lowLink, MayCarryLabelsOwn, cancellationToken);
    }

    private bool MayCarryLabelsOwn(ISymbol symbol, Dictionary<ISymbol, int> stack, ref int lowLink, CancellationToken cancellationToken)
    {
        if (symbol is not IMethodSymbol method)
        {
            return StoredValuesMayCarryLabels(symbol, stack, ref lowLink, cancellationToken);
        }

        foreach (var operation in GetBodyOperations(method, cancellationToken))
        {
            if (OperationMayCarryLabels(operation, stack, ref lowLink, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private delegate bool SearchStep(ISymbol symbol, Dictionary<ISymbol, int> stack, ref int lowLink, CancellationToken cancellationToken);

    /// <summary>
    /// A memoized depth-first search over methods (and members) with Tarjan-style low links, for the pre-filter's
    /// questions (<see cref="ReachesSink"/>, <see cref="MayCarryLabels"/>): <paramref name="step"/> answers for the
    /// symbol's own body, recursing through this method. A symbol on the stack counts as "no" (least fixpoint); a
    /// positive answer is always memoized, a negative one only when it does not depend on a symbol still on the stack.
    /// Chains deeper than <see cref="MaxCallDepth"/> answer "yes" (it only costs an analysis, never a finding).
    /// </summary>
    private static bool SearchDepthFirst(ISymbol symbol, ConcurrentDictionary<ISymbol, bool> memo, Dictionary<ISymbol, int> stack, ref int lowLink, SearchStep step, CancellationToken cancellationToken)
    {
        if (memo.TryGetValue(symbol, out var cached))
        {
            return cached;
        }

        if (stack.TryGetValue(symbol, out var depth))
        {
            lowLink = Math.Min(lowLink, depth);
            return false;
        }

        if (stack.Count >= MaxCallDepth)
        {
            return true;
        }

        var own = stack.Count;
        var ownLow = int.MaxValue;
        stack.Add(symbol, own);
        bool found;
        try
        {
            found = step(symbol, stack, ref ownLow, cancellationToken);
        }
        finally
        {
            stack.Remove(symbol);
        }

        if (found || ownLow >= own)
        {
            return memo.GetOrAdd(symbol, found);
        }

        lowLink = Math.Min(lowLink, ownLow);
        return false;
    }

    /// <summary>What <see cref="GetFieldValue"/> joins for a member: its initializers and the stores of its type's methods.</summary>
    private bool StoredValuesMayCarryLabels(ISymbol member, Dictionary<ISymbol, int> stack, ref int lowLink, CancellationToken cancellationToken)
    {
        if (member.ContainingType is null || !IsDeclaredInCompilation(member))
        {
            return false;
        }

        foreach (var initializer in GetInitializerOperations(member, cancellationToken))
        {
            if (OperationMayCarryLabels(initializer, stack, ref lowLink, cancellationToken))
            {
                return true;
            }
        }

        foreach (var writer in GetStoringMethods(member, cancellationToken))
        {
            if (MayCarryLabels(writer, stack, ref lowLink, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The methods of a member's type that may store into it (<see cref="GetStoredMembers"/>): constructors, setters,
    /// "remember" methods, static or not as the member is. The sources of <see cref="GetFieldValue"/>.
    /// </summary>
    private IEnumerable<IMethodSymbol> GetStoringMethods(ISymbol member, CancellationToken cancellationToken)
    {
        foreach (var candidate in member.ContainingType.GetMembers())
        {
            if (candidate is IMethodSymbol method && method.IsStatic == member.IsStatic && HasSourceBody(method)
                && GetStoredMembers(method, cancellationToken).Contains(member))
            {
                yield return method;
            }
        }
    }

    /// <summary>The initializer of a field or property, one per declaration (<c>int _x = ...;</c>, <c>{ get; } = ...;</c>).</summary>
    private IEnumerable<IOperation> GetInitializerOperations(ISymbol member, CancellationToken cancellationToken)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            var model = Compilation.GetSemanticModel(node.SyntaxTree);
            foreach (var child in node.DescendantNodes())
            {
                if (model.GetOperation(child, cancellationToken) is { } operation and (IFieldInitializerOperation or IPropertyInitializerOperation))
                {
                    yield return operation;
                    break;
                }
            }
        }
    }

    private bool OperationMayCarryLabels(IOperation root, Dictionary<ISymbol, int> stack, ref int lowLink, CancellationToken cancellationToken)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation.Type is { } type && !Labels.GetTypeLabels(type, cancellationToken).IsEmpty)
            {
                return true;
            }

            switch (operation)
            {
                case IParameterReferenceOperation parameter:
                    if (!Labels.GetMemberLabels(parameter.Parameter.OriginalDefinition, cancellationToken).IsEmpty)
                    {
                        return true;
                    }

                    break;

                case IMemberReferenceOperation reference:
                {
                    var member = reference.Member.OriginalDefinition;
                    if (!Labels.GetMemberLabels(member, cancellationToken).IsEmpty)
                    {
                        return true;
                    }

                    if (member is IFieldSymbol { IsConst: false } or IPropertySymbol && IsDeclaredInCompilation(member)
                        && (member is IFieldSymbol || IsAutoProperty((IPropertySymbol)member))
                        && MayCarryLabels(member, stack, ref lowLink, cancellationToken))
                    {
                        return true;
                    }

                    if (member is IPropertySymbol { GetMethod: { } getter } && HasSourceBody(getter) && MayCarryLabels(getter, stack, ref lowLink, cancellationToken))
                    {
                        return true;
                    }

                    if (reference is IMethodReferenceOperation { Method: var referenced } && HasSourceBody(referenced) && MayCarryLabels(referenced, stack, ref lowLink, cancellationToken))
                    {
                        return true;
                    }

                    break;
                }

                case IInvocationOperation invocation:
                {
                    var target = invocation.TargetMethod;
                    if (!Labels.GetMemberLabels(target.OriginalDefinition, cancellationToken).IsEmpty)
                    {
                        return true;
                    }

                    if (target.MethodKind != MethodKind.LocalFunction && HasSourceBody(target) && MayCarryLabels(target, stack, ref lowLink, cancellationToken))
                    {
                        return true;
                    }

                    if (invocation.IsVirtual)
                    {
                        foreach (var callee in GetDispatchTargets(invocation, cancellationToken))
                        {
                            if (MayCarryLabels(callee, stack, ref lowLink, cancellationToken))
                            {
                                return true;
                            }
                        }
                    }

                    break;
                }

                case IObjectCreationOperation { Constructor: { } constructor }:
                    if (HasSourceBody(constructor) && MayCarryLabels(constructor, stack, ref lowLink, cancellationToken))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>Whether a sink is reachable from <paramref name="method"/>'s body; see <see cref="SearchDepthFirst"/> for cycles and memoization.</summary>
    private bool ReachesSink(IMethodSymbol method, Dictionary<ISymbol, int> stack, ref int lowLink, CancellationToken cancellationToken) =>
        SearchDepthFirst(Normalize(method), _reachesSink, stack, ref lowLink, ReachesSinkOwn, cancellationToken);

    private bool ReachesSinkOwn(ISymbol symbol, Dictionary<ISymbol, int> stack, ref int lowLink, CancellationToken cancellationToken)
    {
        foreach (var body in GetBodyOperations((IMethodSymbol)symbol, cancellationToken))
        {
            if (OperationReachesSink(body, stack, ref lowLink, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private bool OperationReachesSink(IOperation root, Dictionary<ISymbol, int> stack, ref int lowLink, CancellationToken cancellationToken)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IInvocationOperation invocation:
                {
                    var target = invocation.TargetMethod;
                    if (Sinks.Find(target) is not null || PolicyAttributeNames.Has(target.OriginalDefinition, PolicyAttributeNames.DataSink))
                    {
                        return true;
                    }

                    if (target.MethodKind == MethodKind.LocalFunction)
                    {
                        // Its body is part of this block (a descendant operation).
                        break;
                    }

                    if (HasSourceBody(target) && ReachesSink(target, stack, ref lowLink, cancellationToken))
                    {
                        return true;
                    }

                    if (invocation.IsVirtual)
                    {
                        foreach (var callee in GetDispatchTargets(invocation, cancellationToken))
                        {
                            if (ReachesSink(callee, stack, ref lowLink, cancellationToken))
                            {
                                return true;
                            }
                        }
                    }

                    break;
                }

                case IObjectCreationOperation { Constructor: { } constructor }:
                    if (Sinks.Find(constructor) is not null || (HasSourceBody(constructor) && ReachesSink(constructor, stack, ref lowLink, cancellationToken)))
                    {
                        return true;
                    }

                    break;

                case IPropertyReferenceOperation { Property.GetMethod: { } getter } property:
                    if (HasSourceBody(getter) && !IsAutoProperty((IPropertySymbol)property.Property.OriginalDefinition) && ReachesSink(getter, stack, ref lowLink, cancellationToken))
                    {
                        return true;
                    }

                    break;

                case IMethodReferenceOperation { Method: { MethodKind: not MethodKind.LocalFunction } referenced }:
                    // A method group passed to a call is run there (MethodAnalysis.RunDelegate).
                    if (HasSourceBody(referenced) && ReachesSink(referenced, stack, ref lowLink, cancellationToken))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// The members of its own instance (or static members) that <paramref name="method"/> may store into: assignment
    /// targets and their receivers, array and indexer receivers, and receivers of calls that are not sinks (a library
    /// call's receiver is updated with its arguments). A superset of the members its summary's field stores can
    /// hold, found without building a control flow graph, so that reading a field does not analyse every method of
    /// the type (<see cref="GetFieldValue"/>).
    /// </summary>
    internal ImmutableHashSet<ISymbol> GetStoredMembers(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = Normalize(method);
        if (_storedMembers.TryGetValue(method, out var cached))
        {
            return cached;
        }

        var members = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var body in GetBodyOperations(method, cancellationToken))
        {
            foreach (var operation in body.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IAssignmentOperation assignment:
                        AddTargetMembers(members, assignment.Target);
                        break;
                    case IInvocationOperation { Instance: { } instance } invocation
                        when Sinks.Find(invocation.TargetMethod) is null && !PolicyAttributeNames.Has(invocation.TargetMethod.OriginalDefinition, PolicyAttributeNames.DataSink):
                        AddOwnMember(members, instance);
                        break;
                }
            }
        }

        return _storedMembers.GetOrAdd(method, members.ToImmutable());
    }

    private static void AddTargetMembers(ImmutableHashSet<ISymbol>.Builder members, IOperation target)
    {
        AddOwnMember(members, target);
        switch (target)
        {
            case IMemberReferenceOperation reference:
                AddOwnMember(members, reference.Instance);
                break;
            case IArrayElementReferenceOperation element:
                AddOwnMember(members, element.ArrayReference);
                break;
            case IDeclarationExpressionOperation declaration:
                AddTargetMembers(members, declaration.Expression);
                break;
            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    AddTargetMembers(members, element);
                }

                break;
            case IConversionOperation conversion:
                AddTargetMembers(members, conversion.Operand);
                break;
        }
    }

    private static void AddOwnMember(ImmutableHashSet<ISymbol>.Builder members, IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        switch (operation)
        {
            case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } field:
                members.Add(field.Field.OriginalDefinition);
                break;
            case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } property:
                members.Add(property.Property.OriginalDefinition);
                break;
        }
    }

    /// <summary>The bound body of a source method (the root operation of each declaring syntax).</summary>
    private IEnumerable<IOperation> GetBodyOperations(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (!HasSourceBody(method))
        {
            yield break;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            var model = Compilation.GetSemanticModel(node.SyntaxTree);
            if (model.GetOperation(node, cancellationToken) is { } operation)
            {
                yield return operation;
            }
        }
    }

    /// <summary>The summary of <paramref name="method"/>; <paramref name="graph"/> is its body's graph when the caller already has it.</summary>
    public MethodSummary GetSummary(IMethodSymbol method, ControlFlowGraph? graph, CancellationToken cancellationToken)
    {
        return GetSummary(method, graph, new CallStack(), cancellationToken);
    }

    /// <summary>
    /// What <paramref name="method"/>'s operation block reports: the findings of its summary, plus, when the method
    /// is an entry point (see <see cref="EntryPointMode"/>), its parameter-dependent flows decided with the labels of
    /// the parameters' declared types.
    /// </summary>
    public ImmutableArray<Finding> GetFindings(IMethodSymbol method, MethodSummary summary, CancellationToken cancellationToken)
    {
        if (summary.ParameterFlows.IsEmpty)
        {
            return summary.Findings;
        }

        method = Normalize(method);
        var mode = GetEntryPointMode(method);
        if (mode == EntryPointMode.None || !IsEntryPoint(method, mode, cancellationToken))
        {
            return summary.Findings;
        }

        return new MethodAnalysis(this, method, new CallStack(), cancellationToken).DecideEntryFlows(summary);
    }

    /// <summary>The entry-point policy for <paramref name="method"/>: <c>crossborder.entry_points</c> of its file, <c>uncalled</c> by default.</summary>
    internal EntryPointMode GetEntryPointMode(IMethodSymbol method)
    {
        if (_options is null || method.DeclaringSyntaxReferences.IsEmpty)
        {
            return EntryPointMode.Uncalled;
        }

        var tree = method.DeclaringSyntaxReferences[0].SyntaxTree;
        return _entryPointModes.GetOrAdd(tree, t => ParseEntryPointMode(_options.GetOptions(t).TryGetValue(EntryPointsKey, out var text) ? text : null));
    }

    /// <summary>Parses an option value; unknown values take the default, <see cref="EntryPointMode.Uncalled"/> (CBDT9201 reports them).</summary>
    internal static EntryPointMode ParseEntryPointMode(string? text)
    {
        return TryParseEntryPointMode(text, out var mode) ? mode : EntryPointMode.Uncalled;
    }

    /// <summary>Whether <paramref name="text"/> is <c>uncalled</c>, <c>public</c> or <c>none</c>, in any case and surrounded by spaces.</summary>
    internal static bool TryParseEntryPointMode(string? text, out EntryPointMode mode)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "NONE":
                mode = EntryPointMode.None;
                return true;
            case "PUBLIC":
                mode = EntryPointMode.Public;
                return true;
            case "UNCALLED":
                mode = EntryPointMode.Uncalled;
                return true;
            default:
                mode = EntryPointMode.Uncalled;
                return false;
        }
    }

    /// <summary>Whether <paramref name="method"/> reports its parameter-dependent flows itself.</summary>
    internal bool IsEntryPoint(IMethodSymbol method, EntryPointMode mode, CancellationToken cancellationToken)
    {
        // A [DataSink] is the sink its callers report; an [Anonymizer] declassifies at its callers.
        if (PolicyAttributeNames.Has(method, PolicyAttributeNames.DataSink) || PolicyAttributeNames.Has(method, PolicyAttributeNames.Anonymizer))
        {
            return false;
        }

        if (mode == EntryPointMode.Public && IsExternallyVisible(method))
        {
            return true;
        }

        return !IsCalled(method, cancellationToken);
    }

    private static bool IsExternallyVisible(IMethodSymbol method)
    {
        for (ISymbol? symbol = method; symbol is not null && symbol.Kind != SymbolKind.Namespace; symbol = symbol.ContainingSymbol)
        {
            if (symbol.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a call site in the compilation instantiates <paramref name="method"/>'s summary: an invocation or
    /// creation that the analyzer analyses and whose target is the method. Only ordinary methods and constructors can
    /// be called that way; accessors, operators, conversions and finalizers never are (the engine does not follow
    /// them at their use), so they are entry points.
    /// </summary>
    internal bool IsCalled(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = Normalize(method);
        if (_called.TryGetValue(method, out var cached))
        {
            return cached;
        }

        var index = _callers;
        if (index is null)
        {
            index = CallerIndex.Build(Compilation, cancellationToken);
            index = Interlocked.CompareExchange(ref _callers, index, null) ?? index;
        }

        var called = false;
        switch (method.MethodKind)
        {
            case MethodKind.Ordinary:
            case MethodKind.ExplicitInterfaceImplementation:
            case MethodKind.ReducedExtension:
                foreach (var name in CallNames(method))
                {
                    called = called || GetCalledThrough(index, CallerIndex.MethodKey(name), cancellationToken).Contains(method);
                }

                break;

            case MethodKind.Constructor:
                called = GetCalledThrough(index, CallerIndex.CreationKey(method.ContainingType.Name), cancellationToken).Contains(method)
                    || GetCalledThrough(index, CallerIndex.ImplicitCreationKey, cancellationToken).Contains(method)
                    || GetCalledThrough(index, CallerIndex.ConstructorInitializerKey, cancellationToken).Contains(method);
                break;
        }

        return _called.GetOrAdd(method, called);
    }

    /// <summary>
    /// The methods that the call sites of one <see cref="CallerIndex"/> key call: each site's target and, for a virtual
    /// or interface call, the implementations it dispatches to. Computed once per key, so every site is bound once
    /// however many methods share its name (binding a site costs a member's semantic model; asking again per method made
    /// the entry-point check quadratic in the number of methods of a common name).
    /// </summary>
    private ImmutableHashSet<IMethodSymbol> GetCalledThrough(CallerIndex index, string key, CancellationToken cancellationToken)
    {
        // One thread binds a key's sites while the others asking for it wait: on two cores every block asks for the
        // common names at once. A computation cancelled by its caller's token is removed; a waiter whose own token is
        // not cancelled then computes it again.
        while (true)
        {
            var lazy = _calledThrough.GetOrAdd(key, k => new Lazy<ImmutableHashSet<IMethodSymbol>>(() => BindCallSites(index, k, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication));
            try
            {
                return lazy.Value;
            }
            catch (OperationCanceledException)
            {
                ((ICollection<KeyValuePair<string, Lazy<ImmutableHashSet<IMethodSymbol>>>>)_calledThrough).Remove(new KeyValuePair<string, Lazy<ImmutableHashSet<IMethodSymbol>>>(key, lazy));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private ImmutableHashSet<IMethodSymbol> BindCallSites(CallerIndex index, string key, CancellationToken cancellationToken)
    {
        var targets = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var site in index.Get(key, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Interlocked.Increment(ref _sitesBound);
            var model = Compilation.GetSemanticModel(site.SyntaxTree);
            var operation = model.GetOperation(site, cancellationToken);
            if (operation is IExpressionStatementOperation statement)
            {
                operation = statement.Operation;
            }

            var target = operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                IDelegateCreationOperation { Target: IMethodReferenceOperation reference } => reference.Method,
                IMethodReferenceOperation reference => reference.Method,
                _ => null,
            };
            if (target is not null)
            {
                targets.Add(Normalize(target));
            }

            // A call through an interface or virtual method calls the implementations it dispatches to.
            if (operation is IInvocationOperation { IsVirtual: true } virtualCall)
            {
                foreach (var implementation in GetDispatchTargets(virtualCall, cancellationToken))
                {
                    targets.Add(Normalize(implementation));
                }
            }
        }

        return targets.ToImmutable();
    }

    /// <summary>The names a call to <paramref name="method"/> may use: its own, and those of the members it implements or overrides.</summary>
    private static IEnumerable<string> CallNames(IMethodSymbol method)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        if (method.MethodKind != MethodKind.ExplicitInterfaceImplementation)
        {
            names.Add(method.Name);
        }

        foreach (var implemented in method.ExplicitInterfaceImplementations)
        {
            names.Add(implemented.Name);
        }

        return names;
    }

    /// <summary>Whether <paramref name="symbol"/> is declared in this compilation (not in a referenced assembly).</summary>
    internal bool IsDeclaredInCompilation(ISymbol symbol) => SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Compilation.Assembly);

    /// <summary>
    /// The methods with a source body that a virtual or interface call may run: those of
    /// <see cref="GetDispatchTargets(IMethodSymbol, ITypeSymbol?, CancellationToken)"/> for its target, limited to
    /// the types the receiver's static type admits (a call on an <c>HttpResponseMessage</c> through
    /// <c>IDisposable.Dispose</c> runs none of the compilation's <c>Dispose</c> methods).
    /// </summary>
    internal ImmutableArray<IMethodSymbol> GetDispatchTargets(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        if (!invocation.IsVirtual)
        {
            return ImmutableArray<IMethodSymbol>.Empty;
        }

        var receiver = invocation.Instance;
        while (receiver is IConversionOperation conversion)
        {
            receiver = conversion.Operand;
        }

        return GetDispatchTargets(invocation.TargetMethod, receiver?.Type, cancellationToken);
    }

    /// <summary>
    /// The methods with a source body that a virtual or interface call of <paramref name="target"/> on a receiver of
    /// static type <paramref name="receiverType"/> may run: the target itself when it has a body, its overrides and,
    /// for an interface member, its implementations, in the types of this compilation that are a
    /// <paramref name="receiverType"/>. Empty when the call cannot dispatch (static, non-virtual or sealed) or when
    /// there are more than <see cref="MaxDispatchTargets"/> of them (the call then uses the static target only).
    /// </summary>
    internal ImmutableArray<IMethodSymbol> GetDispatchTargets(IMethodSymbol target, ITypeSymbol? receiverType, CancellationToken cancellationToken)
    {
        var all = GetAllDispatchTargets(target, cancellationToken);
        if (receiverType is INamedTypeSymbol receiver && !all.IsEmpty)
        {
            all = all.Where(m => IsA(m.ContainingType, receiver.OriginalDefinition)).ToImmutableArray();
        }

        return all.Length > MaxDispatchTargets ? ImmutableArray<IMethodSymbol>.Empty : all;
    }

    private static bool IsA(INamedTypeSymbol type, INamedTypeSymbol receiver)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, receiver))
            {
                return true;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, receiver))
            {
                return true;
            }
        }

        return false;
    }

    private ImmutableArray<IMethodSymbol> GetAllDispatchTargets(IMethodSymbol target, CancellationToken cancellationToken)
    {
        target = Normalize(target);
        if (target.IsStatic || target.MethodKind != MethodKind.Ordinary
            || !(target.IsVirtual || target.IsAbstract || target.IsOverride || target.ContainingType.TypeKind == TypeKind.Interface)
            || (target.IsSealed && target.ContainingType.TypeKind != TypeKind.Interface))
        {
            return ImmutableArray<IMethodSymbol>.Empty;
        }

        if (_dispatch.TryGetValue(target, out var cached))
        {
            return cached;
        }

        var found = new List<IMethodSymbol>();
        var isInterface = target.ContainingType.TypeKind == TypeKind.Interface;
        foreach (var type in GetSourceTypes(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                continue;
            }

            if (isInterface)
            {
                foreach (var implemented in type.AllInterfaces)
                {
                    if (!SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, target.ContainingType))
                    {
                        continue;
                    }

                    foreach (var member in implemented.GetMembers(target.Name))
                    {
                        if (member is IMethodSymbol candidate
                            && SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, target)
                            && type.FindImplementationForInterfaceMember(candidate) is IMethodSymbol implementation)
                        {
                            found.Add(Normalize(implementation));
                        }
                    }
                }
            }
            else
            {
                foreach (var member in type.GetMembers(target.Name))
                {
                    for (var overridden = (member as IMethodSymbol)?.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                    {
                        if (SymbolEqualityComparer.Default.Equals(Normalize(overridden), target))
                        {
                            found.Add(Normalize((IMethodSymbol)member));
                            break;
                        }
                    }
                }
            }
        }

        if (HasSourceBody(target))
        {
            found.Add(target);
        }

        var targets = found
            .Where(HasSourceBody)
            .Distinct<IMethodSymbol>(SymbolEqualityComparer.Default)
            .OrderBy(m => m.ToDisplayString(), StringComparer.Ordinal)
            .ToImmutableArray();
        return _dispatch.GetOrAdd(target, targets);
    }

    /// <summary>Every named type declared in this compilation, nested ones included (computed once).</summary>
    private ImmutableArray<INamedTypeSymbol> GetSourceTypes(CancellationToken cancellationToken)
    {
        if (!_sourceTypes.IsDefault)
        {
            return _sourceTypes;
        }

        var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        var namespaces = new Stack<INamespaceSymbol>();
        namespaces.Push(Compilation.Assembly.GlobalNamespace);
        while (namespaces.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ns = namespaces.Pop();
            foreach (var member in ns.GetMembers())
            {
                if (member is INamespaceSymbol child)
                {
                    namespaces.Push(child);
                }
                else if (member is INamedTypeSymbol type)
                {
                    AddWithNested(types, type);
                }
            }
        }

        var result = types.ToImmutable();
        ImmutableInterlocked.InterlockedInitialize(ref _sourceTypes, result);
        return _sourceTypes;
    }

    private static void AddWithNested(ImmutableArray<INamedTypeSymbol>.Builder types, INamedTypeSymbol type)
    {
        types.Add(type);
        foreach (var nested in type.GetTypeMembers())
        {
            AddWithNested(types, nested);
        }
    }

    internal static IMethodSymbol Normalize(IMethodSymbol method)
    {
        method = method.PartialImplementationPart ?? method;
        return method.OriginalDefinition;
    }

    /// <summary>Whether the engine analyses <paramref name="method"/>'s body instead of treating it as library code.</summary>
    internal bool HasSourceBody(IMethodSymbol method)
    {
        method = Normalize(method);
        // Implicitly declared members (record Clone, default constructors) and primary constructors have no
        // body of their own: they are treated like library code (pass-through).
        if (method.IsAbstract
            || method.IsExtern
            || method.IsImplicitlyDeclared
            || method.DeclaringSyntaxReferences.Length == 0
            || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, Compilation.Assembly))
        {
            return false;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax)
            {
                return true;
            }
        }

        return false;
    }

    internal MethodSummary GetSummary(IMethodSymbol method, ControlFlowGraph? graph, CallStack stack, CancellationToken cancellationToken)
    {
        method = Normalize(method);
        if (_summaries.TryGetValue(method, out var cached))
        {
            return cached;
        }

        var onStack = stack.IndexOf(method);
        if (onStack >= 0)
        {
            stack.MarkRecursion(onStack);
            return stack.Frames[onStack].Provisional ?? MethodSummary.Empty;
        }

        if (stack.Frames.Count >= MaxCallDepth)
        {
            return MethodSummary.Empty;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var frame = stack.Push(method);
        MethodSummary result;
        try
        {
            var iteration = 0;
            while (true)
            {
                frame.Recursed = false;
                result = Analyze(method, graph, stack, cancellationToken);
                iteration++;
                if (!frame.Recursed || iteration >= MaxComponentIterations)
                {
                    break;
                }

                var signature = result.Signature();
                if (frame.Provisional is not null && string.Equals(frame.ProvisionalSignature, signature, StringComparison.Ordinal))
                {
                    break;
                }

                frame.Provisional = result;
                frame.ProvisionalSignature = signature;
            }
        }
        finally
        {
            stack.Pop();
        }

        if (frame.LowLink < frame.Index)
        {
            // Part of a component whose root is further down the stack: provisional, not published.
            stack.Frames[stack.Frames.Count - 1].LowLink = Math.Min(stack.Frames[stack.Frames.Count - 1].LowLink, frame.LowLink);
            return result;
        }

        return _summaries.GetOrAdd(method, result);
    }

    private MethodSummary Analyze(IMethodSymbol method, ControlFlowGraph? graph, CallStack stack, CancellationToken cancellationToken)
    {
        graph ??= GetBodyGraph(method, cancellationToken);
        if (graph is null)
        {
            return MethodSummary.Empty;
        }

        Interlocked.Increment(ref _analyzedBodies);
        return new MethodAnalysis(this, method, stack, cancellationToken).Run(graph);
    }

    private ControlFlowGraph? GetBodyGraph(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (!HasSourceBody(method))
        {
            return null;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            // RS1030 does not apply: this is not the DiagnosticAnalyzer class. Inside an analyzer driver the
            // compilation hands out the driver's shared semantic model (dotnet/roslyn#46508; measured in
            // flow-engine.md Q2), so this does not bind the tree again.
            var model = Compilation.GetSemanticModel(node.SyntaxTree);
            var operation = model.GetOperation(node, cancellationToken);
            switch (operation)
            {
                case IMethodBodyOperation body:
                    return ControlFlowGraph.Create(body, cancellationToken);
                case IConstructorBodyOperation constructor:
                    return ControlFlowGraph.Create(constructor, cancellationToken);
                case IBlockOperation { Parent: null } block:
                    return ControlFlowGraph.Create(block, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>
    /// The value a field or auto-property holds outside its constructors: the join of what every constructor of
    /// its type and its initializer store into it (paths dropped: they belong to the constructors).
    /// </summary>
    internal AbsValue GetFieldValue(ISymbol member, CallStack stack, CancellationToken cancellationToken)
    {
        if (_fieldValues.TryGetValue(member, out var cached))
        {
            return cached;
        }

        if (member.ContainingType is null || !IsDeclaredInCompilation(member))
        {
            return AbsValue.Empty;
        }

        if (stack.FieldsInProgress.TryGetValue(member, out var requester))
        {
            // Re-entered while computing this field's value: like recursion, nothing above the requesting
            // frame may publish, and the requesting frame iterates to a fixpoint.
            if (requester >= 0)
            {
                stack.MarkRecursion(requester);
            }

            return AbsValue.Empty;
        }

        stack.FieldsInProgress.Add(member, stack.Frames.Count - 1);

        AbsValue? value = null;
        var provisional = false;
        try
        {
            // Every method of the type may store into the field (constructors, setters, "remember" methods):
            // a field stored by one method and sent by another is a flow. Parameter paths of a store become
            // the labels of the parameter's declared type (whatever a caller passes has that type).
            foreach (var method in GetStoringMethods(member, cancellationToken))
            {
                provisional |= stack.IndexOf(Normalize(method)) >= 0;
                var summary = GetSummary(method, null, stack, cancellationToken);
                if (summary.FieldStores.TryGetValue(member, out var stored))
                {
                    value = AbsValue.Join(value, ResolveParamsByType(stored, method, cancellationToken));
                }
            }

            foreach (var initializer in GetInitializerOperations(member, cancellationToken))
            {
                var graph = initializer is IFieldInitializerOperation field
                    ? ControlFlowGraph.Create(field, cancellationToken)
                    : ControlFlowGraph.Create((IPropertyInitializerOperation)initializer, cancellationToken);
                var summary = new MethodAnalysis(this, null, stack, cancellationToken).Run(graph);
                if (summary.FieldStores.TryGetValue(member, out var initial))
                {
                    value = AbsValue.Join(value, initial.WithParams(ImmutableParams.Empty));
                }
            }
        }
        finally
        {
            stack.FieldsInProgress.Remove(member);
        }

        if (provisional)
        {
            // Computed while one of the storing methods was itself being analysed: not final, not cached.
            return value ?? AbsValue.Empty;
        }

        return _fieldValues.GetOrAdd(member, value ?? AbsValue.Empty);
    }

    /// <summary>The labels a value passed to <paramref name="parameter"/> has by declaration: its type's and the parameter's own attributes (origin <c>owner(name)</c>).</summary>
    internal LabelSet GetParameterLabels(IParameterSymbol parameter, string owner, CancellationToken cancellationToken) =>
        Labels.GetTypeLabels(parameter.Type, cancellationToken).Union(TypeLabeler.GetOwnLabels(parameter, owner + "(" + parameter.Name + ")"));

    /// <summary>
    /// The labels a parameter path of <paramref name="method"/> carries by declaration (whatever a caller passes has
    /// that type): the parameter's (<see cref="GetParameterLabels"/>), or for a member path, with member precision as
    /// for concrete values, the member's when the parameter's type is classified.
    /// </summary>
    internal LabelSet GetDeclaredLabels(IMethodSymbol method, AccessPath path, CancellationToken cancellationToken)
    {
        if (path.Parameter < 0 || path.Parameter >= method.Parameters.Length)
        {
            return LabelSet.Empty;
        }

        var parameter = method.Parameters[path.Parameter];
        if (path.Member is null)
        {
            return GetParameterLabels(parameter, method.Name, cancellationToken);
        }

        return Labels.GetTypeLabels(parameter.Type, cancellationToken).IsEmpty ? LabelSet.Empty : Labels.GetMemberLabels(path.Member, cancellationToken);
    }

    private AbsValue ResolveParamsByType(AbsValue stored, IMethodSymbol method, CancellationToken cancellationToken)
    {
        var labels = LabelSet.Empty;
        foreach (var path in stored.Flatten().Params)
        {
            labels = labels.Union(GetDeclaredLabels(method, path, cancellationToken));
        }

        var result = stored.WithParams(ImmutableParams.Empty).AddLabels(labels);
        foreach (var pair in stored.Members)
        {
            result = result.WithMember(pair.Key, pair.Value.WithParams(ImmutableParams.Empty));
        }

        return result;
    }

    /// <summary>The base addresses registered for a typed client with <c>AddHttpClient&lt;T&gt;</c>, if any.</summary>
    internal ImmutableSortedSet<string>? GetTypedClientBases(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var index = _typedClients;
        if (index is null)
        {
            // Deterministic: two threads may build it; either result is the same.
            index = TypedClientIndex.Build(Compilation, cancellationToken);
            index = Interlocked.CompareExchange(ref _typedClients, index, null) ?? index;
        }

        return index.GetBases(type);
    }

    /// <summary>The client registrations of the compilation (named HttpClients, Refit interfaces); built on first use.</summary>
    internal RegistrationIndex GetRegistrations(CancellationToken cancellationToken)
    {
        var index = _registrations;
        if (index is null)
        {
            // Deterministic: two threads may build it; either result is the same.
            index = RegistrationIndex.Build(Compilation, Core.Sinks.SinkCatalogue.Registrations, cancellationToken);
            index = Interlocked.CompareExchange(ref _registrations, index, null) ?? index;
        }

        return index;
    }

    /// <summary>Whether a source property is an auto-property (its value is a stored field, not a getter body).</summary>
    internal bool IsAutoProperty(IPropertySymbol property)
    {
        return _autoProperties.GetOrAdd(property, static p =>
        {
            foreach (var member in p.ContainingType.GetMembers())
            {
                if (member is IFieldSymbol field && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, p))
                {
                    return true;
                }
            }

            return false;
        });
    }
}

/// <summary>
/// Which methods report the flows of their parameters themselves (<c>crossborder.entry_points</c>): a method whose
/// parameters reach a sink normally leaves the finding to its callers, which know the data passed.
/// </summary>
internal enum EntryPointMode
{
    /// <summary>Methods that nothing in the compilation calls (controller actions, handlers, public APIs used elsewhere). The default.</summary>
    Uncalled,

    /// <summary>Uncalled methods, and every method visible outside the assembly even when it has callers here.</summary>
    Public,

    /// <summary>No entry points: only callers report parameter flows.</summary>
    None,
}

/// <summary>Shared empty path set.</summary>
internal static class ImmutableParams
{
    public static readonly System.Collections.Immutable.ImmutableHashSet<AccessPath> Empty = System.Collections.Immutable.ImmutableHashSet<AccessPath>.Empty;
}

/// <summary>The per-thread stack of summaries being computed (never shared between threads).</summary>
internal sealed class CallStack
{
    public List<Frame> Frames { get; } = new();

    /// <summary>Fields whose value is being computed, with the index of the frame that asked (-1 outside any frame).</summary>
    public Dictionary<ISymbol, int> FieldsInProgress { get; } = new(SymbolEqualityComparer.Default);

    public int IndexOf(IMethodSymbol method)
    {
        for (var i = Frames.Count - 1; i >= 0; i--)
        {
            if (SymbolEqualityComparer.Default.Equals(Frames[i].Method, method))
            {
                return i;
            }
        }

        return -1;
    }

    public Frame Push(IMethodSymbol method)
    {
        var frame = new Frame(method, Frames.Count);
        Frames.Add(frame);
        return frame;
    }

    public void Pop() => Frames.RemoveAt(Frames.Count - 1);

    /// <summary>A call back into the frame at <paramref name="index"/>: every frame above it joins its component.</summary>
    public void MarkRecursion(int index)
    {
        Frames[index].Recursed = true;
        for (var i = index + 1; i < Frames.Count; i++)
        {
            Frames[i].LowLink = Math.Min(Frames[i].LowLink, index);
        }
    }

    internal sealed class Frame
    {
        public Frame(IMethodSymbol method, int index)
        {
            Method = method;
            Index = index;
            LowLink = index;
        }

        public IMethodSymbol Method { get; }

        public int Index { get; }

        public int LowLink { get; set; }

        public bool Recursed { get; set; }

        public MethodSummary? Provisional { get; set; }

        public string? ProvisionalSignature { get; set; }
    }
}
