using System;
using System.Collections.Generic;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Regulation;

/// <summary>
/// Every rule of the engine, as data. The numbers the rules use (thresholds, validity periods, windows) are not
/// here: they come from <see cref="RegulationOptions"/>, named by <see cref="RegulationRule.OptionNames"/>.
/// </summary>
public static class RuleCatalog
{
    private static readonly IsoDate s_dsl = new(2021, 9, 1);
    private static readonly IsoDate s_pipl = new(2021, 11, 1);
    private static readonly IsoDate s_sa = new(2022, 9, 1);
    private static readonly IsoDate s_scc = new(2023, 6, 1);
    private static readonly IsoDate s_provisions = new(2024, 3, 22);
    private static readonly IsoDate s_certification = new(2026, 1, 1);

    private static readonly RegulationRule[] s_rules =
    [
        new(RuleIds.CoreData, 1,
            "Core data: no export route was found in the texts read; the DSL imposes a stricter management system. Tool policy: blocked unless a recorded authority approval is allowed.",
            s_dsl, null,
            [P(InstrumentId.Dsl, "21 para. 2"), P(InstrumentId.Dsl, "45"), P(InstrumentId.NetworkDataRegulations, "63")],
            [nameof(RegulationOptions.CoreDataAllowedWithAuthorityApproval)], isToolPolicy: true, confidence: Confidence.Unconfirmed),
        new(RuleIds.ForeignJudicialBody, 2,
            "Data stored in China may be provided to a foreign judicial or law-enforcement body only with the approval of the competent PRC authority.",
            s_dsl, null,
            [P(InstrumentId.Pipl, "41"), P(InstrumentId.Dsl, "36")]),
        new(RuleIds.RestrictedRecipient, 3,
            "Providing personal information to a recipient on the CAC restricted or prohibited list is restricted or prohibited.",
            s_pipl, null,
            [P(InstrumentId.Pipl, "42")]),
        new(RuleIds.NonPersonalData, 4,
            "Data that contains no personal information and no important data (such as data from international trade, cross-border transport, academic cooperation, transnational manufacturing and marketing) is exempt from assessment, standard contract and certification.",
            s_provisions, null,
            [S(InstrumentId.Provisions, "3")]),
        new(RuleIds.NonPersonalDataBeforeProvisions, 4,
            "Data that contains no personal information and no important data is outside the security-assessment triggers and the PIPL export mechanisms.",
            s_sa, s_provisions,
            [P(InstrumentId.SecurityAssessmentMeasures, "4"), P(InstrumentId.Pipl, "38")]),
        new(RuleIds.CollectedAbroad, 5,
            "Personal information collected or generated abroad, processed in China and provided abroad again, with no domestic personal information or important data introduced, is exempt.",
            s_provisions, null,
            [S(InstrumentId.Provisions, "4")]),
        new(RuleIds.FreeTradeZoneNegativeList, 6,
            "A processor registered in a free trade zone that provides data not on the zone's filed negative list is exempt (if the list applies to it; lists exclude CIIOs in some zones). Applied only to data that is not important data.",
            s_provisions, null,
            [S(InstrumentId.Provisions, "6")],
            [nameof(RegulationOptions.ExemptedTransfersCountTowardVolumes)]),
        new(RuleIds.ImportantData, 7,
            "Important data (notified, published or catalogued as such) needs a security assessment, whoever the processor is.",
            s_sa, null,
            [P(InstrumentId.SecurityAssessmentMeasures, "4(1)"), S(InstrumentId.Provisions, "2"), S(InstrumentId.Provisions, "7"), P(InstrumentId.NetworkDataRegulations, "37"), P(InstrumentId.Dsl, "31")]),
        new(RuleIds.ContractPerformance, 8,
            "Personal information necessarily provided abroad to conclude or perform a contract to which the individual is a party is exempt.",
            s_provisions, null,
            [S(InstrumentId.Provisions, "5(1)"), P(InstrumentId.NetworkDataRegulations, "35(4)")],
            [nameof(RegulationOptions.ExemptionsApplyToCiio), nameof(RegulationOptions.ExemptedTransfersCountTowardVolumes)]),
        new(RuleIds.HumanResources, 8,
            "Employee personal information necessarily provided abroad for cross-border human-resources management under lawful labour rules and collective contracts is exempt.",
            s_provisions, null,
            [S(InstrumentId.Provisions, "5(2)"), P(InstrumentId.NetworkDataRegulations, "35(5)")],
            [nameof(RegulationOptions.ExemptionsApplyToCiio), nameof(RegulationOptions.ExemptedTransfersCountTowardVolumes)]),
        new(RuleIds.Emergency, 8,
            "Personal information necessarily provided abroad in an emergency to protect the life, health or property of a natural person is exempt.",
            s_provisions, null,
            [S(InstrumentId.Provisions, "5(3)"), P(InstrumentId.NetworkDataRegulations, "35(7)")],
            [nameof(RegulationOptions.ExemptionsApplyToCiio), nameof(RegulationOptions.ExemptedTransfersCountTowardVolumes)]),
        new(RuleIds.CiioAssessment, 9,
            "A critical information infrastructure operator needs a security assessment to provide personal information abroad.",
            s_sa, null,
            [S(InstrumentId.Provisions, "7(1)"), P(InstrumentId.SecurityAssessmentMeasures, "4(2)"), P(InstrumentId.Pipl, "40"), S(InstrumentId.Csl2016, "37"), P(InstrumentId.Csl2025, "39")]),
        new(RuleIds.VolumeAssessment, 10,
            "A non-CIIO that, since 1 January of the current year, has provided abroad non-sensitive personal information of the assessment threshold of people or more, or sensitive personal information of the sensitive threshold or more, needs a security assessment.",
            s_provisions, null,
            [S(InstrumentId.Provisions, "7(2)")],
            [nameof(RegulationOptions.AssessmentThreshold), nameof(RegulationOptions.SensitiveAssessmentThreshold)]),
        new(RuleIds.ProcessedVolumeAssessment, 10,
            "A processor that processes personal information of the processed-volume threshold of people or more needs a security assessment; whether this 2022 trigger survives the 2024 Provisions is unconfirmed (configurable).",
            s_provisions, null,
            [U(InstrumentId.SecurityAssessmentMeasures, "4(2)")],
            [nameof(RegulationOptions.LegacyProcessedVolumeTrigger), nameof(RegulationOptions.ProcessedVolumeThreshold)]),
        new(RuleIds.VolumeAssessmentBeforeProvisions, 10,
            "Before the 2024 Provisions: a processor that processes personal information of one million people or more, or that since 1 January of the previous year has provided abroad personal information of 100 000 people or sensitive personal information of 10 000 people, needs a security assessment.",
            s_sa, s_provisions,
            [P(InstrumentId.SecurityAssessmentMeasures, "4(2)"), P(InstrumentId.SecurityAssessmentMeasures, "4(3)")],
            [nameof(RegulationOptions.LegacyAssessmentThreshold), nameof(RegulationOptions.LegacySensitiveAssessmentThreshold), nameof(RegulationOptions.ProcessedVolumeThreshold)]),
        new(RuleIds.ContractOrCertification, 11,
            "A non-CIIO that, since 1 January of the current year, has provided abroad non-sensitive personal information of the contract threshold of people or more (below the assessment threshold), or any sensitive personal information below the sensitive threshold, concludes and files a standard contract or obtains certification.",
            s_provisions, null,
            [S(InstrumentId.Provisions, "8"), P(InstrumentId.Pipl, "38"), P(InstrumentId.CertificationMeasures, "5")],
            [nameof(RegulationOptions.ContractThreshold)]),
        new(RuleIds.ContractOrCertificationBeforeProvisions, 11,
            "Before the 2024 Provisions: personal information below the security-assessment triggers leaves under a standard contract (from 2023-06-01) or certification; there is no low-volume exemption.",
            s_sa, s_provisions,
            [P(InstrumentId.Pipl, "38"), S(InstrumentId.StandardContractMeasures, "4")]),
        new(RuleIds.LowVolumeExemption, 12,
            "A non-CIIO that, since 1 January of the current year, has provided abroad non-sensitive personal information of fewer people than the contract threshold, and no sensitive personal information, is exempt.",
            s_provisions, null,
            [S(InstrumentId.Provisions, "5(4)")],
            [nameof(RegulationOptions.ContractThreshold), nameof(RegulationOptions.ExemptedTransfersCountTowardVolumes)]),
        new(RuleIds.PersonalInformationDuties, null,
            "Whatever the mechanism, a personal-information export needs the PIPL Art. 39 notice and separate consent (where consent is the lawful basis) and a prior impact assessment kept at least three years.",
            s_pipl, null,
            [P(InstrumentId.Pipl, "39"), P(InstrumentId.Pipl, "55"), P(InstrumentId.Pipl, "56")]),
        new(RuleIds.AssessmentValidity, null,
            "A security-assessment result is valid for the assessment validity period from issuance; an extension is applied for within the extension window (working days) before expiry and, if approved, extends it once by the extension period.",
            s_provisions, null,
            [S(InstrumentId.Provisions, "9")],
            [nameof(RegulationOptions.AssessmentValidityYears), nameof(RegulationOptions.AssessmentExtensionYears), nameof(RegulationOptions.AssessmentExtensionWindowWorkingDays)]),
        new(RuleIds.AssessmentValidityBeforeProvisions, null,
            "A security-assessment result issued before the 2024 Provisions was valid for two years; continuing required re-applying 60 working days before expiry. Whether such results benefit from the three-year period is unconfirmed (configurable).",
            s_sa, s_provisions,
            [P(InstrumentId.SecurityAssessmentMeasures, "14")],
            [nameof(RegulationOptions.LegacyAssessmentValidityYears), nameof(RegulationOptions.AssessmentExtensionWindowWorkingDays)]),
        new(RuleIds.CertificateValidity, null,
            "A certificate is valid for the certification validity period; to continue, the processor re-applies within the renewal window (months) before expiry.",
            s_certification, null,
            [P(InstrumentId.CertificationMeasures, "8")],
            [nameof(RegulationOptions.CertificationValidityYears), nameof(RegulationOptions.CertificationRenewalMonths)]),
        new(RuleIds.CertificateValidityBeforeMeasures, null,
            "A certificate issued before the 2026 Certification Measures under the 2022 implementation rules: its validity period was not read; the tool applies the certification validity period.",
            s_pipl, s_certification,
            [P(InstrumentId.Pipl, "38")],
            [nameof(RegulationOptions.CertificationValidityYears), nameof(RegulationOptions.CertificationRenewalMonths)], confidence: Confidence.Unconfirmed),
        new(RuleIds.StandardContractFiling, null,
            "A standard contract is filed within 10 working days of taking effect; the filing has no fixed term but must be redone when the purpose, scope, categories, sensitivity, method, storage location, retention or recipient-country law changes.",
            s_scc, null,
            [S(InstrumentId.StandardContractMeasures, "7"), S(InstrumentId.StandardContractMeasures, "8")]),
        new(RuleIds.ExemptionNoTerm, null,
            "An exemption has no validity period: it holds while its conditions hold.",
            s_provisions, null,
            [S(InstrumentId.Provisions, "3-6")]),
        new(RuleIds.AuthorityApprovalTerm, null,
            "An authority approval (foreign judicial or law-enforcement request; core data under tool policy) has the term the approval states.",
            s_dsl, null,
            [P(InstrumentId.Pipl, "41"), P(InstrumentId.Dsl, "36")]),
    ];

    /// <summary>Every rule, in force or not, in a fixed order (decision rows first).</summary>
    public static IReadOnlyList<RegulationRule> All => s_rules;

    /// <summary>The earliest date the engine models: the 2022 Security Assessment Measures take effect.</summary>
    public static IsoDate EarliestModelledDate => s_sa;

    /// <summary>The day the 2024 Provisions take effect and supersede inconsistent earlier rules (Provisions 2024 Art. 13).</summary>
    public static IsoDate ProvisionsEffective => s_provisions;

    /// <summary>The rule with this identifier (identifiers are unique; see <see cref="RuleIds"/>).</summary>
    public static RegulationRule Get(string id)
    {
        foreach (var rule in s_rules)
        {
            if (string.Equals(rule.Id, id, StringComparison.Ordinal))
            {
                return rule;
            }
        }

        throw new ArgumentException("Unknown rule '" + id + "'.", nameof(id));
    }

    private static Citation P(InstrumentId instrument, string article) => new(instrument, article, Confidence.Primary);

    private static Citation S(InstrumentId instrument, string article) => new(instrument, article, Confidence.Secondary);

    private static Citation U(InstrumentId instrument, string article) => new(instrument, article, Confidence.Unconfirmed);
}
