using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CrossBorder.Policy.Analyzers.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrossBorder.Policy.Analyzers.Rules;

/// <summary>
/// The classification rules: CBDT2001 (important data without catalogue evidence), CBDT2002 (a member whose name
/// looks like personal information but is unclassified, from <see cref="PersonalInformationNames"/>) and CBDT2003
/// (contradictory classifications on one symbol). Symbol actions, so the IDE reports them live.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClassificationAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] Classifications =
    {
        PolicyAttributeNames.PersonalInformation,
        PolicyAttributeNames.SensitivePersonalInformation,
        PolicyAttributeNames.ImportantData,
        PolicyAttributeNames.CoreData,
        PolicyAttributeNames.GeneralData,
        PolicyAttributeNames.Anonymized,
    };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ImportantDataWithoutEvidence,
        DiagnosticDescriptors.UnclassifiedPersonalInformationName,
        DiagnosticDescriptors.ContradictoryClassifications);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (!KnownTypeSymbols.Create(start.Compilation, start.CancellationToken).ReferencesPolicyAttributes)
            {
                return;
            }

            var policy = PolicyContext.Create(start.Options, start.TryGetValue);
            HashSet<string>? entries = null;
            if (policy.Document is { Catalogs.Count: > 0 } document)
            {
                entries = new HashSet<string>(StringComparer.Ordinal);
                foreach (var catalog in document.Catalogs)
                {
                    foreach (var entry in catalog.Entries)
                    {
                        entries.Add(entry.Id);
                    }
                }
            }

            start.RegisterSymbolAction(symbol => Analyze(symbol, entries), SymbolKind.NamedType, SymbolKind.Property, SymbolKind.Field);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, HashSet<string>? catalogEntries)
    {
        var symbol = context.Symbol;
        if (symbol.IsImplicitlyDeclared)
        {
            return;
        }

        var found = new List<(string Name, AttributeData Attribute)>();
        foreach (var attribute in symbol.GetAttributes())
        {
            foreach (var name in Classifications)
            {
                if (PolicyAttributeNames.Is(attribute, name))
                {
                    found.Add((name, attribute));
                }
            }
        }

        foreach (var (name, attribute) in found)
        {
            if (string.Equals(name, PolicyAttributeNames.ImportantData, StringComparison.Ordinal))
            {
                CheckImportantData(context, attribute, catalogEntries);
            }
        }

        CheckContradictions(context, found);

        if (found.Count == 0 && symbol is IPropertySymbol or IFieldSymbol && symbol.ContainingType is { } type && !HasClassification(type))
        {
            var memberType = symbol is IPropertySymbol property ? property.Type : ((IFieldSymbol)symbol).Type;
            if (memberType.SpecialType != SpecialType.System_Boolean
                && !(symbol is IFieldSymbol { AssociatedSymbol: not null })
                && PersonalInformationNames.Match(symbol.Name) is { } what)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnclassifiedPersonalInformationName, symbol.Locations[0], PersonalInformationNames.FixProperties(what), symbol.Name, what));
            }
        }
    }

    private static bool HasClassification(ISymbol symbol)
    {
        foreach (var name in Classifications)
        {
            if (PolicyAttributeNames.Has(symbol, name))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckImportantData(SymbolAnalysisContext context, AttributeData attribute, HashSet<string>? catalogEntries)
    {
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error)
        {
            return;
        }

        var entry = attribute.ConstructorArguments[0].Value as string;
        var location = ArgumentLocation(attribute, context.CancellationToken);
        if (location is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(entry))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ImportantDataWithoutEvidence, location, context.Symbol.Name, "the catalogue entry is empty"));
        }
        else if (catalogEntries is not null && !catalogEntries.Contains(entry!))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ImportantDataWithoutEvidence, location, context.Symbol.Name, "'" + entry + "' is not an entry of the catalogues declared in the policy file"));
        }
    }

    private static void CheckContradictions(SymbolAnalysisContext context, List<(string Name, AttributeData Attribute)> found)
    {
        foreach (var (name, attribute) in found)
        {
            string? conflict = null;
            if (string.Equals(name, PolicyAttributeNames.Anonymized, StringComparison.Ordinal))
            {
                conflict = First(found, PolicyAttributeNames.PersonalInformation, PolicyAttributeNames.SensitivePersonalInformation);
            }
            else if (string.Equals(name, PolicyAttributeNames.GeneralData, StringComparison.Ordinal))
            {
                conflict = First(found, PolicyAttributeNames.PersonalInformation, PolicyAttributeNames.SensitivePersonalInformation, PolicyAttributeNames.ImportantData, PolicyAttributeNames.CoreData);
            }

            if (conflict is not null && attribute.ApplicationSyntaxReference is { } reference)
            {
                var location = Location.Create(reference.SyntaxTree, reference.Span);
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ContradictoryClassifications, location, context.Symbol.Name, Short(name), Short(conflict)));
            }
        }
    }

    private static string? First(List<(string Name, AttributeData Attribute)> found, params string[] names)
    {
        foreach (var (name, _) in found)
        {
            if (Array.IndexOf(names, name) >= 0)
            {
                return name;
            }
        }

        return null;
    }

    private static string Short(string attributeName) => attributeName.Substring(0, attributeName.Length - "Attribute".Length);

    private static Location? ArgumentLocation(AttributeData attribute, System.Threading.CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }

        if (syntax.ArgumentList is { Arguments.Count: > 0 } list && list.Arguments[0].NameEquals is null)
        {
            return list.Arguments[0].Expression.GetLocation();
        }

        return syntax.GetLocation();
    }
}
