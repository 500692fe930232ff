using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using CrossBorder.Policy.Core.Jurisdictions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>
/// The intraprocedural analysis of one method body (or field initializer): a forward worklist over the control
/// flow graph with state <c>local | parameter | this-member | capture → AbsValue</c>. Assignments to locals are
/// strong updates (flow-sensitive). Catch and finally regions, which have no edges from their try block, are
/// seeded with the join of every out-state. Lambdas and local functions are analysed inline where they are
/// passed or called. Calls to source methods use the callee's summary (virtual and interface calls the union of the
/// implementations' summaries, <see cref="FlowEngine.GetDispatchTargets(IInvocationOperation, CancellationToken)"/>), with the receiver resolving the
/// callee's <c>this</c> paths; library calls pass taint through from receiver and arguments, except <c>bool</c>
/// results (implicit flows are not tracked), counts and lengths.
/// </summary>
internal sealed class MethodAnalysis
{
    private const int MaxNestedGraphDepth = 4;
    private const int IterationsPerBlock = 20;

    private static readonly ImmutableHashSet<string> CleanMemberNames = ImmutableHashSet.Create(StringComparer.Ordinal, "Count", "LongCount", "Length", "LongLength", "IsEmpty", "Any", "All", "Contains", "GetHashCode", "CompareTo", "Equals", "IndexOf", "LastIndexOf", "StartsWith", "EndsWith");

    /// <summary>Library calls whose result is a copy of the collection they are called on (its followed elements pass along).</summary>
    private static readonly ImmutableHashSet<string> CopiesElements = ImmutableHashSet.Create(StringComparer.Ordinal, "ToList", "ToArray", "AsReadOnly", "ToImmutableArray", "ToImmutableList", "AsEnumerable");

