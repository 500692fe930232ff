using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CrossBorder.Policy.Generators;

public sealed partial class CrossBorderGenerator
{
    /// <summary>
    /// The type shapes, in three steps so that an edit does not bind every type of the compilation again:
    /// <list type="number">
    /// <item><see cref="ParseTreeDeclarations"/> reads each syntax tree's type declarations without binding; it runs only
    /// for the trees an edit replaced.</item>
    /// <item><see cref="SelectShapeCandidates"/> keeps the types whose declarations name, by simple name, a classified type
    /// (of this compilation or a referenced one) or a type that holds one, to a fixed point, and the types that name a
    /// classified or shaped type of a referenced assembly. Matching by simple name over-approximates binding, so no type
    /// that binding would find is left out.</item>
    /// <item><see cref="BindShapes"/> binds those candidates alone.</item>
    /// </list>
    /// </summary>
    internal static partial class Parser
    {
        /// <summary>The type declarations of one tree, as written.</summary>
        public static TreeDeclarationsModel ParseTreeDeclarations(int treeIndex, SyntaxTree tree, CancellationToken cancellationToken)
        {
            var root = tree.GetRoot(cancellationToken);
            var types = new List<DeclaredTypeModel>();
            VisitDeclarations(root, @namespace: string.Empty, container: null, (type, key) => types.Add(Describe(type, key)), cancellationToken);

            var aliases = new List<AliasModel>();
            foreach (var directive in root.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
            {
                if (directive.Alias is { } alias)
                {
                    var names = new SortedSet<string>(StringComparer.Ordinal);
                    foreach (var node in directive.DescendantNodes())
                    {
                        if (!alias.Span.Contains(node.Span))
                        {
                            AddName(node, names);
                        }
                    }

                    aliases.Add(new AliasModel(alias.Name.Identifier.ValueText, names.ToEquatableArray()));
                }
            }

            return new TreeDeclarationsModel(
                treeIndex,
                types.ToEquatableArray(),
                aliases.OrderBy(static a => a.Alias, StringComparer.Ordinal).ThenBy(static a => string.Join(".", a.TargetNames), StringComparer.Ordinal).ToEquatableArray());
        }

        /// <summary>
        /// The types worth binding for their shapes (see <see cref="TypeShapeModel"/>): those whose instance fields and
        /// properties name an interesting type, where a type is interesting when it is classified here or in a reference,
        /// is a shaped type of a reference, or is itself such a holder (to a fixed point); and those whose declaration names
        /// a classified or shaped type of a reference (for <see cref="TypeShapeModel.Uses"/>). Names are simple names;
        /// <c>using</c> aliases are followed.
        /// </summary>
        public static EquatableArray<TypeLocation> SelectShapeCandidates(
            ImmutableArray<TreeDeclarationsModel> trees,
            ImmutableArray<DataEntryModel> local,
            ReferencedModel referenced,
            CancellationToken cancellationToken)
        {
            var external = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in referenced.Entries)
            {
                AddTypeName(entry.Kind == EntryKind.Type ? entry.Id : entry.ContainingTypeId, external);
            }

            foreach (var shape in referenced.Shapes)
            {
                AddTypeName(shape.TypeId, external);
            }

            var interesting = new HashSet<string>(external, StringComparer.Ordinal);
            foreach (var entry in local)
            {
                AddTypeName(entry.Kind == EntryKind.Type ? entry.Id : entry.ContainingTypeId, interesting);
            }

            var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var alias in trees.SelectMany(static t => t.Aliases))
            {
                if (!aliases.TryGetValue(alias.Alias, out var targets))
                {
                    aliases[alias.Alias] = targets = new List<string>();
                }

                targets.AddRange(alias.TargetNames);
            }

            IEnumerable<string> Expand(EquatableArray<string> names)
            {
                foreach (var name in names)
                {
                    yield return name;
                    if (aliases.TryGetValue(name, out var targets))
                    {
                        foreach (var target in targets)
                        {
                            yield return target;
                        }
                    }
                }
            }

