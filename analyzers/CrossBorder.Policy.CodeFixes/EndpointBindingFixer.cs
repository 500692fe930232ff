using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using CrossBorder.Policy.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CrossBorder.Policy.CodeFixes;

/// <summary>
/// CBDT1005: binds the client that sends (the field, property or parameter the sink is called on) to a domestic
/// endpoint with <c>[DomesticEndpoint]</c>. A foreign binding needs the recipient's jurisdiction, which the
/// diagnostic cannot know (the destination is unresolved), so no <c>[ForeignEndpoint]</c> is offered: a
/// placeholder code would be an invalid declaration.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EndpointBindingFixer))]
public sealed class EndpointBindingFixer : CodeFixProvider
{
    /// <summary>The title (and equivalence key) of the fix.</summary>
    public const string DomesticTitle = "Bind the client to a domestic endpoint";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ClassifiedDataReachesUnresolvedEndpoint);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        var sink = diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations[0] : diagnostic.Location;
        var tree = await context.Document.GetSyntaxTreeAsync(context.CancellationToken).ConfigureAwait(false);

        // Only edits inside the diagnostic's document (the batch FixAll merges per document).
        if (tree is null || !sink.IsInSource || sink.SourceTree != tree)
        {
            return;
        }

        var root = await tree.GetRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return;
        }

        var invocation = root.FindNode(sink.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (invocation?.Expression is not MemberAccessExpressionSyntax access)
        {
            return;
        }

        var client = model.GetSymbolInfo(access.Expression, context.CancellationToken).Symbol;
        if (client is not (IFieldSymbol or IPropertySymbol or IParameterSymbol) || client.IsImplicitlyDeclared || client.DeclaringSyntaxReferences.Length != 1)
        {
            return;
        }

        var reference = client.DeclaringSyntaxReferences[0];
        if (reference.SyntaxTree != tree)
        {
            return;
        }

        SyntaxNode? declaration = reference.GetSyntax(context.CancellationToken) switch
        {
            PropertyDeclarationSyntax property => property,
            ParameterSyntax { Parent: ParameterListSyntax or BracketedParameterListSyntax } parameter => parameter,
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } } => field,
            _ => null,
        };
        if (declaration is null
            || !PolicyAttributeEditing.CanWrite(model, declaration.SpanStart, out var needsUsing, "DomesticEndpointAttribute")
            || PolicyAttributeEditing.ParseAttributeList("[DomesticEndpoint]") is not { } attribute)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(DomesticTitle, token => PolicyAttributeEditing.AddAttributeAsync(context.Document, declaration, attribute, needsUsing, token), equivalenceKey: DomesticTitle),
            diagnostic);
    }
}
