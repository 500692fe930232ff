using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>
/// The call sites of the compilation where the engine instantiates a callee's summary, grouped by the name they
/// call (<c>Send</c> for <c>x.Send(...)</c> and for a method group passed to a call, <c>items.ForEach(Send)</c>; <c>new:Client</c> for <c>new Client(...)</c>, <c>new()</c> for
/// target-typed creations, <c>init</c> for <c>: base(...)</c>/<c>: this(...)</c>). Built lazily, once per
/// compilation, from syntax only (no binding; each tree's sites are cached with the tree); a site is bound only when
/// a method asks whether it is called.
/// Sites the analyzer never analyses are left out: generated code, field and property initializers, attribute
/// arguments, and lambdas that are not passed directly as an argument of a call (the engine runs those only).
/// </summary>
internal sealed class CallerIndex
{
    private static readonly ConditionalWeakTable<SyntaxTree, Dictionary<string, ImmutableArray<TextSpan>>> TreeSites = new();

    private readonly Dictionary<string, ImmutableArray<(SyntaxTree Tree, TextSpan Span)>> _sites;

    private CallerIndex(Dictionary<string, ImmutableArray<(SyntaxTree Tree, TextSpan Span)>> sites)
    {
        _sites = sites;
    }

    /// <summary>The key of an ordinary method call by name.</summary>
    public static string MethodKey(string name) => name;

    /// <summary>The key of <c>new T(...)</c> for the type named <paramref name="typeName"/>.</summary>
    public static string CreationKey(string typeName) => "new:" + typeName;

    public const string ImplicitCreationKey = "new()";

    public const string ConstructorInitializerKey = "init";

    /// <summary>The sites of <paramref name="key"/>: invocations, creations, constructor initializers or method-group arguments.</summary>
    public ImmutableArray<SyntaxNode> Get(string key, CancellationToken cancellationToken)
    {
        if (!_sites.TryGetValue(key, out var sites))
        {
            return ImmutableArray<SyntaxNode>.Empty;
        }

        var nodes = ImmutableArray.CreateBuilder<SyntaxNode>(sites.Length);
        foreach (var (tree, span) in sites)
        {
            nodes.Add(tree.GetRoot(cancellationToken).FindNode(span, getInnermostNodeForTie: true));
        }

        return nodes.MoveToImmutable();
    }

    public static CallerIndex Build(Compilation compilation, CancellationToken cancellationToken)
    {
        var sites = new List<(string Key, (SyntaxTree Tree, TextSpan Span) Site)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var pair in GetTreeSites(tree, cancellationToken))
            {
                sites.AddRange(pair.Value.Select(span => (pair.Key, (tree, span))));
            }
        }

        return new CallerIndex(GroupByKey(sites));
    }

    /// <summary>Groups items by key, keeping their order within each key.</summary>
    private static Dictionary<string, ImmutableArray<T>> GroupByKey<T>(IEnumerable<(string Key, T Item)> items) =>
        items.GroupBy(static i => i.Key, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.Select(static i => i.Item).ToImmutableArray(), StringComparer.Ordinal);

    /// <summary>
    /// The sites of one tree by key, as spans (a node is found again when its key is asked for). Syntax only, so cached
    /// per tree: after an edit the IDE's next compilation shares every tree but the edited one, and only that one is
    /// walked again. Spans, not nodes, so that the cache does not keep every method body's syntax alive.
    /// </summary>
    internal static Dictionary<string, ImmutableArray<TextSpan>> GetTreeSites(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (TreeSites.TryGetValue(tree, out var cached))
        {
            return cached;
        }

        var sites = new List<(string Key, TextSpan Span)>();
        var root = tree.GetRoot(cancellationToken);
        if (!IsGenerated(tree, root))
        {
            foreach (var node in root.DescendantNodes(static n => n is not (UsingDirectiveSyntax or AttributeListSyntax or BaseFieldDeclarationSyntax or ParameterListSyntax or NameSyntax or EnumDeclarationSyntax)))
            {
                var key = node switch
                {
                    InvocationExpressionSyntax invocation => NameOf(invocation.Expression),
                    ObjectCreationExpressionSyntax creation => TypeNameOf(creation.Type) is { } type ? CreationKey(type) : null,
                    ImplicitObjectCreationExpressionSyntax => ImplicitCreationKey,
                    ConstructorInitializerSyntax => ConstructorInitializerKey,
                    // A method group passed to a call (items.ForEach(Send)): the engine runs the method there.
                    ExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax } } } argument
                        and (SimpleNameSyntax or MemberAccessExpressionSyntax) => NameOf(argument),
                    _ => null,
                };
                if (key is null || !IsAnalysedContext(node))
                {
                    continue;
                }

                sites.Add((key, node.Span));
            }
        }

        var grouped = GroupByKey(sites);
        return TreeSites.GetValue(tree, _ => grouped);
    }

    private static string? NameOf(ExpressionSyntax expression)
    {
        return expression switch
        {
            SimpleNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
    }

    private static string? TypeNameOf(TypeSyntax type)
    {
        return type switch
        {
            SimpleNameSyntax name => name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>Whether the analyzer analyses the code around <paramref name="node"/> as part of a method body.</summary>
    internal static bool IsAnalysedContext(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax function:
                    // The engine runs a lambda where it is passed to a call; one stored in a variable, a field or an
                    // event is never analysed, so a call inside it finishes no flow.
                    if (function.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax } })
                    {
                        continue;
                    }

                    return false;

                case ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax }:
                case BaseMethodDeclarationSyntax:
                case AccessorDeclarationSyntax:
                case GlobalStatementSyntax:
                    return true;

                case BaseFieldDeclarationSyntax:
                case BasePropertyDeclarationSyntax:
                case AttributeSyntax:
                case ParameterSyntax:
                case EnumMemberDeclarationSyntax:
                case BaseTypeDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>Generated code is not analysed (<c>ConfigureGeneratedCodeAnalysis(None)</c>): its calls finish no flow.</summary>
    internal static bool IsGenerated(SyntaxTree tree, SyntaxNode root)
    {
        var path = tree.FilePath ?? string.Empty;
        var name = System.IO.Path.GetFileName(path);
        if (name.StartsWith("TemporaryGeneratedFile_", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".designer.cs", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".g.i.cs", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var trivia in root.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                var text = trivia.ToString();
                if (text.IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0
                    || text.IndexOf("<autogenerated", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