    /// <summary>Library calls on a collection that add no element (reads, removals, reordering): its followed elements stay known.</summary>
    private static readonly ImmutableHashSet<string> KeepsElements = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "RemoveWhere", "Clear", "Sort", "Reverse", "TrimExcess", "EnsureCapacity", "CopyTo",
        "GetEnumerator", "Find", "FindAll", "FindIndex", "FindLast", "FindLastIndex", "Exists", "TrueForAll", "ForEach", "BinarySearch", "GetRange",
        "Slice", "ToString", "Peek", "Pop", "Dequeue", "TryPeek", "TryPop", "TryDequeue", "TryGetValue", "ContainsKey", "ContainsValue",
        "IsSubsetOf", "IsSupersetOf", "IsProperSubsetOf", "IsProperSupersetOf", "Overlaps", "SetEquals", "IntersectWith", "ExceptWith", "GetType");

    private readonly FlowEngine _engine;
    private readonly IMethodSymbol? _method;
    private readonly CallStack _stack;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, Finding> _findings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SinkFlow> _flows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntryFlow> _entryFlows = new(StringComparer.Ordinal);
    private readonly AbsValue _thisValue;
    private readonly Dictionary<(ControlFlowGraph, CaptureId), IOperation> _capturedTargets = new();
    private Func<string, string, ImmutableSortedSet<string>?>? _namedBases;
    private readonly bool _thisPaths;
    private ControlFlowGraph? _graph;
    private AbsValue? _yielded;
    private int _nestedDepth;

    public MethodAnalysis(FlowEngine engine, IMethodSymbol? method, CallStack stack, CancellationToken cancellationToken)
    {
        _engine = engine;
        _method = method;
        _stack = stack;
        _cancellationToken = cancellationToken;
        var containing = method?.ContainingType;
        _thisValue = containing is null ? AbsValue.Empty : AbsValue.FromLabels(engine.Labels.GetTypeLabels(containing, cancellationToken));

        // Instance methods read their receiver through "this" paths that callers resolve with the object they call
        // on (constructors build theirs: their stores are the creation's members instead).
        _thisPaths = method is { IsStatic: false, MethodKind: not (MethodKind.Constructor or MethodKind.StaticConstructor) };
        if (_thisPaths && _thisValue.Labels.IsEmpty)
        {
            _thisValue = _thisValue.WithParams(_thisValue.Params.Add(new AccessPath(AccessPath.This, null)));
        }
    }

    private string MethodName => _method is null ? "initializer" : (_method.MethodKind == MethodKind.Constructor ? _method.ContainingType.Name : _method.Name);

    public MethodSummary Run(ControlFlowGraph graph)
    {
        var initial = State.Empty;
        if (_method is not null)
        {
            foreach (var parameter in _method.Parameters)
            {
                var value = AbsValue.FromParameter(new AccessPath(parameter.Ordinal, null))
                    .AddLabels(TypeLabeler.GetOwnLabels(parameter, _method.Name + "(" + parameter.Name + ")"));
                initial = initial.SetItem(parameter, value);
            }
        }

        var (returned, exit) = RunGraph(graph, initial);

        var stores = ImmutableDictionary<ISymbol, AbsValue>.Empty.WithComparers(SymbolEqualityComparer.Default);
        foreach (var pair in exit)
        {
            if (pair.Key is IFieldSymbol or IPropertySymbol)
            {
                stores = stores.SetItem((ISymbol)pair.Key, pair.Value);
            }
        }

        var flows = _flows.Values.OrderBy(f => f.Key, StringComparer.Ordinal).ToImmutableArray();
        var findings = _findings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToImmutableArray();
        var entryFlows = _entryFlows.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToImmutableArray();
        return new MethodSummary(returned, flows, stores, findings, entryFlows);
    }

    /// <summary>
    /// The findings of <paramref name="summary"/> (this analysis' method) when the method is an entry point: its own
    /// findings plus its parameter-dependent flows decided with the labels of the parameters' declared types and
    /// members (whatever a caller outside the compilation passes has those types). A finding of the same rule at the
    /// same place replaces the one with concrete labels only, so nothing is reported twice.
    /// </summary>
    public ImmutableArray<Finding> DecideEntryFlows(MethodSummary summary)
    {
        foreach (var finding in summary.Findings)
        {
            _findings[finding.Key] = finding;
        }

        foreach (var flow in summary.ParameterFlows)
        {
            var data = flow.Data;
            foreach (var path in flow.DataParams)
            {
                data = data.Union(DeclaredLabels(path));
            }

            if (!data.IsEmpty)
            {
                Decide(data, flow.Endpoint, flow.Chain, flow.SinkLocation, flow.Location, flow.Scopes);
            }
        }

        return _findings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToImmutableArray();
    }

    /// <summary>The labels a parameter path carries by declaration (<see cref="FlowEngine.GetDeclaredLabels"/>).</summary>
    private LabelSet DeclaredLabels(AccessPath path) =>
        _method is null ? LabelSet.Empty : _engine.GetDeclaredLabels(_method, path, _cancellationToken);

    /// <summary>
    /// What a parameter of a delegate passed to a call carries: whoever invokes the delegate supplies it, and the engine
    /// does not follow delegate invocations, so it carries what the call passes and, unless entry points are off, the
    /// labels of its declaration.
    /// </summary>
    private AbsValue DelegateParameterValue(AbsValue passed, IParameterSymbol parameter, string owner) =>
        _method is not null && _engine.GetEntryPointMode(_method) != EntryPointMode.None
            ? passed.AddLabels(_engine.GetParameterLabels(parameter, owner, _cancellationToken))
            : passed;

    // ---------------------------------------------------------------- worklist

    private (AbsValue Return, ImmutableDictionary<object, AbsValue> Exit) RunGraph(ControlFlowGraph graph, ImmutableDictionary<object, AbsValue> initial)
    {
        var saved = _graph;
        var savedYield = _yielded;
        _graph = graph;
        _yielded = null;
        try
        {
            var blocks = graph.Blocks;
            var inStates = new ImmutableDictionary<object, AbsValue>?[blocks.Length];
            var outStates = new ImmutableDictionary<object, AbsValue>?[blocks.Length];
            var orphans = new List<int>();
            for (var i = 1; i < blocks.Length; i++)
            {
                if (blocks[i].Predecessors.IsEmpty && blocks[i].Kind == BasicBlockKind.Block)
                {
                    orphans.Add(i);
                }
            }

            inStates[0] = initial;
            var worklist = new SortedSet<int> { 0 };
            var budget = (blocks.Length * IterationsPerBlock) + 100;
            AbsValue? returned = null;
            while (worklist.Count > 0 && budget-- > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var index = worklist.Min;
                worklist.Remove(index);
                var block = blocks[index];
                var state = inStates[index] ?? State.Empty;
                foreach (var operation in block.Operations)
                {
                    Eval(operation, ref state);
                }

                if (block.BranchValue is { } branch)
                {
                    var value = Eval(branch, ref state);
                    if (block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
                    {
                        returned = AbsValue.Join(returned, value);
                    }
                }

                if (outStates[index] is { } previous && State.AreEqual(previous, state))
                {
                    continue;
                }

                outStates[index] = state;
                Propagate(block.FallThroughSuccessor?.Destination, state, inStates, worklist);
                Propagate(block.ConditionalSuccessor?.Destination, state, inStates, worklist);
                foreach (var orphan in orphans)
                {
                    Propagate(blocks[orphan], state, inStates, worklist);
                }
            }

            var exit = inStates[blocks.Length - 1] ?? State.Empty;
            return (AbsValue.Join(returned, _yielded), exit);
        }
        finally
        {
            _graph = saved;
            _yielded = savedYield;
        }
    }

    private static void Propagate(BasicBlock? destination, ImmutableDictionary<object, AbsValue> state, ImmutableDictionary<object, AbsValue>?[] inStates, SortedSet<int> worklist)
    {
        if (destination is null)
        {
            return;
        }

        var current = inStates[destination.Ordinal];
        var joined = current is null ? state : State.Join(current, state);
        if (current is null || !State.AreEqual(current, joined))
        {
            inStates[destination.Ordinal] = joined;
            worklist.Add(destination.Ordinal);
        }
    }

    // ---------------------------------------------------------------- transfer functions

    private AbsValue Eval(IOperation? operation, ref ImmutableDictionary<object, AbsValue> state)
    {
        if (operation is null)
        {
            return AbsValue.Empty;
        }

        if (operation.ConstantValue.HasValue)
        {
            return operation.ConstantValue.Value is string text ? AbsValue.FromLiteral(text) : AbsValue.Empty;
        }

        var value = EvalCore(operation, ref state);
        return operation.Type?.SpecialType == SpecialType.System_Boolean ? AbsValue.Empty : value;
    }

    private AbsValue EvalCore(IOperation operation, ref ImmutableDictionary<object, AbsValue> state)
    {
        switch (operation)
        {
            case IExpressionStatementOperation statement:
                return Eval(statement.Operation, ref state);

            case IFlowCaptureOperation capture:
            {
                if (capture.Value is IFieldReferenceOperation or IPropertyReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation && _graph is not null)
                {
                    // The graph captures an assignment target before an initializer on the right (_x = new X { ... },
                    // and for a local or parameter that is not being declared: x = new { A = p.Email }).
                    _capturedTargets[(_graph, capture.Id)] = capture.Value;
                }

                var value = Eval(capture.Value, ref state);
                state = state.SetItem(capture.Id, value);
                return value;
            }

            case IFlowCaptureReferenceOperation reference:
                return state.TryGetValue(reference.Id, out var captured) ? captured : AbsValue.Empty;

            case ILocalReferenceOperation local:
                return state.TryGetValue(local.Local, out var localValue) ? localValue : AbsValue.Empty;

            case IParameterReferenceOperation parameter:
                return state.TryGetValue(parameter.Parameter, out var parameterValue) ? parameterValue : AbsValue.Empty;

            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                return _thisValue;

            case IInstanceReferenceOperation:
                return _thisValue.WithParams(ImmutableParams.Empty);

            case IFieldReferenceOperation field:
                return ReadMember(field.Instance, field.Field, ref state);

            case IPropertyReferenceOperation property:
                return EvalProperty(property, ref state);

            case ISimpleAssignmentOperation assignment:
            {
                var value = Eval(assignment.Value, ref state);
                Assign(assignment.Target, value, ref state);
                return value;
            }

            case ICompoundAssignmentOperation compound:
            {
                var target = Eval(compound.Target, ref state);
                var value = Eval(compound.Value, ref state);
                var result = compound.OperatorKind == BinaryOperatorKind.Add && compound.Type?.SpecialType == SpecialType.System_String
                    ? AbsValue.Concat(target, value)
                    : AbsValue.Join(target.Taint(), value.Taint());
                Assign(compound.Target, result, ref state);
                return result;
            }

            case ICoalesceAssignmentOperation coalesce:
            {
                var target = Eval(coalesce.Target, ref state);
                var value = AbsValue.Join(target, Eval(coalesce.Value, ref state));
                Assign(coalesce.Target, value, ref state);
                return value;
            }

            case IBinaryOperation binary:
            {
                var left = Eval(binary.LeftOperand, ref state);
                var right = Eval(binary.RightOperand, ref state);
                if (binary.OperatorKind == BinaryOperatorKind.Add && binary.Type?.SpecialType == SpecialType.System_String)
                {
                    return AbsValue.Concat(left, right);
                }

                return AbsValue.Join(left.Taint(), right.Taint());
            }

            case IInterpolatedStringOperation interpolated:
            {
                var result = AbsValue.FromLiteral(string.Empty);
                foreach (var part in interpolated.Parts)
                {
                    var value = part switch
                    {
                        IInterpolatedStringTextOperation text => Eval(text.Text, ref state),
                        IInterpolationOperation interpolation => EvalInterpolation(interpolation, ref state),
                        _ => Eval(part, ref state).Taint(),
                    };
                    result = AbsValue.Concat(result, value);
                }

                return result;
            }

            case IConversionOperation conversion:
                return Eval(conversion.Operand, ref state);

            case IAwaitOperation awaited:
                return Eval(awaited.Operation, ref state);

            case IObjectCreationOperation creation:
                return EvalObjectCreation(creation, ref state);

            case IAnonymousObjectCreationOperation anonymous:
            {
                var result = AbsValue.Empty;
                foreach (var initializer in anonymous.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment)
                    {
                        result = result.WithMember(target.Property.Name, Eval(assignment.Value, ref state));
                    }
                    else
                    {
                        result = AbsValue.Join(result, Eval(initializer, ref state).Taint());
                    }
                }

                return result;
            }

            case IArrayCreationOperation array:
            {
                foreach (var size in array.DimensionSizes)
                {
                    Eval(size, ref state);
                }

                return array.Initializer is null ? AbsValue.Empty : Eval(array.Initializer, ref state);
            }

            case IArrayInitializerOperation initializer:
                return EvalElements(initializer.ElementValues, ref state);

            case IArrayElementReferenceOperation element:
            {
                var array = Eval(element.ArrayReference, ref state);
                foreach (var index in element.Indices)
                {
                    Eval(index, ref state);
                }

                return array.Taint();
            }

            case IInvocationOperation invocation:
                return EvalInvocation(invocation, ref state);

            case IReturnOperation { Kind: OperationKind.YieldReturn } yieldReturn:
                // Iterators: every yielded element is part of what the method returns.
                _yielded = AbsValue.Join(_yielded, Eval(yieldReturn.ReturnedValue, ref state).Taint());
                return AbsValue.Empty;

            case IDelegateCreationOperation:
            case IFlowAnonymousFunctionOperation:
            case IMethodReferenceOperation:
            case IDefaultValueOperation:
            case ICaughtExceptionOperation:
            case ITypeOfOperation:
            case ISizeOfOperation:
            case IStaticLocalInitializationSemaphoreOperation:
                return AbsValue.Empty;

            case IIsTypeOperation isType:
                Eval(isType.ValueOperand, ref state);
                return AbsValue.Empty;

            case IIsPatternOperation isPattern:
                Eval(isPattern.Value, ref state);
                return AbsValue.Empty;

            case IIsNullOperation isNull:
                Eval(isNull.Operand, ref state);
                return AbsValue.Empty;

            case IDeconstructionAssignmentOperation deconstruction:
            {
                var value = Eval(deconstruction.Value, ref state).Taint();
                AssignDeconstruction(deconstruction.Target, value, ref state);
                return value;
            }

            case ITupleOperation tuple:
            {
                var result = AbsValue.Empty;
                foreach (var element in tuple.Elements)
                {
                    result = AbsValue.Join(result, Eval(element, ref state).Taint());
                }

                return result;
            }

            default:
            {
                if (operation.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.CollectionExpressionSyntax)
                {
                    // A collection expression (["a", "b"]; an operation kind newer than the analyzer's Roslyn floor): its elements.
                    return EvalElements(operation.ChildOperations, ref state);
                }

                // Unknown or newer operation kinds: the union of the children (forward compatible).
                var result = AbsValue.Empty;
                foreach (var child in operation.ChildOperations)
                {
                    result = AbsValue.Join(result, Eval(child, ref state).Taint());
                }

                return result;
            }
        }
    }

    /// <summary>
    /// The value of a collection built from <paramref name="elements"/>: their taint, and their join (strings included)
    /// as <see cref="AbsValue.ElementsMember"/>, so that a constant host list keeps its hosts.
    /// </summary>
    private AbsValue EvalElements(IEnumerable<IOperation> elements, ref ImmutableDictionary<object, AbsValue> state)
    {
        var result = AbsValue.Empty;
        AbsValue? joined = null;
        foreach (var element in elements)
        {
            var value = Eval(element, ref state);
            result = AbsValue.Join(result, value.Taint());
            joined = joined is null ? value.Flatten() : AbsValue.Join(joined, value.Flatten());
        }

        return result.WithMember(AbsValue.ElementsMember, joined ?? AbsValue.Empty.WithLits(ImmutableSortedSet.Create<string>(StringComparer.Ordinal)));
    }

    /// <summary>
    /// Adds <paramref name="element"/> to the followed elements of the collection in <paramref name="container"/>'s slot
    /// (<see langword="null"/>: an element that cannot be known, which makes the elements' strings unknown). A collection
    /// whose elements are not followed stays so.
    /// </summary>
    private void AddElement(IOperation? container, AbsValue? element, ref ImmutableDictionary<object, AbsValue> state)
    {
        if (container is null || SlotOf(container) is not { } slot || !state.TryGetValue(slot, out var current)
            || !current.Members.TryGetValue(AbsValue.ElementsMember, out var elements))
        {
            return;
        }

        var added = element is null ? elements.WithLits(null) : AbsValue.Join(elements, element.Flatten());
        state = state.SetItem(slot, current.WithMember(AbsValue.ElementsMember, added));
    }

    /// <summary>
    /// What a library call on a collection does to its followed elements: <c>Add</c>, <c>Insert</c>, <c>Push</c>,
    /// <c>Enqueue</c>, <c>TryAdd</c> add their (non-index) arguments; <c>AddRange</c>, <c>InsertRange</c> add the
    /// followed elements of theirs; reads, removals and reordering (<see cref="KeepsElements"/>) add nothing. Any other
    /// call (<c>UnionWith</c>, ...) may add what is not known: the elements' strings become unknown.
    /// </summary>
    private void UpdateElements(IOperation? instance, IMethodSymbol target, ImmutableArray<AbsValue> arguments, ref ImmutableDictionary<object, AbsValue> state)
    {
        switch (target.Name)
        {
            case "Add":
            case "Insert":
            case "Push":
            case "Enqueue":
            case "TryAdd":
                foreach (var parameter in target.Parameters)
                {
                    if (parameter.Type.SpecialType != SpecialType.System_Int32 && parameter.Ordinal < arguments.Length)
                    {
                        AddElement(instance, arguments[parameter.Ordinal], ref state);
                    }
                }

                break;
            case "AddRange":
            case "InsertRange":
                foreach (var parameter in target.Parameters)
                {
                    if (parameter.Type.SpecialType != SpecialType.System_Int32 && parameter.Ordinal < arguments.Length)
                    {
                        AddElement(instance, arguments[parameter.Ordinal].Members.TryGetValue(AbsValue.ElementsMember, out var range) ? range : null, ref state);
                    }
                }

                break;
            default:
                if (!KeepsElements.Contains(target.Name) && !CleanMemberNames.Contains(target.Name) && !CopiesElements.Contains(target.Name))
                {
                    AddElement(instance, null, ref state);
                }

                break;
        }
    }

    /// <summary>A collection handed to a method of the compilation may be filled there: its elements are no longer known.</summary>
    private void ForgetElements(ImmutableArray<IArgumentOperation> arguments, ref ImmutableDictionary<object, AbsValue> state)
    {
        foreach (var argument in arguments)
        {
            AddElement(argument.Value, null, ref state);
        }
    }

    private AbsValue EvalInterpolation(IInterpolationOperation interpolation, ref ImmutableDictionary<object, AbsValue> state)
    {
        var value = Eval(interpolation.Expression, ref state);
        Eval(interpolation.Alignment, ref state);
        Eval(interpolation.FormatString, ref state);
        return interpolation.Expression.Type?.SpecialType == SpecialType.System_String ? value : value.Taint();
    }

    private AbsValue EvalProperty(IPropertyReferenceOperation reference, ref ImmutableDictionary<object, AbsValue> state)
    {
        var property = reference.Property;
        if (!reference.Arguments.IsEmpty)
        {
            // Indexers: the element comes from the container.
            var container = Eval(reference.Instance, ref state);
            foreach (var argument in reference.Arguments)
            {
                Eval(argument.Value, ref state);
            }

            return container.Taint().AddLabels(_engine.Labels.GetTypeLabels(property.Type, _cancellationToken));
        }

        if (property.GetMethod is { } getter && _engine.HasSourceBody(getter) && !_engine.IsAutoProperty((IPropertySymbol)property.OriginalDefinition))
        {
            var receiver = reference.Instance is null ? null : Eval(reference.Instance, ref state);
            return CallSource(getter, ImmutableArray<AbsValue>.Empty, reference.Syntax.GetLocation(), receiver);
        }

        return ReadMember(reference.Instance, property, ref state);
    }

    private AbsValue ReadMember(IOperation? instance, ISymbol member, ref ImmutableDictionary<object, AbsValue> state)
    {
        member = member.OriginalDefinition;
        if (instance is null && _engine.Endpoints.OnStaticMember(member) is { } known)
        {
            return known;
        }

        if (instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
        {
            if (state.TryGetValue(member, out var stored))
            {
                return stored;
            }

            var value = _engine.GetFieldValue(member, _stack, _cancellationToken);
            var own = _engine.Labels.GetMemberLabels(member, _cancellationToken);
            if (!_thisValue.Labels.IsEmpty || !TypeLabeler.GetOwnLabels(member, string.Empty).IsEmpty)
            {
                value = value.AddLabels(own);
            }

            // What a caller stored into the receiver's member (an initializer, a property set) is known only at the
            // call: a member that carries nothing here by declaration or by this type's own stores is a "this" path.
            if (_thisPaths && !member.IsStatic && value.Labels.IsEmpty && own.IsEmpty)
            {
                value = value.WithParams(value.Params.Add(new AccessPath(AccessPath.This, member)));
            }

            return value;
        }

        var container = Eval(instance, ref state);
        return ReadMember(container, member, instance.Type);
    }

    /// <summary>Reads <paramref name="member"/> from a value: member values first, then member precision for classified types, else pass-through.</summary>
    private AbsValue ReadMember(AbsValue container, ISymbol member, ITypeSymbol? containerType)
    {
        if (container.Members.TryGetValue(member.Name, out var known))
        {
            return known;
        }

        var memberType = member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };

        if (member.ContainingType is { } declaring && TypeLabeler.IsFrameworkType(declaring))
        {
            if (CleanMemberNames.Contains(member.Name) || memberType?.SpecialType == SpecialType.System_Boolean)
            {
                return AbsValue.Empty;
            }

            var passed = container.Flatten();
            return IsUrlMember(member) ? passed : passed.WithLits(null);
        }

        var typeLabels = _engine.Labels.GetTypeLabels(containerType ?? member.ContainingType, _cancellationToken);
        LabelSet labels;
        if (typeLabels.IsEmpty)
        {
            labels = container.Labels;
        }
        else
        {
            labels = container.Labels.IsEmpty ? LabelSet.Empty : _engine.Labels.GetMemberLabels(member, _cancellationToken);
        }

        var paths = ImmutableParams.Empty;
        foreach (var path in container.Params)
        {
            paths = paths.Add(path.Member is null ? new AccessPath(path.Parameter, member) : path);
        }

        return AbsValue.FromLabels(labels).WithParams(paths);
    }

    private static bool IsUrlMember(ISymbol member)
    {
        return member.Name is "AbsoluteUri" or "OriginalString" or "BaseAddress" or "RequestUri";
    }

    private AbsValue EvalAtPath(ImmutableArray<AbsValue> arguments, AccessPath path, AbsValue? receiver)
    {
        AbsValue actual;
        if (path.Parameter == AccessPath.This)
        {
            actual = receiver ?? AbsValue.Empty;
        }
        else if (path.Parameter < 0 || path.Parameter >= arguments.Length)
        {
            return AbsValue.Empty;
        }
        else
        {
            actual = arguments[path.Parameter];
        }

        return path.Member is null ? actual : ReadMember(actual, path.Member, null);
    }

    // ---------------------------------------------------------------- assignments

    private void Assign(IOperation target, AbsValue value, ref ImmutableDictionary<object, AbsValue> state)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                state = state.SetItem(local.Local, value);
                break;

            case IParameterReferenceOperation parameter:
                state = state.SetItem(parameter.Parameter, value);
                break;

            case IFieldReferenceOperation field:
                AssignMember(field.Instance, field.Field.OriginalDefinition, value, ref state);
                break;

            case IPropertyReferenceOperation property when property.Arguments.IsEmpty:
                AssignMember(property.Instance, property.Property.OriginalDefinition, value, ref state);
                break;

            case IPropertyReferenceOperation indexer:
                WeakUpdate(indexer.Instance, value.Taint(), ref state);
                AddElement(indexer.Instance, value, ref state);
                foreach (var argument in indexer.Arguments)
                {
                    Eval(argument.Value, ref state);
                }

                break;

            case IArrayElementReferenceOperation element:
                WeakUpdate(element.ArrayReference, value.Taint(), ref state);
                AddElement(element.ArrayReference, value, ref state);
                break;

            case IDeclarationExpressionOperation or ITupleOperation:
                AssignDeconstruction(target, value.Taint(), ref state);
                break;

            case IFlowCaptureReferenceOperation reference when _graph is not null && _capturedTargets.TryGetValue((_graph, reference.Id), out var captured):
                Assign(captured, value, ref state);
                break;
        }
    }

    private void AssignDeconstruction(IOperation target, AbsValue value, ref ImmutableDictionary<object, AbsValue> state)
    {
        switch (target)
        {
            case IDeclarationExpressionOperation declaration:
                AssignDeconstruction(declaration.Expression, value, ref state);
                break;
            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    AssignDeconstruction(element, value, ref state);
                }

                break;
            case IDiscardOperation:
                break;
            default:
                Assign(target, value, ref state);
                break;
        }
    }

    private void AssignMember(IOperation? instance, ISymbol member, AbsValue value, ref ImmutableDictionary<object, AbsValue> state)
    {
        // A value stored into a classified member takes the member's classification: the object carries it when it
        // leaves, and a read of the member gives it back (new Grid { Layout = "ring" } is core data).
        if (member.ContainingType is { } declaring && !PolicyAttributeNames.Has(declaring.OriginalDefinition, PolicyAttributeNames.Anonymized))
        {
            value = value.AddLabels(TypeLabeler.GetOwnLabels(member, declaring.Name + "." + member.Name));
        }

        if (instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
        {
            state = state.SetItem(member, value);
            return;
        }

        var slot = SlotOf(instance);
        if (slot is null)
        {
            Eval(instance, ref state);
            return;
        }

        var current = state.TryGetValue(slot, out var existing) ? existing : Eval(instance, ref state);
        state = state.SetItem(slot, current.WithMember(member.Name, value));
    }

    private void WeakUpdate(IOperation? container, AbsValue value, ref ImmutableDictionary<object, AbsValue> state)
    {
        if (container is null || (value.Labels.IsEmpty && value.Params.IsEmpty))
        {
            return;
        }

        var slot = SlotOf(container);
        if (slot is null)
        {
            return;
        }

        var current = state.TryGetValue(slot, out var existing) ? existing : Eval(container, ref state);
        state = state.SetItem(slot, AbsValue.Join(current, value.WithLits(current.Lits)));
    }

    private static object? SlotOf(IOperation operation)
    {
        return operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFlowCaptureReferenceOperation capture => capture.Id,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } field => field.Field.OriginalDefinition,
            IPropertyReferenceOperation { Arguments.IsEmpty: true, Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } property => property.Property.OriginalDefinition,
            IConversionOperation conversion => SlotOf(conversion.Operand),
            _ => null,
        };
    }

    // ---------------------------------------------------------------- calls

    /// <summary>
    /// The arguments' values, and the delegates passed directly: lambdas (<see cref="IFlowAnonymousFunctionOperation"/>)
    /// and method groups of source methods (<see cref="IMethodReferenceOperation"/>), which the callee may run.
    /// </summary>
    private (ImmutableArray<AbsValue> Values, List<IOperation> Lambdas) EvalArguments(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, ref ImmutableDictionary<object, AbsValue> state)
    {
        var values = new AbsValue?[method.Parameters.Length];

        var lambdas = new List<IOperation>();
        foreach (var argument in arguments)
        {
            IOperation? lambda = argument.Value switch
            {
                IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation target } => target,
                IFlowAnonymousFunctionOperation direct => direct,
                IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: { MethodKind: not MethodKind.LocalFunction } referenced } reference }
                    when _engine.HasSourceBody(referenced) => reference,
                _ => null,
            };
            if (lambda is not null)
            {
                lambdas.Add(lambda);
            }

            var value = Eval(argument.Value, ref state);
            if (argument.Parameter is { } parameter && parameter.Ordinal < values.Length)
            {
                values[parameter.Ordinal] = AbsValue.Join(values[parameter.Ordinal], value);
            }
        }

        return (values.Select(v => v ?? AbsValue.Empty).ToImmutableArray(), lambdas);
    }

    private AbsValue EvalInvocation(IInvocationOperation invocation, ref ImmutableDictionary<object, AbsValue> state)
    {
        var target = invocation.TargetMethod;
        var receiver = invocation.Instance is null ? null : Eval(invocation.Instance, ref state);
        var (arguments, lambdas) = EvalArguments(target, invocation.Arguments, ref state);
        var location = invocation.Syntax.GetLocation();

        if (_engine.Sinks.Find(target) is { } sink)
        {
            HandleSink(sink, invocation, receiver, arguments, location);
            return AbsValue.Empty;
        }

        if (PolicyAttributeNames.Has(target.OriginalDefinition, PolicyAttributeNames.DataSink))
        {
            HandleUserSink(target, invocation, arguments, location);
            return AbsValue.Empty;
        }

        if (PolicyAttributeNames.Has(target.OriginalDefinition, PolicyAttributeNames.Anonymizer))
        {
            // Anonymization declassifies personal information only (PIPL Art. 73(4)); other classes stay.
            var all = receiver?.Taint() ?? AbsValue.Empty;
            foreach (var argument in arguments)
            {
                all = AbsValue.Join(all, argument.Taint());
            }

            var kept = all.Labels.Filter(c => c is not LabelSet.PersonalInformation and not LabelSet.SensitivePersonalInformation);
            return AbsValue.FromLabels(kept);
        }

        if (target.MethodKind == MethodKind.LocalFunction)
        {
            return CallLocalFunction(target, arguments, ref state);
        }

        // Virtual and interface calls dispatch to the implementations in the compilation (bounded).
        var targets = _engine.GetDispatchTargets(invocation, _cancellationToken);
        if (!targets.IsEmpty || _engine.HasSourceBody(target))
        {
            AbsValue? result = null;
            foreach (var callee in targets.IsEmpty ? ImmutableArray.Create(target) : targets)
            {
                result = AbsValue.Join(result, CallSource(callee, arguments, location, receiver));
            }

            if (!targets.IsEmpty && !_engine.IsDeclaredInCompilation(target))
            {
                // Declared elsewhere: implementations outside the compilation pass their inputs through.
                return AbsValue.Join(result, CallLibrary(invocation, target, receiver, arguments, lambdas, ref state));
            }

            foreach (var lambda in lambdas)
            {
                RunDelegate(lambda, arguments.Aggregate(receiver ?? AbsValue.Empty, (a, b) => AbsValue.Join(a, b.Taint())), state, location);
            }

            ForgetElements(invocation.Arguments, ref state);

            // Endpoint rows apply to source methods too (a generated gRPC client's streaming call carries its endpoint).
            var called = result ?? AbsValue.Empty;
            return _engine.Endpoints.OnCall(invocation, receiver, arguments, called, _namedBases ??= NamedBases) ?? called;
        }

        var library = CallLibrary(invocation, target, receiver, arguments, lambdas, ref state);
        return _engine.Endpoints.OnCall(invocation, receiver, arguments, library, _namedBases ??= NamedBases) ?? library;
    }

    private ImmutableSortedSet<string>? NamedBases(string registration, string name) => _engine.GetRegistrations(_cancellationToken).GetByName(registration, name);

    private AbsValue CallLibrary(IInvocationOperation invocation, IMethodSymbol target, AbsValue? receiver, ImmutableArray<AbsValue> arguments, List<IOperation> lambdas, ref ImmutableDictionary<object, AbsValue> state)
    {
        var taint = receiver?.Taint() ?? AbsValue.Empty;
        foreach (var argument in arguments)
        {
            taint = AbsValue.Join(taint, argument.Taint());
        }

        foreach (var lambda in lambdas)
        {
            taint = AbsValue.Join(taint, RunDelegate(lambda, taint, state, invocation.Syntax.GetLocation()).Taint());
        }

        // A tracked receiver that receives tainted arguments (list.Add, sb.Append, request.AddJsonBody(p)) is weakly updated.
        var instance = invocation.Instance ?? (target.IsExtensionMethod && !invocation.Arguments.IsEmpty ? invocation.Arguments[0].Value : null);
        if (instance is not null && instance.Type?.SpecialType != SpecialType.System_String && !IsLibraryStatic(instance))
        {
            var argumentTaint = AbsValue.Empty;
            foreach (var argument in arguments)
            {
                argumentTaint = AbsValue.Join(argumentTaint, argument.Taint());
            }

            WeakUpdate(instance, argumentTaint, ref state);
            UpdateElements(invocation.Instance, target, arguments, ref state);
        }

        if (target.ReturnsVoid || target.ReturnType.SpecialType == SpecialType.System_Boolean || CleanMemberNames.Contains(target.Name))
        {
            return AbsValue.Empty;
        }

        var result = taint.AddLabels(_engine.Labels.GetTypeLabels(target.ReturnType, _cancellationToken));
        var containing = target.ContainingType?.SpecialType;
        if (containing == SpecialType.System_String && target.Name == "Concat")
        {
            var concatenated = AbsValue.FromLiteral(string.Empty);
            foreach (var argument in arguments)
            {
                concatenated = AbsValue.Concat(concatenated, argument);
            }

            return AbsValue.Join(concatenated, result.WithLits(concatenated.Lits)).WithLits(concatenated.Lits);
        }

        if (target.Name == "ToString" && receiver?.Lits is { } literals && arguments.IsEmpty)
        {
            return result.WithLits(literals);
        }

        if (CopiesElements.Contains(target.Name) && (receiver ?? (target.IsExtensionMethod && arguments.Length > 0 ? arguments[0] : null)) is { } source
            && source.Members.TryGetValue(AbsValue.ElementsMember, out var elements))
        {
            // hosts.ToList(), hosts.ToArray(): a copy with the same elements.
            return result.WithMember(AbsValue.ElementsMember, elements);
        }

        return result;
    }

    /// <summary>
    /// A library's static field or property (<c>Encoding.UTF8</c>, <c>JsonSerializerOptions.Default</c>) is a shared
    /// service object: calling it with data does not store the data in it, so it is not weakly updated.
    /// </summary>
    private static bool IsLibraryStatic(IOperation instance)
    {
        var member = instance switch
        {
            IPropertyReferenceOperation property => (ISymbol)property.Property,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        return member is { IsStatic: true } && !member.Locations.Any(l => l.IsInSource);
    }

    private AbsValue CallSource(IMethodSymbol target, ImmutableArray<AbsValue> arguments, Location location, AbsValue? receiver = null)
    {
        var summary = _engine.GetSummary(target, null, _stack, _cancellationToken);
        var returned = Instantiate(summary.Return, arguments, receiver);
        var calleeName = target.MethodKind == MethodKind.Constructor ? target.ContainingType.Name : target.Name;
        foreach (var flow in summary.SinkFlows)
        {
            InstantiateFlow(flow, arguments, calleeName, location, receiver);
        }

        return returned;
    }

    private AbsValue Instantiate(AbsValue value, ImmutableArray<AbsValue> arguments, AbsValue? receiver = null)
    {
        var result = value.WithParams(ImmutableParams.Empty);
        foreach (var path in value.Params)
        {
            result = AbsValue.Join(result, EvalAtPath(arguments, path, receiver));
        }

        if (!value.Members.IsEmpty)
        {
            foreach (var member in value.Members)
            {
                result = result.WithMember(member.Key, Instantiate(member.Value, arguments, receiver));
            }
        }

        return result;
    }

    private void InstantiateFlow(SinkFlow flow, ImmutableArray<AbsValue> arguments, string calleeName, Location location, AbsValue? receiver = null)
    {
        var data = LabelSet.Empty;
        var dataParams = ImmutableParams.Empty;
        foreach (var path in flow.DataParams)
        {
            var actual = EvalAtPath(arguments, path, receiver).Flatten();
            data = data.Union(actual.Labels);
            dataParams = dataParams.Union(actual.Params);
        }

        var hosts = flow.Endpoint.Hosts;
        var endpointParams = ImmutableParams.Empty;
        foreach (var path in flow.Endpoint.Params)
        {
            var actual = EvalAtPath(arguments, path, receiver);
            endpointParams = endpointParams.Union(actual.Params);
            hosts = hosts.Union(HostsOf(actual.Lits, flow.Endpoint.Bases));
        }

        if (!flow.Endpoint.Params.IsEmpty)
        {
            data = data.Union(flow.Data);
        }

        var endpoint = new EndpointValue(hosts, flow.Endpoint.Bases, endpointParams, flow.Endpoint.Binding);
        RecordFlow(data, dataParams, endpoint, flow.Chain.Insert(0, calleeName), flow.SinkLocation, location, flow.Scopes);
    }

    private AbsValue CallLocalFunction(IMethodSymbol target, ImmutableArray<AbsValue> arguments, ref ImmutableDictionary<object, AbsValue> state)
    {
        if (_graph is null || _nestedDepth >= MaxNestedGraphDepth)
        {
            return arguments.Aggregate(AbsValue.Empty, (a, b) => AbsValue.Join(a, b.Taint()));
        }

        ControlFlowGraph graph;
        try
        {
            graph = _graph.GetLocalFunctionControlFlowGraphInScope(target.OriginalDefinition, _cancellationToken);
        }
        catch (ArgumentOutOfRangeException)
        {
            return arguments.Aggregate(AbsValue.Empty, (a, b) => AbsValue.Join(a, b.Taint()));
        }

        var initial = state;
        foreach (var parameter in target.OriginalDefinition.Parameters)
        {
            initial = initial.SetItem(parameter, parameter.Ordinal < arguments.Length ? arguments[parameter.Ordinal] : AbsValue.Empty);
        }

        _nestedDepth++;
        try
        {
            return RunGraph(graph, initial).Return;
        }
        finally
        {
            _nestedDepth--;
        }
    }

    /// <summary>Runs a delegate passed to a call: a lambda in this graph, or a source method of a method group (its summary).</summary>
    private AbsValue RunDelegate(IOperation function, AbsValue parameterValue, ImmutableDictionary<object, AbsValue> state, Location location)
    {
        if (function is IFlowAnonymousFunctionOperation lambda)
        {
            return RunLambda(lambda, parameterValue, state);
        }

        if (function is not IMethodReferenceOperation { Method: var method } || _nestedDepth >= MaxNestedGraphDepth)
        {
            return AbsValue.Empty;
        }

        var arguments = method.Parameters.Select(parameter => DelegateParameterValue(parameterValue, parameter, method.Name)).ToImmutableArray();
        return CallSource(method.OriginalDefinition, arguments, location);
    }

    private AbsValue RunLambda(IFlowAnonymousFunctionOperation lambda, AbsValue parameterValue, ImmutableDictionary<object, AbsValue> state)
    {
        if (_graph is null || _nestedDepth >= MaxNestedGraphDepth)
        {
            return AbsValue.Empty;
        }

        ControlFlowGraph graph;
        try
        {
            graph = _graph.GetAnonymousFunctionControlFlowGraphInScope(lambda, _cancellationToken);
        }
        catch (ArgumentOutOfRangeException)
        {
            return AbsValue.Empty;
        }

        var initial = state;
        foreach (var parameter in lambda.Symbol.Parameters)
        {
            initial = initial.SetItem(parameter, DelegateParameterValue(parameterValue, parameter, "lambda"));
        }

        _nestedDepth++;
        try
        {
            return RunGraph(graph, initial).Return;
        }
        finally
        {
            _nestedDepth--;
        }
    }

    private AbsValue EvalObjectCreation(IObjectCreationOperation creation, ref ImmutableDictionary<object, AbsValue> state)
    {
        var type = creation.Type;
        if (creation.Constructor is not { } constructor)
        {
            return AbsValue.Empty;
        }

        var (arguments, _) = EvalArguments(constructor, creation.Arguments, ref state);
        if (creation.Initializer is { } initializer)
        {
            Eval(initializer, ref state);
        }

        var typeLabels = _engine.Labels.GetTypeLabels(type, _cancellationToken);
        if (_engine.Endpoints.OnCreation(creation, constructor, arguments) is { } carrier)
        {
            return carrier.AddLabels(typeLabels);
        }
        if (_engine.HasSourceBody(constructor))
        {
            var summary = _engine.GetSummary(constructor, null, _stack, _cancellationToken);
            var location = creation.Syntax.GetLocation();
            foreach (var flow in summary.SinkFlows)
            {
                InstantiateFlow(flow, arguments, constructor.ContainingType.Name, location);
            }

            var result = AbsValue.FromLabels(typeLabels);
            foreach (var store in summary.FieldStores)
            {
                result = result.WithMember(store.Key.Name, Instantiate(store.Value, arguments));
            }

            return result;
        }

        var name = type is INamedTypeSymbol named ? SinkCatalog.GetMetadataName(named) : string.Empty;
        switch (name)
        {
            case "System.Uri":
                if (arguments.Length == 1)
                {
                    return arguments[0].Flatten();
                }

                if (arguments.Length >= 2 && constructor.Parameters[0].Type.Name == "Uri")
                {
                    var combined = CombineUrls(arguments[0], arguments[1]);
                    return combined;
                }

                break;

            case "System.Net.Http.HttpRequestMessage":
                if (arguments.Length == 2)
                {
                    return AbsValue.Empty.WithMember("RequestUri", arguments[1]);
                }

                return AbsValue.Empty;

            case "System.Net.Http.HttpClient":
                return AbsValue.Empty;
        }

        var taint = AbsValue.FromLabels(typeLabels);
        foreach (var argument in arguments)
        {
            taint = AbsValue.Join(taint, argument.Taint());
        }

        if (CollectionElements(type, constructor, arguments) is { } elements)
        {
            // new List<string>() (a collection initializer is lowered to Add calls on it) or new List<string>(hosts): its
            // elements are followed from here.
            taint = taint.WithMember(AbsValue.ElementsMember, elements);
        }

        return taint;
    }

    /// <summary>
    /// The followed elements of a library collection being created: none when it is created empty (no parameters, or only
    /// a capacity), those of the collection it copies (<c>new List&lt;string&gt;(hosts)</c>); <see langword="null"/>: not followed.
    /// </summary>
    private static AbsValue? CollectionElements(ITypeSymbol? type, IMethodSymbol constructor, ImmutableArray<AbsValue> arguments)
    {
        if (type is null || type.SpecialType == SpecialType.System_String || !type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable))
        {
            return null;
        }

        AbsValue? elements = AbsValue.Empty.WithLits(ImmutableSortedSet.Create<string>(StringComparer.Ordinal));
        foreach (var parameter in constructor.Parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_Int32)
            {
                continue;
            }

            if (parameter.Type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable) && parameter.Ordinal < arguments.Length
                && arguments[parameter.Ordinal].Members.TryGetValue(AbsValue.ElementsMember, out var copied))
            {
                elements = AbsValue.Join(elements, copied);
                continue;
            }

            return null;
        }

        return elements;
    }

    private static AbsValue CombineUrls(AbsValue baseUrl, AbsValue relative)
    {
        ImmutableSortedSet<string>? literals = null;
        if (baseUrl.Lits is not null && relative.Lits is not null && baseUrl.Lits.Count * relative.Lits.Count <= AbsValue.MaxLiterals)
        {
            var builder = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var b in baseUrl.Lits)
            {
                foreach (var r in relative.Lits)
                {
                    builder.Add(UrlTemplate.Combine(b, r));
                }
            }

            literals = builder.ToImmutable();
        }

        return AbsValue.Join(baseUrl.Taint(), relative.Taint()).WithLits(literals);
    }

    // ---------------------------------------------------------------- sinks

    private static ImmutableSortedSet<string> HostsOf(ImmutableSortedSet<string>? urls, ImmutableSortedSet<string> bases)
    {
        var builder = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        if (urls is null)
        {
            return builder.ToImmutable();
        }

        foreach (var url in urls)
        {
            if (UrlTemplate.IsAbsolute(url))
            {
                if (UrlTemplate.HostOf(url) is { } host)
                {
                    builder.Add(host);
                }
            }
            else
            {
                foreach (var baseUrl in bases)
                {
                    if (UrlTemplate.HostOf(UrlTemplate.Combine(baseUrl, url)) is { } host)
                    {
                        builder.Add(host);
                    }
                }
            }
        }

        return builder.ToImmutable();
    }

    private void HandleSink(Core.Sinks.SinkRow sink, IInvocationOperation invocation, AbsValue? receiver, ImmutableArray<AbsValue> arguments, Location location)
    {
        var target = invocation.TargetMethod;
        AbsValue? ArgumentNamed(string? name)
        {
            if (name is null)
            {
                return null;
            }

            foreach (var parameter in target.Parameters)
            {
                if (string.Equals(parameter.Name, name, StringComparison.Ordinal))
                {
                    return arguments[parameter.Ordinal];
                }
            }

            return null;
        }

        IOperation? ArgumentOperation(string? name)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && string.Equals(parameter.Name, name, StringComparison.Ordinal))
                {
                    return argument.Value;
                }
            }

            return null;
        }

        var data = SinkEndpoints.Data(sink, target, arguments);
        var (client, clientOperation) = SinkEndpoints.Client(sink, invocation, receiver, arguments);
        var baseAddress = SinkEndpoints.Endpoint(_engine, sink, target, client, clientOperation, _cancellationToken);
        var url = ArgumentNamed(sink.UrlParameter);
        if (sink.RequestParameter is not null && ArgumentNamed(sink.RequestParameter) is { } request)
        {
            url = request.Members.TryGetValue("RequestUri", out var requestUri) ? requestUri : null;
        }

        var bases = baseAddress?.Lits?.Where(UrlTemplate.IsAbsolute).ToImmutableSortedSet(StringComparer.Ordinal) ?? ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
        if (bases.IsEmpty && baseAddress is null && _method?.ContainingType is { } typedClient
            && _engine.GetTypedClientBases(typedClient, _cancellationToken) is { } registered)
        {
            bases = registered.Where(UrlTemplate.IsAbsolute).ToImmutableSortedSet(StringComparer.Ordinal);
        }

        var endpointParams = ImmutableParams.Empty;
        var hosts = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
        if (baseAddress is not null)
        {
            endpointParams = endpointParams.Union(baseAddress.Params);
        }

        if (url is not null && !(url.Lits is null && url.Params.IsEmpty && url.Labels.IsEmpty && IsNullLiteral(ArgumentOperation(sink.UrlParameter))))
        {
            endpointParams = endpointParams.Union(url.Params);
            hosts = HostsOf(url.Lits, bases);
        }
        else
        {
            hosts = HostsOf(bases, bases);
        }

        var clientMember = UnderlyingMember(clientOperation);
        var clientType = SinkEndpoints.SourceClientType(_engine.Compilation, target, clientOperation);
        var binding = EndpointBindings.Find(new ISymbol?[] { clientMember, clientType, _method, _method?.ContainingType, _engine.Compilation.Assembly });
        var scopes = ImmutableArray.CreateBuilder<ISymbol>();
        AddScopes(scopes, _method);
        if (clientType is not null)
        {
            scopes.Add(clientType);
        }

        var endpoint = new EndpointValue(hosts, bases, endpointParams, binding);
        RecordFlow(data.Labels, data.Params, endpoint, ImmutableArray.Create(SinkEndpoints.ChainName(sink, target)), location, location, scopes.ToImmutable());
    }

    private static bool IsNullLiteral(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation is null || (operation.ConstantValue.HasValue && operation.ConstantValue.Value is null) || operation is IDefaultValueOperation;
    }

    private static ISymbol? UnderlyingMember(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
    }

    private void HandleUserSink(IMethodSymbol target, IInvocationOperation invocation, ImmutableArray<AbsValue> arguments, Location location)
    {
        var data = AbsValue.Empty;
        foreach (var argument in arguments)
        {
            data = AbsValue.Join(data, argument.Taint());
        }

        var definition = target.OriginalDefinition;
        var binding = EndpointBindings.Find(new ISymbol?[] { definition, definition.ContainingType, UnderlyingMember(invocation.Instance), _engine.Compilation.Assembly });
        var hosts = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
        if (binding?.Host is { } host && host.IndexOf('*') < 0)
        {
            hosts = hosts.Add(host);
        }

        var scopes = ImmutableArray.CreateBuilder<ISymbol>();
        AddScopes(scopes, _method);
        AddScopes(scopes, definition);
        var endpoint = new EndpointValue(hosts, ImmutableSortedSet.Create<string>(StringComparer.Ordinal), ImmutableParams.Empty, binding);
        RecordFlow(data.Labels, data.Params, endpoint, ImmutableArray.Create(definition.ContainingType.Name + "." + definition.Name), location, location, scopes.ToImmutable());
    }

    private static void AddScopes(ImmutableArray<ISymbol>.Builder scopes, IMethodSymbol? method)
    {
        if (method is null)
        {
            return;
        }

        scopes.Add(method);
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            scopes.Add(type);
        }
    }

    /// <summary>
    /// A flow reaches a sink in this method (directly or through a callee): concrete labels become findings
    /// here; what depends on parameters goes into the summary for callers to finish.
    /// </summary>
    private void RecordFlow(LabelSet data, ImmutableHashSet<AccessPath> dataParams, EndpointValue endpoint, ImmutableArray<string> chain, Location sinkLocation, Location location, ImmutableArray<ISymbol> scopes)
    {
        if (!data.IsEmpty)
        {
            Decide(data, endpoint, chain, sinkLocation, location, scopes);
        }

        RecordEntryFlow(data, dataParams, endpoint, chain, sinkLocation, location, scopes);

        if (_method is null || (dataParams.IsEmpty && (data.IsEmpty || endpoint.Params.IsEmpty)))
        {
            return;
        }

        var builder = scopes.ToBuilder();
        AddScopes(builder, _method);
        var flow = new SinkFlow(data, dataParams, endpoint, chain, sinkLocation, builder.Distinct(SymbolEqualityComparer.Default).ToImmutableArray());
        if (_flows.TryGetValue(flow.Key, out var existing))
        {
            var shortest = existing.Chain.Length <= chain.Length ? existing.Chain : chain;
            flow = new SinkFlow(
                existing.Data.Union(data),
                dataParams,
                new EndpointValue(existing.Endpoint.Hosts.Union(endpoint.Hosts), existing.Endpoint.Bases.Union(endpoint.Bases), endpoint.Params, existing.Endpoint.Binding ?? endpoint.Binding),
                shortest,
                sinkLocation,
                flow.Scopes);
        }

        _flows[flow.Key] = flow;
    }

    /// <summary>Keeps a flow whose data depends on parameters, for <see cref="DecideEntryFlows"/>.</summary>
    private void RecordEntryFlow(LabelSet data, ImmutableHashSet<AccessPath> dataParams, EndpointValue endpoint, ImmutableArray<string> chain, Location sinkLocation, Location location, ImmutableArray<ISymbol> scopes)
    {
        if (_method is null || !dataParams.Any(p => p.Parameter >= 0))
        {
            return;
        }

        var flow = new EntryFlow(data, dataParams, endpoint, chain, sinkLocation, location, scopes);
        if (_entryFlows.TryGetValue(flow.Key, out var existing))
        {
            flow = new EntryFlow(
                existing.Data.Union(data),
                dataParams,
                new EndpointValue(existing.Endpoint.Hosts.Union(endpoint.Hosts), existing.Endpoint.Bases.Union(endpoint.Bases), existing.Endpoint.Params.Union(endpoint.Params), existing.Endpoint.Binding ?? endpoint.Binding),
                existing.Chain.Length <= chain.Length ? existing.Chain : chain,
                sinkLocation,
                location,
                existing.Scopes);
        }

        _entryFlows[flow.Key] = flow;
    }

    private void Decide(LabelSet data, EndpointValue endpoint, ImmutableArray<string> chain, Location sinkLocation, Location location, ImmutableArray<ISymbol> scopes)
    {
        var path = MethodName + " -> " + string.Join(" -> ", chain);
        var sink = chain.IsEmpty ? null : chain[chain.Length - 1];
        var allScopes = new List<ISymbol>(scopes);
        AddScopes(allScopes, _method);
        allScopes.Add(_engine.Compilation.Assembly);

        if (!endpoint.IsResolved)
        {
            var reason = endpoint.Params.IsEmpty ? "the URL is not a constant and the client is not bound to an endpoint" : "the URL comes from a parameter";
            var unresolved = new FlowRecord(DiagnosticPropertyKeys.StatusUnknownEndpoint, data, null, null, endpoint.Binding, path, sink, null);
            AddWithProperties(DiagnosticDescriptors.ClassifiedDataReachesUnresolvedEndpoint, location, sinkLocation, null, unresolved.ToProperties(), data.Describe(), data.DescribeOrigins(), reason, path);
            return;
        }

        // Hosts from constants win over attribute bindings; the first foreign host (ordinal order) is reported.
        var targets = new List<(string? Host, JurisdictionResolution Resolution)>();
        foreach (var host in endpoint.Hosts)
        {
            targets.Add((host, _engine.Jurisdictions.Resolve(host, _cancellationToken)));
        }

        if (targets.Count == 0 && endpoint.Binding is { } binding)
        {
            targets.Add((binding.Host, JurisdictionLookup.FromBinding(binding)));
        }

        foreach (var (host, resolution) in targets)
        {
            // Inside mainland China, or internal (loopback, private networks, local names): not a transfer.
            if (resolution.IsInsideMainland || resolution.IsInternal)
            {
                continue;
            }

            var shownHost = host ?? (resolution.Jurisdiction is null ? "an unnamed foreign endpoint" : "an endpoint in " + resolution.Jurisdiction);
            var how = resolution.Explanation;
            if (data.HasClass(LabelSet.CoreData))
            {
                // The core data is its own record (part "CoreData"): it needs an authority approval, the other data may be
                // covered by another authorization at the same call.
                var core = data.Filter(c => c == LabelSet.CoreData);
                var approval = Authorizations.FindCovering(allScopes, _engine.PolicyTransfers, host, resolution, endpoint.Binding, core, requireAuthorityApproval: true);
                if (approval is null)
                {
                    var facts = new FlowRecord(DiagnosticPropertyKeys.StatusBlocked, core, host, resolution, endpoint.Binding, path, sink, null);
                    AddWithProperties(DiagnosticDescriptors.CoreDataReachesForeignEndpoint, location, sinkLocation, LabelSet.CoreData, facts.ToProperties(), core.DescribeOrigins(), shownHost, how, path);
                }
                else
                {
                    var facts = new FlowRecord(DiagnosticPropertyKeys.StatusAuthorized, core, host, resolution, endpoint.Binding, path, sink, approval);
                    AddWithProperties(DiagnosticDescriptors.AuthorizedTransfer, location, sinkLocation, LabelSet.CoreData, facts.ToProperties(), core.Describe(), core.DescribeOrigins(), shownHost, how, path, DescribeAuthorization(approval));
                }
            }

            var classified = data.Filter(c => c != LabelSet.CoreData);
            foreach (var (part, covering) in Cover(allScopes, host, resolution, endpoint.Binding, classified))
            {
                if (covering is null)
                {
                    var facts = new FlowRecord(DiagnosticPropertyKeys.StatusUnauthorized, part, host, resolution, endpoint.Binding, path, sink, null);
                    AddWithProperties(DiagnosticDescriptors.ClassifiedDataReachesForeignEndpoint, location, sinkLocation, null, facts.ToProperties(), part.Describe(), part.DescribeOrigins(), shownHost, how, path);
                    continue;
                }

                // Each covered part is keyed by its authorization: two authorizations covering two parts of the data
                // of one call are two records (two flows of the manifest), never one overwriting the other.
                var id = FlowRecord.AuthorizationId(covering);
                var problems = _engine.Checks.Check(covering, part);
                foreach (var problem in problems)
                {
                    var facts = new FlowRecord(problem.Status, part, host, resolution, endpoint.Binding, path, sink, covering);
                    AddWithProperties(problem.Descriptor, location, sinkLocation, id, facts.ToProperties(), part.Describe(), shownHost, covering.Description, problem.Message, path);
                }

                if (problems.Count == 0)
                {
                    var facts = new FlowRecord(DiagnosticPropertyKeys.StatusAuthorized, part, host, resolution, endpoint.Binding, path, sink, covering);
                    AddWithProperties(DiagnosticDescriptors.AuthorizedTransfer, location, sinkLocation, id, facts.ToProperties(), part.Describe(), part.DescribeOrigins(), shownHost, how, path, DescribeAuthorization(covering));
                }
            }

            return;
        }
    }

    /// <summary>
    /// The parts of the classified (not core) data of a flow and the authorization covering each (<see langword="null"/>:
    /// none). Each tag is covered by the first authorization that covers it (the order of
    /// <see cref="Authorizations.FindCovering"/>), and the tags are grouped by that authorization; the tags that none
    /// covers are one uncovered part, listed first. Empty when there is no classified data. Deciding per tag keeps a
    /// tag's authorization the same when a later pass of the worklist brings more data to the same call, so an earlier
    /// pass never leaves a record of another authorization behind.
    /// </summary>
    private List<(LabelSet Part, Authorization? Covering)> Cover(List<ISymbol> scopes, string? host, JurisdictionResolution resolution, EndpointBinding? binding, LabelSet classified)
    {
        var parts = new List<(LabelSet Part, Authorization? Covering)>();
        if (classified.IsEmpty)
        {
            return parts;
        }

        if (classified.Tags.Count == 1)
        {
            parts.Add((classified, Authorizations.FindCovering(scopes, _engine.PolicyTransfers, host, resolution, binding, classified, requireAuthorityApproval: false)));
            return parts;
        }

        var uncovered = new HashSet<string>(StringComparer.Ordinal);
        var groups = new List<(string Id, Authorization Covering, HashSet<string> Tags)>();
        foreach (var tag in classified.Tags)
        {
            var covering = Authorizations.FindCovering(scopes, _engine.PolicyTransfers, host, resolution, binding, classified.FilterTags(t => string.Equals(t, tag, StringComparison.Ordinal)), requireAuthorityApproval: false);
            if (covering is null)
            {
                uncovered.Add(tag);
                continue;
            }

            var id = FlowRecord.AuthorizationId(covering);
            var index = groups.FindIndex(g => string.Equals(g.Id, id, StringComparison.Ordinal));
            if (index < 0)
            {
                groups.Add((id, covering, new HashSet<string>(StringComparer.Ordinal) { tag }));
            }
            else
            {
                groups[index].Tags.Add(tag);
            }
        }

        if (uncovered.Count > 0)
        {
            parts.Add((classified.FilterTags(uncovered.Contains), null));
        }

        foreach (var group in groups)
        {
            parts.Add((classified.FilterTags(group.Tags.Contains), group.Covering));
        }

        return parts;
    }

    /// <summary>The covering authorization for a CBDT1006 message: <c>[CrossBorderTransfer(Id = "T-1")] on 'Sync' (SecurityAssessment, CAC-2025-0113)</c>.</summary>
    private static string DescribeAuthorization(Authorization authorization)
    {
        var details = FlowRecord.MechanismName(authorization.Mechanism);
        if (!string.IsNullOrEmpty(authorization.Reference))
        {
            details += ", " + authorization.Reference;
        }

        if (!string.IsNullOrEmpty(authorization.ValidUntil))
        {
            details += ", valid until " + authorization.ValidUntil;
        }

        return authorization.Description + " (" + details + ")";
    }

    private static void AddScopes(List<ISymbol> scopes, IMethodSymbol? method)
    {
        if (method is null)
        {
            return;
        }

        scopes.Add(method);
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            scopes.Add(type);
        }
    }

    private void AddWithProperties(DiagnosticDescriptor rule, Location location, Location sinkLocation, string? part, ImmutableDictionary<string, string?>? properties, params object[] arguments)
    {
        var finding = new Finding(rule, location, sinkLocation, arguments, properties, part);
        _findings[finding.Key] = finding;
    }
}