            var candidates = new SortedSet<(int TreeIndex, string Key)>();
            var holdersOf = new Dictionary<string, List<(int TreeIndex, DeclaredTypeModel Type)>>(StringComparer.Ordinal);
            foreach (var tree in trees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var type in tree.Types)
                {
                    foreach (var name in Expand(type.MemberTypeNames))
                    {
                        if (!holdersOf.TryGetValue(name, out var holders))
                        {
                            holdersOf[name] = holders = new List<(int, DeclaredTypeModel)>();
                        }

                        holders.Add((tree.TreeIndex, type));
                    }

                    if (external.Count > 0 && Expand(type.SignatureNames).Any(external.Contains))
                    {
                        candidates.Add((tree.TreeIndex, type.Key));
                    }
                }
            }

            // Worklist over names: a holder of an interesting name is a candidate, and its own name becomes interesting.
            var pending = new Stack<string>(interesting.OrderBy(static n => n, StringComparer.Ordinal));
            while (pending.Count > 0)
            {
                if (!holdersOf.TryGetValue(pending.Pop(), out var holders))
                {
                    continue;
                }

                foreach (var (treeIndex, type) in holders)
                {
                    candidates.Add((treeIndex, type.Key));
                    if (interesting.Add(type.Name))
                    {
                        pending.Push(type.Name);
                    }
                }
            }

