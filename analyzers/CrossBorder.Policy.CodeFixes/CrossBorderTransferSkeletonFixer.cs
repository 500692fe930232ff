using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CrossBorder.Policy.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CrossBorder.Policy.CodeFixes;

/// <summary>
/// CBDT1001: adds a <c>[CrossBorderTransfer]</c> skeleton to the sending method or its type, with the endpoint,
/// the recipient's jurisdiction and the data categories of the flow filled in. What only the organisation knows
/// (the reference, the issue date, the purpose) is left as a placeholder that the declaration rules report.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CrossBorderTransferSkeletonFixer))]
public sealed class CrossBorderTransferSkeletonFixer : CodeFixProvider
{
    /// <summary>The title (and equivalence key) of the fix on the method.</summary>
    public const string MethodTitle = "Add a [CrossBorderTransfer] authorization to the method";

    /// <summary>The title (and equivalence key) of the fix on the type.</summary>
    public const string TypeTitle = "Add a [CrossBorderTransfer] authorization to the type";

    /// <summary>The placeholder of <c>IssuedOn</c>: not a date, so CBDT3001 asks for the real one.</summary>
    public const string IssuedOnPlaceholder = "yyyy-MM-dd";

    /// <summary>The placeholder of <c>Reference</c> and <c>Purpose</c>.</summary>
    public const string TextPlaceholder = "TODO";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ClassifiedDataReachesForeignEndpoint);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyKeys.Categories, out var categories) || string.IsNullOrEmpty(categories))
        {
            return;
        }

        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var attributeList = PolicyAttributeEditing.ParseAttributeList(BuildAttribute(diagnostic.Properties, categories!));
        if (attributeList is null)
        {
            return;
        }

        // The authorization covers the flow only on the symbol that sends: the method (not a local function or a
        // lambda inside it) or the types that contain it.
        var function = node.AncestorsAndSelf().FirstOrDefault(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);
        if (function is MethodDeclarationSyntax method)
        {
            Register(context, diagnostic, model, method, attributeList, MethodTitle);
        }

        if (node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type)
        {
            Register(context, diagnostic, model, type, attributeList, TypeTitle);
        }
    }

    private static void Register(CodeFixContext context, Diagnostic diagnostic, SemanticModel model, SyntaxNode declaration, Microsoft.CodeAnalysis.CSharp.Syntax.AttributeListSyntax attributeList, string title)
    {
        if (!PolicyAttributeEditing.CanWrite(model, declaration.SpanStart, out var needsUsing, "CrossBorderTransferAttribute", "TransferMechanism"))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(title, token => PolicyAttributeEditing.AddAttributeAsync(context.Document, declaration, attributeList, needsUsing, token), equivalenceKey: title),
            diagnostic);
    }

    /// <summary>The attribute text: <c>[CrossBorderTransfer(Mechanism = ..., Endpoint = "api.example.sg", ...)]</c>.</summary>
    internal static string BuildAttribute(ImmutableDictionary<string, string?> properties, string categories)
    {
        var builder = new StringBuilder("[CrossBorderTransfer(Mechanism = TransferMechanism.StandardContract");
        builder.Append(", Reference = ").Append(PolicyAttributeEditing.Literal(TextPlaceholder));
        builder.Append(", IssuedOn = ").Append(PolicyAttributeEditing.Literal(IssuedOnPlaceholder));
        if (properties.TryGetValue(DiagnosticPropertyKeys.Recipient, out var recipient) && !string.IsNullOrEmpty(recipient))
        {
            builder.Append(", Recipient = ").Append(PolicyAttributeEditing.Literal(recipient!));
        }

        if (properties.TryGetValue(DiagnosticPropertyKeys.Jurisdiction, out var jurisdiction) && !string.IsNullOrEmpty(jurisdiction))
        {
            builder.Append(", Jurisdiction = ").Append(PolicyAttributeEditing.Literal(jurisdiction!));
        }

        if (properties.TryGetValue(DiagnosticPropertyKeys.Host, out var host) && !string.IsNullOrEmpty(host))
        {
            builder.Append(", Endpoint = ").Append(PolicyAttributeEditing.Literal(host!));
        }

        builder.Append(", Categories = new[] { ");
        builder.Append(string.Join(", ", categories.Split(DiagnosticPropertyKeys.CategorySeparator).Where(c => c.Length > 0).Select(PolicyAttributeEditing.Literal)));
        builder.Append(" }");
        builder.Append(", Purpose = ").Append(PolicyAttributeEditing.Literal(TextPlaceholder));
        builder.Append(")]");
        return builder.ToString();
    }
}