/// <summary>Helpers for the analysis state (an immutable map from locals, parameters, members and captures to values).</summary>
internal static class State
{
    public static readonly ImmutableDictionary<object, AbsValue> Empty = ImmutableDictionary.Create<object, AbsValue>(KeyComparer.Instance);

    public static ImmutableDictionary<object, AbsValue> Join(ImmutableDictionary<object, AbsValue> a, ImmutableDictionary<object, AbsValue> b)
    {
        var result = a;
        foreach (var pair in b)
        {
            result = result.SetItem(pair.Key, a.TryGetValue(pair.Key, out var existing) ? AbsValue.Join(existing, pair.Value) : pair.Value);
        }

        return result;
    }

    public static bool AreEqual(ImmutableDictionary<object, AbsValue> a, ImmutableDictionary<object, AbsValue> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var pair in a)
        {
            if (!b.TryGetValue(pair.Key, out var other) || !pair.Value.Equals(other))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public static readonly KeyComparer Instance = new();

        public new bool Equals(object? x, object? y)
        {
            if (x is ISymbol a && y is ISymbol b)
            {
                return SymbolEqualityComparer.Default.Equals(a, b);
            }

            return object.Equals(x, y);
        }

        public int GetHashCode(object obj)
        {
            return obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
        }
    }
}