            return candidates.Select(static c => new TypeLocation(c.TreeIndex, c.Key)).ToEquatableArray();
        }

        /// <summary>The shapes of the candidate types, bound in this compilation; sorted by type id.</summary>
        public static EquatableArray<TypeShapeModel> BindShapes(EquatableArray<TypeLocation> candidates, Compilation compilation, CancellationToken cancellationToken)
        {
            if (candidates.IsEmpty)
            {
                return EquatableArray<TypeShapeModel>.Empty;
            }

            var trees = compilation.SyntaxTrees as IReadOnlyList<SyntaxTree> ?? compilation.SyntaxTrees.ToList();
            var shapes = new Dictionary<string, TypeShapeModel>(StringComparer.Ordinal);
            foreach (var group in candidates.GroupBy(static c => c.TreeIndex))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (group.Key >= trees.Count)
                {
                    continue;
                }

                var tree = trees[group.Key];
                var keys = new HashSet<string>(group.Select(static c => c.Key), StringComparer.Ordinal);
                SemanticModel? model = null;
                VisitDeclarations(
                    tree.GetRoot(cancellationToken),
                    @namespace: string.Empty,
                    container: null,
                    (declaration, key) =>
                    {
                        if (!keys.Contains(key))
                        {
                            return;
                        }

                        model ??= compilation.GetSemanticModel(tree);
                        if (model.GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol type &&
                            type.GetDocumentationCommentId() is { } id &&
                            !shapes.ContainsKey(id) &&
                            ParseTypeShape(type, compilation.Assembly) is { } shape)
                        {
                            shapes.Add(id, shape);
                        }
                    },
                    cancellationToken);
            }

            return shapes.Values.OrderBy(static s => s.TypeId, StringComparer.Ordinal).ToEquatableArray();
        }

        /// <summary>
        /// The shape of a declared type: its instance properties and fields that mention user types, and the types of
        /// other assemblies its declaration uses; null when it has neither.
        /// </summary>
        private static TypeShapeModel? ParseTypeShape(INamedTypeSymbol type, IAssemblySymbol own)
        {
            var shape = CreateShape(type, assembly: null);
            var uses = new SortedSet<string>(StringComparer.Ordinal);
            CollectUses(type, own, uses);
            if (shape is null && uses.Count == 0)
            {
                return null;
            }

            return (shape ?? new TypeShapeModel(type.GetDocumentationCommentId()!, type.ToDisplayString(NameFormat), EquatableArray<MemberShape>.Empty))
                with { Uses = uses.ToEquatableArray() };
        }

        /// <summary>
        /// Calls <paramref name="visit"/> for every class, struct, interface and record declaration under
        /// <paramref name="node"/> with its key: namespace, containing types and name with arity, such as
        /// <c>Contoso.Clinic.Outer`1+Inner</c>. Bodies are not entered.
        /// </summary>
        private static void VisitDeclarations(SyntaxNode node, string @namespace, string? container, Action<TypeDeclarationSyntax, string> visit, CancellationToken cancellationToken)
        {
            var members = node switch
            {
                CompilationUnitSyntax unit => unit.Members,
                BaseNamespaceDeclarationSyntax ns => ns.Members,
                TypeDeclarationSyntax type => type.Members,
                _ => default,
            };
            foreach (var member in members)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        var name = NameOf(ns.Name);
                        VisitDeclarations(ns, @namespace.Length == 0 ? name : @namespace + "." + name, container: null, visit, cancellationToken);
                        break;
                    case TypeDeclarationSyntax type:
                        var simple = type.Identifier.ValueText + (type.TypeParameterList is { Parameters.Count: > 0 } parameters ? "`" + parameters.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
                        var key = container is not null ? container + "+" + simple : @namespace.Length == 0 ? simple : @namespace + "." + simple;
                        visit(type, key);
                        VisitDeclarations(type, @namespace, key, visit, cancellationToken);
                        break;
                }
            }
        }

        private static string NameOf(NameSyntax name) => name switch
        {
            QualifiedNameSyntax qualified => NameOf(qualified.Left) + "." + qualified.Right.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => name.ToString(),
        };

        private static DeclaredTypeModel Describe(TypeDeclarationSyntax type, string key)
        {
            var members = new SortedSet<string>(StringComparer.Ordinal);
            if (type is RecordDeclarationSyntax { ParameterList: { } positional })
            {
                AddNames(positional, members);
            }

            foreach (var member in type.Members)
            {
                switch (member)
                {
                    case FieldDeclarationSyntax field when !IsStaticOrConst(field.Modifiers):
                        AddNames(field.Declaration.Type, members);
                        break;
                    case PropertyDeclarationSyntax property when !IsStaticOrConst(property.Modifiers):
                        AddNames(property.Type, members);
                        break;
                }
            }

            var signature = new SortedSet<string>(StringComparer.Ordinal);
            AddNames(type, signature);
            return new DeclaredTypeModel(key, type.Identifier.ValueText, members.ToEquatableArray(), signature.ToEquatableArray());
        }

        private static bool IsStaticOrConst(SyntaxTokenList modifiers) =>
            modifiers.Any(SyntaxKind.StaticKeyword) || modifiers.Any(SyntaxKind.ConstKeyword);

        /// <summary>
        /// The simple names written under <paramref name="node"/>, outside bodies, initializers, attribute arguments and
        /// nested type declarations: the names of every type a declaration's signatures can mention.
        /// </summary>
        private static void AddNames(SyntaxNode node, ISet<string> names)
        {
            foreach (var descendant in node.DescendantNodesAndSelf(n => n == node || !IsOutsideSignature(n)))
            {
                AddName(descendant, names);
            }
        }

        private static bool IsOutsideSignature(SyntaxNode node) =>
            node is BlockSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax or AttributeListSyntax
                or BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or ArgumentListSyntax;

        private static void AddName(SyntaxNode node, ISet<string> names)
        {
            switch (node)
            {
                case IdentifierNameSyntax identifier:
                    names.Add(identifier.Identifier.ValueText);
                    break;
                case GenericNameSyntax generic:
                    names.Add(generic.Identifier.ValueText);
                    break;
            }
        }

        /// <summary>Adds the simple name of a type's documentation comment id (<c>T:Ns.Outer.Inner`1</c> gives <c>Inner</c>).</summary>
        private static void AddTypeName(string? typeId, ISet<string> names)
        {
            if (typeId is null || typeId.Length < 3)
            {
                return;
            }

            var name = typeId.Substring(2);
            var generic = name.IndexOf('`');
            if (generic >= 0)
            {
                name = name.Substring(0, generic);
            }

            names.Add(name.Substring(name.LastIndexOf('.') + 1));
        }
    }
}
