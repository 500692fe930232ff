using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using CrossBorder.Policy.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CrossBorder.Policy.CodeFixes;

/// <summary>
/// CBDT2002: classifies a member whose name looks like personal information, as <c>[PersonalInformation]</c> and,
/// when the name table says the kind is sensitive, as <c>[SensitivePersonalInformation(SensitiveCategory.X)]</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClassifyMemberFixer))]
public sealed class ClassifyMemberFixer : CodeFixProvider
{
    /// <summary>The title (and equivalence key) of the personal-information fix.</summary>
    public const string PersonalTitle = "Classify as personal information";

    /// <summary>The title of the sensitive fix; the equivalence key adds the category so FixAll keeps each member's own.</summary>
    public const string SensitiveTitle = "Classify as sensitive personal information";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnclassifiedPersonalInformationName);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <summary>The title of the sensitive fix for <paramref name="category"/>: <c>Classify as sensitive personal information (MedicalHealth)</c>.</summary>
    public static string SensitiveTitleFor(string category) => SensitiveTitle + " (" + category + ")";

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var node = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent;
        SyntaxNode? declaration = node switch
        {
            PropertyDeclarationSyntax property => property,

            // An attribute on a field declaration applies to all its variables: only a single one is fixed.
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } } => field,
            _ => null,
        };
        if (declaration is null)
        {
            return;
        }

        if (PolicyAttributeEditing.CanWrite(model, declaration.SpanStart, out var needsUsing, "PersonalInformationAttribute")
            && PolicyAttributeEditing.ParseAttributeList("[PersonalInformation]") is { } personal)
        {
            context.RegisterCodeFix(
                CodeAction.Create(PersonalTitle, token => PolicyAttributeEditing.AddAttributeAsync(context.Document, declaration, personal, needsUsing, token), equivalenceKey: PersonalTitle),
                diagnostic);
        }

        if (diagnostic.Properties.TryGetValue(DiagnosticPropertyKeys.SensitiveCategory, out var category)
            && category is { Length: > 0 }
            && model.Compilation.GetTypeByMetadataName(PolicyAttributeEditing.PolicyNamespace + ".SensitiveCategory") is { } categoryType
            && !categoryType.GetMembers(category).IsEmpty
            && PolicyAttributeEditing.CanWrite(model, declaration.SpanStart, out var needsUsingSensitive, "SensitivePersonalInformationAttribute", "SensitiveCategory")
            && PolicyAttributeEditing.ParseAttributeList("[SensitivePersonalInformation(SensitiveCategory." + category + ")]") is { } sensitive)
        {
            var title = SensitiveTitleFor(category);
            context.RegisterCodeFix(
                CodeAction.Create(title, token => PolicyAttributeEditing.AddAttributeAsync(context.Document, declaration, sensitive, needsUsingSensitive, token), equivalenceKey: title),
                diagnostic);
        }
    }
}
