using System;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers;

/// <summary>The only place that constructs <see cref="DiagnosticDescriptor"/>s (both constructors are banned elsewhere).</summary>
internal static class DiagnosticDescriptorHelper
{
    /// <summary>The category of the flow rules (<c>CBDT1xxx</c>).</summary>
    public const string TransferCategory = "CrossBorder.Transfer";

    /// <summary>The category of the classification rules (<c>CBDT2xxx</c>).</summary>
    public const string ClassificationCategory = "CrossBorder.Classification";

    /// <summary>The category of the declaration rules (<c>CBDT3xxx</c>).</summary>
    public const string AuthorizationCategory = "CrossBorder.Authorization";

    /// <summary>The category of the policy-file rules (<c>CBDT9xxx</c>).</summary>
    public const string ConfigurationCategory = "CrossBorder.Configuration";

    /// <summary>Creates a descriptor whose help link is the rule's page and whose severity follows <paramref name="ruleLevel"/>.</summary>
    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        RuleLevel ruleLevel,
        string description,
        params string[] customTags)
    {
        if (id is null || id.Length != 8 || !id.StartsWith("CBDT", StringComparison.Ordinal))
        {
            throw new ArgumentException("Diagnostic IDs are 'CBDT' and four digits.", nameof(id));
        }

        var (severity, enabled) = ruleLevel switch
        {
            RuleLevel.BuildError => (DiagnosticSeverity.Error, true),
            RuleLevel.BuildWarning => (DiagnosticSeverity.Warning, true),
            RuleLevel.IdeSuggestion => (DiagnosticSeverity.Info, true),
            RuleLevel.Traceability => (DiagnosticSeverity.Hidden, true),
            RuleLevel.Disabled => (DiagnosticSeverity.Warning, false),
            _ => throw new ArgumentOutOfRangeException(nameof(ruleLevel)),
        };

#pragma warning disable RS0030 // The one sanctioned use of the banned constructor.
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            severity,
            enabled,
            description,
            RuleIdentifiers.GetHelpUri(id),
            customTags);
#pragma warning restore RS0030
    }
}
