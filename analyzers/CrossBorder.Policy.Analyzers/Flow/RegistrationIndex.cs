using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CrossBorder.Policy.Core.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>
/// The client registrations of a compilation, driven by Core's <see cref="SinkCatalogue.Registrations"/>: named
/// clients (<c>services.AddHttpClient("name", c =&gt; c.BaseAddress = ...)</c>) and interface clients
/// (<c>services.AddRefitClient&lt;IApi&gt;().ConfigureHttpClient(c =&gt; c.BaseAddress = ...)</c>), mapped to their
/// constant base addresses. Built lazily, once per compilation, by one scan of the trees that mention a
/// registration method.
/// </summary>
internal sealed class RegistrationIndex
{
    private readonly Dictionary<(string Registration, string Key), ImmutableSortedSet<string>> _bases;

    private RegistrationIndex(Dictionary<(string, string), ImmutableSortedSet<string>> bases)
    {
        _bases = bases;
    }

    /// <summary>The base addresses registered under <paramref name="registration"/> (a <see cref="RegistrationRow.Id"/>) for a client name.</summary>
    public ImmutableSortedSet<string>? GetByName(string registration, string name)
    {
        return _bases.TryGetValue((registration, name), out var bases) ? bases : null;
    }

    /// <summary>The base addresses registered for a client type under any type-keyed registration.</summary>
    public ImmutableSortedSet<string>? GetByType(INamedTypeSymbol type)
    {
        var key = SinkCatalog.GetMetadataName(type.OriginalDefinition);
        ImmutableSortedSet<string>? result = null;
        foreach (var row in SinkCatalogue.Registrations)
        {
            if (row.Key == RegistrationKey.TypeArgument && _bases.TryGetValue((row.Id, key), out var bases))
            {
                result = result is null ? bases : result.Union(bases);
            }
        }

        return result;
    }

    public static RegistrationIndex Build(Compilation compilation, IReadOnlyList<RegistrationRow> rows, CancellationToken cancellationToken)
    {
        var bases = new Dictionary<(string, string), ImmutableSortedSet<string>>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = tree.GetText(cancellationToken).ToString();
            var candidates = rows.Where(r => text.IndexOf(r.MethodName, StringComparison.Ordinal) >= 0).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            // Same shared-model reasoning as FlowEngine.GetBodyGraph (not the DiagnosticAnalyzer class).
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                foreach (var row in candidates)
                {
                    var expected = row.ConfigureMethodName ?? row.MethodName;
                    if (node.Expression.ToString().IndexOf(expected, StringComparison.Ordinal) < 0
                        || model.GetOperation(node, cancellationToken) is not IInvocationOperation invocation
                        || !string.Equals(invocation.TargetMethod.Name, expected, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var registration = invocation;
                    if (row.ConfigureMethodName is not null)
                    {
                        var receiver = invocation.Instance ?? (invocation.Arguments.IsEmpty ? null : invocation.Arguments[0].Value);
                        while (receiver is IConversionOperation conversion)
                        {
                            receiver = conversion.Operand;
                        }

                        if (receiver is not IInvocationOperation inner || !string.Equals(inner.TargetMethod.Name, row.MethodName, StringComparison.Ordinal))
                        {
                            continue;
                        }

                        registration = inner;
                    }

                    if (KeyOf(row, registration) is not { } key)
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

        return new RegistrationIndex(bases);
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
