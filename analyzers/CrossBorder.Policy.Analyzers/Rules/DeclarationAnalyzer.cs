using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using CrossBorder.Policy.Analyzers.Policy;
using CrossBorder.Policy.Core.Jurisdictions;
using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.PolicyFile;
using CrossBorder.Policy.Core.Regulation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrossBorder.Policy.Analyzers.Rules;

/// <summary>
/// The declaration rules CBDT3001-CBDT3010 on <c>[CrossBorderTransfer]</c>, <c>[ForeignEndpoint]</c>,
/// <c>[DomesticEndpoint]</c> and <c>[ImportantData]</c>: each attribute is checked on its own syntax (so half-typed
/// attributes in the editor are read as far as they go) and each problem is reported at the offending argument.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.DateNotIso,
        DiagnosticDescriptors.InvertedDates,
        DiagnosticDescriptors.ValidityExceedsLaw,
        DiagnosticDescriptors.MissingReference,
        DiagnosticDescriptors.ReferenceFormatMismatch,
        DiagnosticDescriptors.UnknownJurisdiction,
        DiagnosticDescriptors.InvalidHostPattern,
        DiagnosticDescriptors.ExemptionMismatch,
        DiagnosticDescriptors.AuthorizationExpiresSoon,
        DiagnosticDescriptors.InvalidCategory);

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
            start.RegisterSyntaxNodeAction(node => AnalyzeAttribute(node, policy), SyntaxKind.Attribute);
        });
    }

    private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context, PolicyContext policy)
    {
        var syntax = (AttributeSyntax)context.Node;
        var info = context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken);
        var constructor = info.Symbol as IMethodSymbol ?? (info.CandidateSymbols.Length > 0 ? info.CandidateSymbols[0] as IMethodSymbol : null);
        var type = constructor?.ContainingType;
        if (type is null)
        {
            return;
        }

        var arguments = Arguments.Read(syntax, context.SemanticModel, context.CancellationToken);
        if (PolicyAttributeNames.IsType(type, PolicyAttributeNames.CrossBorderTransfer))
        {
            CheckTransfer(context, syntax, arguments, policy);
        }
        else if (PolicyAttributeNames.IsType(type, PolicyAttributeNames.ForeignEndpoint))
        {
            CheckJurisdiction(context, arguments.Positional(0));
            CheckHost(context, arguments.Named("Host"));
        }
        else if (PolicyAttributeNames.IsType(type, PolicyAttributeNames.DomesticEndpoint))
        {
            CheckHost(context, arguments.Named("Host"));
        }
        else if (PolicyAttributeNames.IsType(type, PolicyAttributeNames.ImportantData))
        {
            CheckDate(context, arguments.Named("NotifiedOn"), "NotifiedOn", out _);
        }
    }

    private static void CheckTransfer(SyntaxNodeAnalysisContext context, AttributeSyntax syntax, Arguments arguments, PolicyContext policy)
    {
        var mechanismArgument = arguments.Named("Mechanism");
        var mechanismKnown = mechanismArgument is null || mechanismArgument.Value.Value is int;
        var mechanism = mechanismArgument?.Value.Value is int m && Enum.IsDefined(typeof(TransferMechanism), m) ? (TransferMechanism)m : TransferMechanism.SecurityAssessment;
        var exemptionArgument = arguments.Named("Exemption");
        var exemption = exemptionArgument?.Value.Value is int e && Enum.IsDefined(typeof(ExemptionBasis), e) ? (ExemptionBasis)e : ExemptionBasis.None;

        var issuedOk = CheckDate(context, arguments.Named("IssuedOn"), "IssuedOn", out var issued);
        var untilOk = CheckDate(context, arguments.Named("ValidUntil"), "ValidUntil", out var until);

        // Reference: required for every mechanism but an exemption; its format comes from the policy file.
        var referenceArgument = arguments.Named("Reference");
        var reference = referenceArgument?.Value.Value as string;
        if (mechanismKnown && mechanism != TransferMechanism.Exemption)
        {
            if (referenceArgument is null || (referenceArgument.Value.HasValue && string.IsNullOrWhiteSpace(reference)))
            {
                Report(context, DiagnosticDescriptors.MissingReference, (SyntaxNode?)referenceArgument?.Expression ?? syntax.Name, Name(mechanism));
            }
            else if (reference is not null)
            {
                var formats = policy.Document?.ReferenceFormats ?? ReferenceFormats.Default;
                if (!formats.IsMatch(mechanism, reference))
                {
                    Report(context, DiagnosticDescriptors.ReferenceFormatMismatch, referenceArgument.Expression, reference, Name(mechanism), formats.For(mechanism) ?? string.Empty);
                }
            }
        }

        CheckJurisdiction(context, arguments.Named("Jurisdiction"));
        CheckHost(context, arguments.Named("Endpoint"));

        if (mechanismKnown && mechanism == TransferMechanism.Exemption && exemption == ExemptionBasis.None && (exemptionArgument is null || exemptionArgument.Value.HasValue))
        {
            Report(context, DiagnosticDescriptors.ExemptionMismatch, (SyntaxNode?)mechanismArgument?.Expression ?? syntax.Name, "Mechanism = Exemption needs an Exemption basis (Provisions 2024 Arts. 3 to 6), for example Exemption = ExemptionBasis.ContractPerformance");
        }
        else if (mechanismKnown && mechanism != TransferMechanism.Exemption && exemption != ExemptionBasis.None && exemptionArgument is not null)
        {
            Report(context, DiagnosticDescriptors.ExemptionMismatch, exemptionArgument.Expression, "Exemption = " + Name(exemption) + " contradicts Mechanism = " + Name(mechanism) + "; an exemption basis goes with Mechanism = Exemption, a " + Name(mechanism) + " needs none");
        }

        if (exemption == ExemptionBasis.FreeTradeZoneNegativeList && exemptionArgument is not null
            && !Flow.AuthorizationChecks.GetProcessor(context.SemanticModel.Compilation, policy.Document).IsInFreeTradeZone)
        {
            Report(context, DiagnosticDescriptors.ExemptionMismatch, exemptionArgument.Expression, "Exemption = FreeTradeZoneNegativeList needs the processor's free-trade zone: set [assembly: DataProcessor(FreeTradeZone = \"...\")] or processor.freeTradeZone in the policy file (Provisions 2024 Art. 6)");
        }

        if (arguments.Named("Categories") is { } categories)
        {
            foreach (var element in categories.Elements)
            {
                if (element.Value.Value is string text && !DataCategory.TryParse(text, out _, out var error))
                {
                    Report(context, DiagnosticDescriptors.InvalidCategory, element.Expression, text, error ?? DataCategory.ExpectedForms);
                }
            }
        }

        if (!mechanismKnown || !issuedOk || !untilOk || (issued is null && until is null))
        {
            return;
        }

        var options = policy.Document?.Regulation ?? RegulationOptions.Default;
        var check = ValidityRules.Check(new ValidityInput { Mechanism = mechanism, IssuedOn = issued, ValidUntil = until }, policy.AsOf, options);
        var at = (SyntaxNode?)arguments.Named("ValidUntil")?.Expression ?? arguments.Named("IssuedOn")?.Expression ?? syntax.Name;
        foreach (var problem in check.Problems)
        {
            switch (problem.Kind)
            {
                case ValidityProblemKind.InvertedDates:
                    Report(context, DiagnosticDescriptors.InvertedDates, at, Cite(problem.Message, problem.Citations));
                    return;
                case ValidityProblemKind.ExceedsMaximumValidity:
                    Report(context, DiagnosticDescriptors.ValidityExceedsLaw, at, Cite(problem.Message, problem.Citations));
                    return;
            }
        }

        if (check.Status is ValidityStatus.Valid or ValidityStatus.InRenewalWindow && check.DaysUntilExpiry is { } days && check.ValidUntil is { } end)
        {
            var window = WarningDays(context, policy);
            if (days >= 0 && days <= window)
            {
                Report(
                    context,
                    DiagnosticDescriptors.AuthorizationExpiresSoon,
                    at,
                    Name(mechanism),
                    end.ToString(),
                    days.ToString(CultureInfo.InvariantCulture),
                    policy.AsOf.ToString(),
                    window.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>The expiry window: <c>CBDT3009.warning_days</c> in <c>.editorconfig</c>, else the policy file's <c>defaults.expiryWarningDays</c>, else 90.</summary>
    internal static int WarningDays(SyntaxNodeAnalysisContext context, PolicyContext policy)
    {
        var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Node.SyntaxTree);
        if (options.TryGetValue(AnalyzerOptionKeys.ExpiryWarningDays, out var text)
            && AnalyzerOptionsAnalyzer.TryParseWarningDays(text, out var days))
        {
            return days;
        }

        return policy.Document?.Defaults.ExpiryWarningDays ?? PolicyDefaults.DefaultExpiryWarningDays;
    }

    private static bool CheckDate(SyntaxNodeAnalysisContext context, Argument? argument, string name, out IsoDate? date)
    {
        date = null;
        if (argument?.Value.Value is not string text)
        {
            return argument is null || !argument.Value.HasValue || argument.Value.Value is null;
        }

        if (IsoDate.TryParse(text, out var parsed))
        {
            date = parsed;
            return true;
        }

        Report(context, DiagnosticDescriptors.DateNotIso, argument.Expression, name, text);
        return false;
    }

    private static void CheckJurisdiction(SyntaxNodeAnalysisContext context, Argument? argument)
    {
        if (argument?.Value.Value is string code && JurisdictionRule.ValidateJurisdiction(code) is { } error)
        {
            Report(context, DiagnosticDescriptors.UnknownJurisdiction, argument.Expression, error);
        }
    }

    private static void CheckHost(SyntaxNodeAnalysisContext context, Argument? argument)
    {
        if (argument?.Value.Value is string host && !Core.Jurisdictions.HostPattern.TryParse(host, out _, out var error))
        {
            Report(context, DiagnosticDescriptors.InvalidHostPattern, argument.Expression, host, error);
        }
    }

    private static string Cite(string message, IReadOnlyList<Citation> citations)
    {
        var missing = new List<string>();
        foreach (var citation in citations)
        {
            if (message.IndexOf(citation.Reference, StringComparison.Ordinal) < 0 && !missing.Contains(citation.Reference))
            {
                missing.Add(citation.Reference);
            }
        }

        var trimmed = message.TrimEnd('.', ' ');
        return missing.Count == 0 ? trimmed : trimmed + " (" + string.Join("; ", missing) + ")";
    }

    private static string Name<T>(T value)
        where T : struct, Enum => Enum.GetName(typeof(T), value) ?? value.ToString();

    private static void Report(SyntaxNodeAnalysisContext context, DiagnosticDescriptor descriptor, SyntaxNode at, params object[] arguments)
    {
        context.ReportDiagnostic(Diagnostic.Create(descriptor, at.GetLocation(), arguments));
    }

    /// <summary>One attribute argument: its expression, its constant value and, for arrays, its elements.</summary>
    private sealed class Argument
    {
        public Argument(ExpressionSyntax expression, Optional<object?> value, ImmutableArray<(ExpressionSyntax Expression, Optional<object?> Value)> elements)
        {
            Expression = expression;
            Value = value;
            Elements = elements;
        }

        public ExpressionSyntax Expression { get; }

        public Optional<object?> Value { get; }

        public ImmutableArray<(ExpressionSyntax Expression, Optional<object?> Value)> Elements { get; }
    }

    /// <summary>The arguments of an attribute as written: positional in order, named by name.</summary>
    private sealed class Arguments
    {
        private readonly List<Argument> _positional = new();
        private readonly Dictionary<string, Argument> _named = new(StringComparer.Ordinal);

        public static Arguments Read(AttributeSyntax syntax, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            var result = new Arguments();
            if (syntax.ArgumentList is null)
            {
                return result;
            }

            foreach (var argument in syntax.ArgumentList.Arguments)
            {
                var expression = argument.Expression;
                if (expression is null || expression.IsMissing)
                {
                    continue;
                }

                var value = model.GetConstantValue(expression, cancellationToken);
                var elements = ImmutableArray<(ExpressionSyntax, Optional<object?>)>.Empty;
                var initializer = expression switch
                {
                    ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
                    ArrayCreationExpressionSyntax array when array.Initializer is not null => array.Initializer.Expressions,
                    _ => default(SeparatedSyntaxList<ExpressionSyntax>?),
                };
                if (initializer is { } list)
                {
                    var builder = ImmutableArray.CreateBuilder<(ExpressionSyntax, Optional<object?>)>();
                    foreach (var element in list)
                    {
                        builder.Add((element, model.GetConstantValue(element, cancellationToken)));
                    }

                    elements = builder.ToImmutable();
                }
                else if (expression is CollectionExpressionSyntax collection)
                {
                    var builder = ImmutableArray.CreateBuilder<(ExpressionSyntax, Optional<object?>)>();
                    foreach (var element in collection.Elements)
                    {
                        if (element is ExpressionElementSyntax item)
                        {
                            builder.Add((item.Expression, model.GetConstantValue(item.Expression, cancellationToken)));
                        }
                    }

                    elements = builder.ToImmutable();
                }

                var read = new Argument(expression, value, elements);
                var name = argument.NameEquals?.Name.Identifier.ValueText ?? argument.NameColon?.Name.Identifier.ValueText;
                if (name is null)
                {
                    result._positional.Add(read);
                }
                else if (name.Length > 0)
                {
                    result._named[name] = read;
                }
            }

            return result;
        }

        public Argument? Positional(int index) => index < _positional.Count ? _positional[index] : null;

        public Argument? Named(string name) => _named.TryGetValue(name, out var argument) ? argument : null;
    }
}
