using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using CrossBorder.Policy.Core.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>
/// The client registrations of a compilation, driven by Core's <see cref="SinkCatalogue.Registrations"/>: named
/// clients (<c>services.AddHttpClient("name", c =&gt; c.BaseAddress = ...)</c>), typed clients
/// (<c>services.AddHttpClient&lt;TClient, TImpl&gt;(...)</c>), interface clients
/// (<c>services.AddRefitClient&lt;IApi&gt;().ConfigureHttpClient(c =&gt; c.BaseAddress = ...)</c>) and gRPC clients
/// (<c>services.AddGrpcClient&lt;T&gt;(o =&gt; o.Address = ...)</c>), mapped to their constant base addresses. Built
/// lazily, once per compilation (shared by every caller asking for the built-in rows), by one scan of the trees that
/// mention a registration method.
/// </summary>
internal sealed class RegistrationIndex
{
    private static readonly ConditionalWeakTable<Compilation, RegistrationIndex> BuiltIn = new();

    private static readonly ConditionalWeakTable<SyntaxTree, List<RegistrationRow>> BuiltInCandidates = new();

    private readonly Dictionary<(string Registration, string Key), ImmutableSortedSet<string>> _bases;
    private readonly IReadOnlyList<RegistrationRow> _rows;

    private RegistrationIndex(Dictionary<(string, string), ImmutableSortedSet<string>> bases, IReadOnlyList<RegistrationRow> rows)
    {
        _bases = bases;
        _rows = rows;
    }

    /// <summary>The base addresses registered under <paramref name="registration"/> (a <see cref="RegistrationRow.Id"/>) for a client name.</summary>
    public ImmutableSortedSet<string>? GetByName(string registration, string name)
    {
        return _bases.TryGetValue((registration, name), out var bases) ? bases : null;
    }

    /// <summary>The base addresses registered for a client type under any type-keyed registration of <paramref name="scope"/>.</summary>
    public ImmutableSortedSet<string>? GetByType(INamedTypeSymbol type, RegistrationScope scope)
    {
        if (_bases.Count == 0)
        {
            return null;
        }

        var key = SinkCatalog.GetMetadataName(type.OriginalDefinition);
        ImmutableSortedSet<string>? result = null;
        foreach (var row in _rows)
        {
            if (row.Key == RegistrationKey.TypeArgument && row.Scope == scope && _bases.TryGetValue((row.Id, key), out var bases))
            {
                result = result is null ? bases : result.Union(bases);
            }
        }

        return result;
    }

    /// <summary>The index of <paramref name="rows"/>; for Core's built-in rows, computed once per compilation and shared.</summary>
    public static RegistrationIndex Build(Compilation compilation, IReadOnlyList<RegistrationRow> rows, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(rows, SinkCatalogue.Registrations))
        {
            return Scan(compilation, rows, cancellationToken);
        }

        if (BuiltIn.TryGetValue(compilation, out var built))
        {
            return built;
        }

