using System;
using System.Collections.Generic;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Regulation;

/// <summary>
/// One rule of the engine as versioned data: what it says, when it is in force, the articles it rests on and the
/// <see cref="RegulationOptions"/> properties that configure it.
/// </summary>
public sealed class RegulationRule
{
    internal RegulationRule(
        string id,
        int? decisionRow,
        string summary,
        IsoDate effectiveFrom,
        IsoDate? effectiveUntil,
        Citation[] citations,
        string[]? optionNames = null,
        bool isToolPolicy = false,
        Confidence? confidence = null)
    {
        Id = id;
        DecisionRow = decisionRow;
        Summary = summary;
        EffectiveFrom = effectiveFrom;
        EffectiveUntil = effectiveUntil;
        Citations = citations;
        OptionNames = optionNames ?? Array.Empty<string>();
        IsToolPolicy = isToolPolicy;
        var weakest = Confidence.Primary;
        foreach (var citation in citations)
        {
            if (citation.Confidence > weakest)
            {
                weakest = citation.Confidence;
            }
        }

        Confidence = confidence ?? weakest;
    }

    /// <summary>A stable identifier, one of <see cref="RuleIds"/>.</summary>
    public string Id { get; }

    /// <summary>The row of the decision table (docs/regulation.md §7.3) this rule implements, or null for validity and duty rules.</summary>
    public int? DecisionRow { get; }

    /// <summary>What the rule says, in English.</summary>
    public string Summary { get; }

    /// <summary>The first day the rule is in force.</summary>
    public IsoDate EffectiveFrom { get; }

    /// <summary>The first day the rule is no longer in force (superseded), if it was.</summary>
    public IsoDate? EffectiveUntil { get; }

    /// <summary>Every article the rule rests on, including articles of instruments that take effect later or earlier than the rule; see <see cref="CitationsAt"/>.</summary>
    public IReadOnlyList<Citation> Citations { get; }

    /// <summary>The <see cref="RegulationOptions"/> properties (PascalCase; camelCase in <c>crossborder.json</c>) that configure the rule.</summary>
    public IReadOnlyList<string> OptionNames { get; }

    /// <summary>True when the rule is a choice of this tool where the law found is silent (core data).</summary>
    public bool IsToolPolicy { get; }

    /// <summary>The weakest confidence among the rule's citations, unless the rule itself is less certain.</summary>
    public Confidence Confidence { get; }

    public bool IsInForce(IsoDate date) => date >= EffectiveFrom && (EffectiveUntil is not { } until || date < until);

    /// <summary>The citations whose instrument is in force on <paramref name="date"/>.</summary>
    public IReadOnlyList<Citation> CitationsAt(IsoDate date)
    {
        var result = new List<Citation>(Citations.Count);
        foreach (var citation in Citations)
        {
            if (citation.Source.IsInForce(date))
            {
                result.Add(citation);
            }
        }

        return result;
    }

    public override string ToString() => Id;
}

/// <summary>The identifiers of the rules in <see cref="RuleCatalog"/>.</summary>
public static class RuleIds
{
    public const string CoreData = "core-data";
    public const string ForeignJudicialBody = "foreign-judicial-body";
    public const string RestrictedRecipient = "restricted-recipient";
    public const string NonPersonalData = "non-personal-data";
    public const string NonPersonalDataBeforeProvisions = "non-personal-data-2022";
    public const string CollectedAbroad = "collected-abroad";
    public const string FreeTradeZoneNegativeList = "ftz-negative-list";
    public const string ImportantData = "important-data";
    public const string ContractPerformance = "contract-performance";
    public const string HumanResources = "human-resources";
    public const string Emergency = "emergency";
    public const string CiioAssessment = "ciio-assessment";
    public const string VolumeAssessment = "volume-assessment";
    public const string ProcessedVolumeAssessment = "processed-volume-assessment";
    public const string VolumeAssessmentBeforeProvisions = "volume-assessment-2022";
    public const string ContractOrCertification = "contract-or-certification";
    public const string ContractOrCertificationBeforeProvisions = "contract-or-certification-2022";
    public const string LowVolumeExemption = "low-volume-exemption";
    public const string PersonalInformationDuties = "pi-export-duties";
    public const string AssessmentValidity = "assessment-validity";
    public const string AssessmentValidityBeforeProvisions = "assessment-validity-2022";
    public const string CertificateValidity = "certificate-validity";
    public const string CertificateValidityBeforeMeasures = "certificate-validity-before-2026";
    public const string StandardContractFiling = "standard-contract-filing";
    public const string ExemptionNoTerm = "exemption-no-term";
    public const string AuthorityApprovalTerm = "authority-approval-term";
}
