using System;
using System.Collections.Generic;
using System.Text;
using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.PolicyFile;
using CrossBorder.Policy.Core.Regulation;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>A problem of the authorization that covers a flow: CBDT1003 or CBDT1004, with its message.</summary>
internal readonly struct AuthorizationProblem
{
    public AuthorizationProblem(DiagnosticDescriptor descriptor, string message, string status)
    {
        Descriptor = descriptor;
        Message = message;
        Status = status;
    }

    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The flow status the problem gives (<see cref="DiagnosticPropertyKeys.Status"/>): <c>Inadequate</c>, <c>Expired</c> or <c>NotYetValid</c>.</summary>
    public string Status { get; }

    public string Message { get; }
}

/// <summary>
/// CBDT1003 and CBDT1004 on the authorization that covers a flow. CBDT1003 asks Core's
/// <see cref="MechanismDecisionEngine"/> which mechanisms the law requires for the flow's data classes, the
/// authorization's declared volumes (unknown when not declared, which the engine reads as the worst case), its
/// exemption and the processor profile (<c>[assembly: DataProcessor]</c>, else the policy file's <c>processor</c>),
/// and reports when the declared mechanism is not one of them. CBDT1004 asks <see cref="ValidityRules"/> whether the
/// authorization is in force on the as-of date (<c>build_property.CrossBorderAsOfDate</c>).
/// </summary>
internal sealed class AuthorizationChecks
{
    public AuthorizationChecks(IsoDate asOf, Core.Regulation.ProcessorProfile processor, RegulationOptions options, long? processedSubjects = null)
    {
        AsOf = asOf;
        Processor = processor;
        Options = options;
        ProcessedSubjects = processedSubjects;
    }

    /// <summary>How many people's personal information the processor handles in total (the policy file's <c>processor.processedSubjects</c>), null when not declared.</summary>
    public long? ProcessedSubjects { get; }

    public IsoDate AsOf { get; }

    public Core.Regulation.ProcessorProfile Processor { get; }

    public RegulationOptions Options { get; }

    /// <summary>The processor profile: <c>[assembly: DataProcessor]</c> wins over the policy file's <c>processor</c>.</summary>
    public static Core.Regulation.ProcessorProfile GetProcessor(Compilation compilation, PolicyDocument? policy)
    {
        var ciio = policy?.Processor?.CriticalInformationInfrastructureOperator ?? false;
        var zone = policy?.Processor?.FreeTradeZone;
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            if (!PolicyAttributeNames.Is(attribute, PolicyAttributeNames.DataProcessor))
            {
                continue;
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (string.Equals(named.Key, "CriticalInformationInfrastructureOperator", StringComparison.Ordinal) && named.Value.Value is bool flag)
                {
                    ciio = flag;
                }
                else if (string.Equals(named.Key, "FreeTradeZone", StringComparison.Ordinal) && named.Value.Value is string text)
                {
                    zone = text;
                }
            }
        }

        return new Core.Regulation.ProcessorProfile { IsCriticalInformationInfrastructureOperator = ciio, FreeTradeZone = zone };
    }

    public List<AuthorizationProblem> Check(Authorization authorization, LabelSet data)
    {
        var problems = new List<AuthorizationProblem>(0);
        if (!Enum.IsDefined(typeof(TransferMechanism), authorization.Mechanism) || !Enum.IsDefined(typeof(ExemptionBasis), authorization.Exemption))
        {
            return problems;
        }

        var mechanism = (TransferMechanism)authorization.Mechanism;
        var exemption = (ExemptionBasis)authorization.Exemption;
        var classes = new List<DataClass>();
        var sensitive = new List<SensitiveCategory>();
        foreach (var tag in data.Tags)
        {
            if (TryParseName<DataClass>(LabelSet.ClassOf(tag), out var dataClass) && !classes.Contains(dataClass))
            {
                classes.Add(dataClass);
            }

            var colon = tag.IndexOf(':');
            if (dataClass == DataClass.SensitivePersonalInformation && colon > 0
                && TryParseName<SensitiveCategory>(tag.Substring(colon + 1), out var category) && !sensitive.Contains(category))
            {
                sensitive.Add(category);
            }
        }

        var facts = new TransferFacts
        {
            AsOf = AsOf,
            DataClasses = classes,
            SensitiveCategories = sensitive,
            Processor = Processor,
            ClaimedExemption = exemption,
            NonSensitiveSubjects = authorization.EstimatedSubjectsPerYear > 0 ? authorization.EstimatedSubjectsPerYear : null,
            SensitiveSubjects = authorization.EstimatedSensitiveSubjectsPerYear > 0 ? authorization.EstimatedSensitiveSubjectsPerYear : null,
            ProcessedSubjects = ProcessedSubjects,
        };

        var decision = MechanismDecisionEngine.Decide(facts, Options);
        var adequacy = MechanismDecisionEngine.CheckAdequacy(decision, mechanism, exemption);
        if (!adequacy.IsAdequate)
        {
            problems.Add(new AuthorizationProblem(DiagnosticDescriptors.AuthorizationMechanismNotAdequate, WithCitations(adequacy.Message, adequacy.Citations), DiagnosticPropertyKeys.StatusInadequate));
        }

        // Malformed dates are CBDT3001's; a date that does not parse is left out here.
        {
            var input = new ValidityInput
            {
                Mechanism = mechanism,
                IssuedOn = IsoDate.TryParse(authorization.IssuedOn, out var issued) ? issued : null,
                ValidUntil = IsoDate.TryParse(authorization.ValidUntil, out var until) ? until : null,
            };
            if (input.IssuedOn is not null || input.ValidUntil is not null)
            {
                var validity = ValidityRules.Check(input, AsOf, Options);
                if (validity.Status is ValidityStatus.Expired or ValidityStatus.NotYetValid)
                {
                    problems.Add(new AuthorizationProblem(
                        DiagnosticDescriptors.AuthorizationNotInForce,
                        WithCitations("as of " + AsOf.ToString() + ", " + validity.Explanation, validity.Citations),
                        validity.Status == ValidityStatus.Expired ? DiagnosticPropertyKeys.StatusExpired : DiagnosticPropertyKeys.StatusNotYetValid));
                }
            }
        }

        return problems;
    }

    /// <summary>An enum member by its exact name (no numbers, no case folding).</summary>
    internal static bool TryParseName<T>(string text, out T value)
        where T : struct
    {
        foreach (var name in Enum.GetNames(typeof(T)))
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                value = (T)Enum.Parse(typeof(T), name);
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string WithCitations(string message, IReadOnlyList<Citation> citations)
    {
        // Cite what the message does not already name.
        var missing = new List<string>();
        foreach (var citation in citations)
        {
            var reference = citation.Reference;
            if (message.IndexOf(reference, StringComparison.Ordinal) < 0 && !missing.Contains(reference))
            {
                missing.Add(reference);
            }
        }

        var trimmed = message.TrimEnd('.', ' ');
        if (missing.Count == 0)
        {
            return trimmed;
        }

        var builder = new StringBuilder(trimmed);
        builder.Append(" (");
        builder.Append(string.Join("; ", missing));
        builder.Append(')');
        return builder.ToString();
    }
}