        // Deterministic: two threads may scan; either result is the same, the first stored wins.
        var scanned = Scan(compilation, rows, cancellationToken);
        return BuiltIn.GetValue(compilation, _ => scanned);
    }

    private static RegistrationIndex Scan(Compilation compilation, IReadOnlyList<RegistrationRow> rows, CancellationToken cancellationToken)
    {
        var bases = new Dictionary<(string, string), ImmutableSortedSet<string>>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var candidates = CandidateRows(tree, rows, cancellationToken);
            if (candidates.Count == 0)
            {
                continue;
            }

            // Same shared-model reasoning as FlowEngine.GetBodyGraph (not the DiagnosticAnalyzer class).
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var expression = node.Expression.ToString();
                IInvocationOperation? invocation = null;
                foreach (var row in candidates)
                {
                    var direct = row.ConfiguresInRegistration && expression.IndexOf(row.MethodName, StringComparison.Ordinal) >= 0;
                    var chained = row.ConfigureMethodName is not null && expression.IndexOf(row.ConfigureMethodName, StringComparison.Ordinal) >= 0;
                    if (!direct && !chained)
                    {
                        continue;
                    }

                    invocation ??= model.GetOperation(node, cancellationToken) as IInvocationOperation;
                    if (invocation is null)
                    {
                        break;
                    }

                    IInvocationOperation? registration = null;
                    var name = invocation.TargetMethod.Name;
                    if (row.ConfiguresInRegistration && string.Equals(name, row.MethodName, StringComparison.Ordinal))
                    {
                        registration = invocation;
                    }
                    else if (row.ConfigureMethodName is not null && string.Equals(name, row.ConfigureMethodName, StringComparison.Ordinal))
                    {
                        registration = RegistrationOf(invocation, row.MethodName);
                    }

                    if (registration is null || KeyOf(row, registration) is not { } key)
                    {
                        continue;
                    }

                    foreach (var url in ConstantAssignments(invocation, row.PropertyName))
                    {
                        bases[(row.Id, key)] = (bases.TryGetValue((row.Id, key), out var existing) ? existing : ImmutableSortedSet.Create<string>(StringComparer.Ordinal)).Add(url);
                    }
                }
            }
        }

        return new RegistrationIndex(bases, rows);
    }

    /// <summary>
    /// The rows whose registration method's name occurs in <paramref name="tree"/>'s text (a cheap filter before
    /// binding). For Core's built-in rows it is cached with the tree, so after an edit only the edited tree's text is
    /// searched again.
    /// </summary>
    internal static List<RegistrationRow> CandidateRows(SyntaxTree tree, IReadOnlyList<RegistrationRow> rows, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(rows, SinkCatalogue.Registrations) && BuiltInCandidates.TryGetValue(tree, out var cached))
        {
            return cached;
        }

        var text = tree.GetText(cancellationToken).ToString();
        var candidates = rows.Where(r => text.IndexOf(r.MethodName, StringComparison.Ordinal) >= 0).ToList();
        return ReferenceEquals(rows, SinkCatalogue.Registrations) ? BuiltInCandidates.GetValue(tree, _ => candidates) : candidates;
    }

    /// <summary>
    /// The registration call a configuring call is chained on: its receiver, or the receiver of calls in between that
    /// return the same builder type (<c>services.AddHttpClient("a").AddHttpMessageHandler(...).ConfigureHttpClient(...)</c>).
    /// </summary>
    private static IInvocationOperation? RegistrationOf(IInvocationOperation configure, string methodName)
    {
        var receiver = ReceiverOf(configure);
        var builderType = receiver?.Type;
        for (var depth = 0; depth < 16 && receiver is IInvocationOperation inner; depth++)
        {
            if (string.Equals(inner.TargetMethod.Name, methodName, StringComparison.Ordinal))
            {
                return inner;
            }

            if (builderType is null || !SymbolEqualityComparer.Default.Equals(inner.Type, builderType))
            {
                return null;
            }

            receiver = ReceiverOf(inner);
        }

        return null;
    }

    private static IOperation? ReceiverOf(IInvocationOperation invocation)
    {
        var receiver = invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && !invocation.Arguments.IsEmpty ? invocation.Arguments[0].Value : null);
        while (receiver is IConversionOperation conversion)
        {
            receiver = conversion.Operand;
        }

        return receiver;
    }

    private static string? KeyOf(RegistrationRow row, IInvocationOperation registration)
    {
        if (row.Key == RegistrationKey.TypeArgument)
        {
            return registration.TargetMethod.IsGenericMethod && registration.TargetMethod.TypeArguments.Last() is INamedTypeSymbol type
                ? SinkCatalog.GetMetadataName(type.OriginalDefinition)
                : null;
        }

        foreach (var argument in registration.Arguments)
        {
            if (argument.Parameter is { } parameter && string.Equals(parameter.Name, row.NameParameter, StringComparison.Ordinal)
                && argument.Value.ConstantValue is { HasValue: true, Value: string name })
            {
                return name;
            }
        }

        return null;
    }

    private static IEnumerable<string> ConstantAssignments(IInvocationOperation invocation, string property)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
            {
                continue;
            }

            foreach (var assignment in lambda.Body.Descendants().OfType<ISimpleAssignmentOperation>())
            {
                if (assignment.Target is IPropertyReferenceOperation reference && string.Equals(reference.Property.Name, property, StringComparison.Ordinal)
                    && ConstantUrl(assignment.Value) is { } url)
                {
                    yield return url;
                }
            }
        }
    }

    private static string? ConstantUrl(IOperation operation)
    {
        while (true)
        {
            if (operation.ConstantValue is { HasValue: true, Value: string text })
            {
                return text;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IObjectCreationOperation { Arguments.Length: >= 1 } creation when creation.Type?.Name == "Uri":
                    operation = creation.Arguments[0].Value;
                    continue;
                default:
                    return null;
            }
        }
    }
}
