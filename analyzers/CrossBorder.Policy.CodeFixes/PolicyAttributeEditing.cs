using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace CrossBorder.Policy.CodeFixes;

// The providers are exported without [Shared] (System.Composition.AttributedModel): the Workspaces 4.8.0 floor
// resolves System.Composition 8.0.0 here, and a reference to it would neither be provided by every host nor be in
// the package. Non-shared providers are created per use, which the stateless providers allow.

/// <summary>What the fixes share: checking that a CrossBorder.Policy attribute can be written by its short name, and writing it.</summary>
internal static class PolicyAttributeEditing
{
    public const string PolicyNamespace = "CrossBorder.Policy";

    /// <summary>
    /// Whether the short names <paramref name="typeNames"/> (types of <see cref="PolicyNamespace"/>) can be used at
    /// <paramref name="position"/>, and whether that needs <c>using CrossBorder.Policy;</c>. <see langword="false"/>
    /// when a type is missing from the compilation or its short name already means something else there.
    /// </summary>
    public static bool CanWrite(SemanticModel model, int position, out bool needsUsing, params string[] typeNames)
    {
        needsUsing = false;
        foreach (var typeName in typeNames)
        {
            var type = model.Compilation.GetTypeByMetadataName(PolicyNamespace + "." + typeName);
            if (type is null)
            {
                return false;
            }

            var found = model.LookupNamespacesAndTypes(position, name: typeName);
            if (found.IsEmpty)
            {
                needsUsing = true;
                continue;
            }

            if (found.Length != 1 || !SymbolEqualityComparer.Default.Equals(found[0], type))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses one attribute list, for example <c>[PersonalInformation]</c>; <see langword="null"/> if it does not parse cleanly.</summary>
    public static AttributeListSyntax? ParseAttributeList(string text)
    {
        var member = SyntaxFactory.ParseMemberDeclaration(text + " void M() { }");
        if (member is null || member.ContainsDiagnostics || member.AttributeLists.Count != 1)
        {
            return null;
        }

        return member.AttributeLists[0].WithoutTrivia().WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>Adds <paramref name="attributeList"/> to <paramref name="declaration"/> and, if needed, <c>using CrossBorder.Policy;</c>.</summary>
    public static async Task<Document> AddAttributeAsync(Document document, SyntaxNode declaration, AttributeListSyntax attributeList, bool needsUsing, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (declaration is not ParameterSyntax)
        {
            // On its own line before a member, with the document's own line ending.
            var endOfLine = editor.OriginalRoot.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            attributeList = attributeList.WithTrailingTrivia(SyntaxFactory.ElasticEndOfLine(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine.ToString() : "\n"));
        }

        editor.AddAttribute(declaration, attributeList);
        if (needsUsing && editor.OriginalRoot is CompilationUnitSyntax)
        {
            editor.ReplaceNode(editor.OriginalRoot, (current, _) => AddUsing((CompilationUnitSyntax)current));
        }

        return editor.GetChangedDocument();
    }

    private static CompilationUnitSyntax AddUsing(CompilationUnitSyntax root)
    {
        if (root.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && string.Equals(u.Name?.ToString(), PolicyNamespace, System.StringComparison.Ordinal)))
        {
            return root;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(PolicyNamespace))
            .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
        return root.AddUsings(directive);
    }

    /// <summary>A C# string literal of <paramref name="value"/>.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
