using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>
/// Typed clients registered with <c>services.AddHttpClient&lt;T&gt;(c =&gt; c.BaseAddress = new Uri("..."))</c> (or
/// <c>AddHttpClient&lt;TClient, TImplementation&gt;</c>): the implementation type mapped to its base addresses. Built
/// lazily, once per compilation, by one scan of the trees that mention <c>AddHttpClient</c>.
/// </summary>
internal sealed class TypedClientIndex
{
    private readonly Dictionary<INamedTypeSymbol, ImmutableSortedSet<string>> _bases;

    private TypedClientIndex(Dictionary<INamedTypeSymbol, ImmutableSortedSet<string>> bases)
    {
        _bases = bases;
    }

    public ImmutableSortedSet<string>? GetBases(INamedTypeSymbol type)
    {
        return _bases.TryGetValue(type.OriginalDefinition, out var bases) ? bases : null;
    }

    public static TypedClientIndex Build(Compilation compilation, CancellationToken cancellationToken)
    {
        var bases = new Dictionary<INamedTypeSymbol, ImmutableSortedSet<string>>(SymbolEqualityComparer.Default);
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (tree.GetText(cancellationToken).ToString().IndexOf("AddHttpClient", StringComparison.Ordinal) < 0)
            {
                continue;
            }

            // Same shared-model reasoning as FlowEngine.GetBodyGraph (not the DiagnosticAnalyzer class).
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (node.Expression.ToString().IndexOf("AddHttpClient", StringComparison.Ordinal) < 0
                    || model.GetOperation(node, cancellationToken) is not IInvocationOperation invocation
                    || invocation.TargetMethod is not { Name: "AddHttpClient", IsGenericMethod: true } method
                    || method.TypeArguments.Last() is not INamedTypeSymbol client)
                {
                    continue;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Value is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                    {
                        continue;
                    }

                    foreach (var assignment in lambda.Body.Descendants().OfType<ISimpleAssignmentOperation>())
                    {
                        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "BaseAddress" }
                            && ConstantUrl(assignment.Value) is { } url)
                        {
                            var key = client.OriginalDefinition;
                            bases[key] = (bases.TryGetValue(key, out var existing) ? existing : ImmutableSortedSet.Create<string>(StringComparer.Ordinal)).Add(url);
                        }
                    }
                }
            }
        }

        return new TypedClientIndex(bases);
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
                case IObjectCreationOperation { Arguments.Length: 1 } creation when creation.Type?.Name == "Uri":
                    operation = creation.Arguments[0].Value;
                    continue;
                default:
                    return null;
            }
        }
    }
}
