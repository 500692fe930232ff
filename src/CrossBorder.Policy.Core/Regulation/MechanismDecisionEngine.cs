using System;
using System.Collections.Generic;
using System.Globalization;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Regulation;

/// <summary>
/// The mechanism decision table of docs/regulation.md §7.3: rows evaluated top to bottom, first match wins, with
/// the rules in force at the as-of date. Pure and deterministic.
/// </summary>
public static class MechanismDecisionEngine
{
    private const string ExemptZh = "免予申报数据出境安全评估、订立个人信息出境标准合同、通过个人信息保护认证";

    /// <summary>Decides which mechanisms are acceptable for the transfer described by <paramref name="facts"/>.</summary>
    public static MechanismDecision Decide(TransferFacts facts, RegulationOptions? options = null)
    {
        if (facts is null)
        {
            throw new ArgumentNullException(nameof(facts));
        }

        var rules = RuleSet.For(facts.AsOf, options);
        var o = rules.Options;
        var notes = new List<string>();
        if (rules.BeforeEarliestModelledDate)
        {
            notes.Add("The as-of date " + facts.AsOf.ToString() + " precedes the Security Assessment Measures (2022-09-01); their rules, the earliest modelled, are applied.");
        }

        var claimed = facts.ClaimedExemption == ExemptionBasis.None ? null : EvaluateExemption(facts.ClaimedExemption, facts, rules);
        var builder = new Builder(facts, rules, notes, claimed);
        var ciio = facts.Processor.IsCriticalInformationInfrastructureOperator;

        // Row 1: core data.
        if (facts.HasCoreData)
        {
            var allowed = o.CoreDataAllowedWithAuthorityApproval;
            var cites = rules.CitationsOf(RuleIds.CoreData);
            return builder.Build(
                RuleIds.CoreData,
                allowed ? DecisionOutcome.AuthorityApproval : DecisionOutcome.Blocked,
                ExemptionBasis.None,
                false,
                cites,
                "Core data has no export route in the texts read and is under a stricter management system (" + En(cites) + "); tool policy blocks it" +
                    (allowed ? " unless an approval of the competent authority is recorded." : " in every case (coreDataAllowedWithAuthorityApproval is false)."),
                "核心数据实行更加严格的管理制度（" + Zh(cites) + "），所查阅的法律文本中未见其出境途径；本工具禁止其出境" + (allowed ? "，记录主管机关批准的除外。" : "。"));
        }

        // Row 2: foreign judicial or law-enforcement body.
        if (facts.Recipient == RecipientKind.ForeignJudicialOrLawEnforcement)
        {
            var cites = rules.CitationsOf(RuleIds.ForeignJudicialBody);
            return builder.Build(
                RuleIds.ForeignJudicialBody,
                DecisionOutcome.AuthorityApproval,
                ExemptionBasis.None,
                false,
                cites,
                "The recipient is a foreign judicial or law-enforcement body: data stored in China may be provided to it only with the approval of the competent PRC authority, which assessment, standard contract and certification do not replace (" + En(cites) + ").",
                "接收方为外国司法或者执法机构：非经中华人民共和国主管机关批准，不得向其提供存储于境内的个人信息或者数据（" + Zh(cites) + "）。");
        }

        // Row 3: restricted or prohibited recipient.
        if (facts.Recipient == RecipientKind.RestrictedList)
        {
            var cites = rules.CitationsOf(RuleIds.RestrictedRecipient);
            return builder.Build(
                RuleIds.RestrictedRecipient,
                DecisionOutcome.Blocked,
                ExemptionBasis.None,
                false,
                cites,
                "The recipient is on the CAC restricted or prohibited list: providing personal information to it is restricted or prohibited (" + En(cites) + ").",
                "接收方被列入国家网信部门的限制或者禁止个人信息提供清单，限制或者禁止向其提供个人信息（" + Zh(cites) + "）。");
        }

        // Row 4: no personal information and no important data.
        if (!facts.HasPersonalInformation && !facts.HasImportantData)
        {
            if (rules.ExemptionsAvailable)
            {
                var cites = rules.CitationsOf(RuleIds.NonPersonalData);
                return builder.Build(
                    RuleIds.NonPersonalData,
                    DecisionOutcome.Exempt,
                    ExemptionBasis.NonPersonalBusinessData,
                    false,
                    cites,
                    "The data contains no personal information and no important data: exempt from security assessment, standard contract and certification (" + En(cites) + ").",
                    "数据不包含个人信息和重要数据，" + ExemptZh + "（" + Zh(cites) + "）。");
            }

            var oldCites = rules.CitationsOf(RuleIds.NonPersonalDataBeforeProvisions);
            return builder.Build(
                RuleIds.NonPersonalDataBeforeProvisions,
                DecisionOutcome.Exempt,
                ExemptionBasis.NonPersonalBusinessData,
                false,
                oldCites,
                "The data contains no personal information and no important data: no security-assessment trigger applies and the export mechanisms concern personal information (" + En(oldCites) + ").",
                "数据不包含个人信息和重要数据，不属于应当申报数据出境安全评估的情形，亦不适用个人信息出境的规定（" + Zh(oldCites) + "）。");
        }

        // Row 5: personal information collected abroad, re-exported without domestic data.
        if (rules.ExemptionsAvailable && EvaluateExemption(ExemptionBasis.CollectedAbroad, facts, rules).Applies)
        {
            var cites = rules.CitationsOf(RuleIds.CollectedAbroad);
            return builder.Build(
                RuleIds.CollectedAbroad,
                DecisionOutcome.Exempt,
                ExemptionBasis.CollectedAbroad,
                false,
                cites,
                "The personal information was collected abroad and is provided abroad again without domestic personal information or important data introduced: exempt (" + En(cites) + ").",
                "境外收集和产生的个人信息传输至境内处理后向境外提供，处理过程中没有引入境内个人信息或者重要数据，" + ExemptZh + "（" + Zh(cites) + "）。");
        }

        // Row 6: free trade zone, data off the negative list (never for important data: tool choice, conservative).
        if (rules.ExemptionsAvailable && EvaluateExemption(ExemptionBasis.FreeTradeZoneNegativeList, facts, rules).Applies)
        {
            var cites = rules.CitationsOf(RuleIds.FreeTradeZoneNegativeList);
            var zone = facts.Processor.FreeTradeZone!.Trim();
            return builder.Build(
                RuleIds.FreeTradeZoneNegativeList,
                DecisionOutcome.Exempt,
                ExemptionBasis.FreeTradeZoneNegativeList,
                false,
                cites,
                "The processor is registered in the free trade zone '" + zone + "' and the data is not on the zone's negative list: exempt (" + En(cites) + ").",
                "自由贸易试验区（" + zone + "）内数据处理者向境外提供负面清单外的数据，" + ExemptZh + "（" + Zh(cites) + "）。");
        }

        if (facts.HasImportantData && facts.Processor.IsInFreeTradeZone && facts.Processor.NegativeList == NegativeListMembership.NotOnList)
        {
            notes.Add("The free-trade-zone negative-list exemption (Provisions 2024 Art. 6) is not applied to important data: important data always needs a security assessment (tool choice, conservative).");
        }

        // Row 7: important data.
        if (facts.HasImportantData)
        {
            var cites = rules.CitationsOf(RuleIds.ImportantData);
            return builder.Build(
                RuleIds.ImportantData,
                DecisionOutcome.SecurityAssessment,
                ExemptionBasis.None,
                false,
                cites,
                "The data includes important data: a security assessment is needed, whoever the processor is (" + En(cites) + ").",
                "向境外提供重要数据，应当申报数据出境安全评估（" + Zh(cites) + "）。");
        }

        // Row 8: claimed contract, human-resources or emergency exemption.
        if (rules.ExemptionsAvailable && claimed is { Applies: true } &&
            facts.ClaimedExemption is ExemptionBasis.ContractPerformance or ExemptionBasis.HumanResources or ExemptionBasis.Emergency)
        {
            var (ruleId, en, zh) = facts.ClaimedExemption switch
            {
                ExemptionBasis.ContractPerformance => (RuleIds.ContractPerformance,
                    "Personal information necessarily provided abroad to conclude or perform a contract to which the individual is a party",
                    "为订立、履行个人作为一方当事人的合同，确需向境外提供个人信息"),
                ExemptionBasis.HumanResources => (RuleIds.HumanResources,
                    "Employee personal information necessarily provided abroad for cross-border human-resources management under lawful labour rules and collective contracts",
                    "按照依法制定的劳动规章制度和依法签订的集体合同实施跨境人力资源管理，确需向境外提供员工个人信息"),
                _ => (RuleIds.Emergency,
                    "Personal information necessarily provided abroad in an emergency to protect the life, health or property of a natural person",
                    "紧急情况下为保护自然人的生命健康和财产安全，确需向境外提供个人信息"),
            };
            if (ciio)
            {
                notes.Add("The exemption is applied to a CIIO because exemptionsApplyToCiio is true; the text as reported limits only Art. 5(4) to non-CIIOs [U].");
            }

            var cites = rules.CitationsOf(ruleId);
            return builder.Build(ruleId, DecisionOutcome.Exempt, facts.ClaimedExemption, false, cites,
                en + ": exempt (" + En(cites) + "); notice and impact-assessment duties remain.",
                zh + "，" + ExemptZh + "（" + Zh(cites) + "）。");
        }

        // Row 9: CIIO providing personal information.
        if (ciio)
        {
            var cites = rules.CitationsOf(RuleIds.CiioAssessment);
            return builder.Build(
                RuleIds.CiioAssessment,
                DecisionOutcome.SecurityAssessment,
                ExemptionBasis.None,
                false,
                cites,
                "The processor is a critical information infrastructure operator providing personal information abroad: a security assessment is needed (" + En(cites) + ").",
                "关键信息基础设施运营者向境外提供个人信息，应当申报数据出境安全评估（" + Zh(cites) + "）。");
        }

        var volumes = new EffectiveVolumes(facts);
        return rules.Regime == RegulationRegime.Provisions2024
            ? DecideByVolumeProvisions(builder, volumes)
            : DecideByVolumeBeforeProvisions(builder, volumes);
    }

    /// <summary>Whether <paramref name="basis"/> holds for the facts under the rules in force at <see cref="TransferFacts.AsOf"/>, and if not, why.</summary>
    public static ExemptionAssessment EvaluateExemption(ExemptionBasis basis, TransferFacts facts, RegulationOptions? options = null)
    {
        if (facts is null)
        {
            throw new ArgumentNullException(nameof(facts));
        }

        return EvaluateExemption(basis, facts, RuleSet.For(facts.AsOf, options));
    }

    /// <summary>
    /// Checks a declared mechanism (and, for <see cref="TransferMechanism.Exemption"/>, its basis) against a decision.
    /// A declared exemption is judged by re-deciding with it as the claim, so the contract, human-resources and
    /// emergency exemptions are honoured when their conditions hold.
    /// </summary>
    public static AdequacyResult CheckAdequacy(MechanismDecision decision, TransferMechanism declared, ExemptionBasis declaredExemption = ExemptionBasis.None)
    {
        if (decision is null)
        {
            throw new ArgumentNullException(nameof(decision));
        }

        var rules = decision.Rules;
        var facts = decision.Facts;
        if (declared == TransferMechanism.Exemption)
        {
            if (declaredExemption == ExemptionBasis.None)
            {
                var cites = rules.ExemptionsAvailable ? rules.CitationsOf(RuleIds.ExemptionNoTerm) : Array.Empty<Citation>();
                return Inadequate(decision, declared, declaredExemption, InadequacyReason.ExemptionBasisMissing,
                    "An exemption is declared without its basis; name the article relied on" + (cites.Count > 0 ? " (" + En(cites) + ")." : "."), cites);
            }

            var redecided = facts.ClaimedExemption == declaredExemption
                ? decision
                : Decide(facts with { ClaimedExemption = declaredExemption }, rules.Options);
            if (redecided.Exemption == declaredExemption)
            {
                return Adequate(redecided, declared, declaredExemption, "The exemption applies: " + redecided.Explanation, redecided.Citations);
            }

            var assessment = EvaluateExemption(declaredExemption, facts, rules);
            if (!assessment.Applies)
            {
                return Inadequate(redecided, declared, declaredExemption, assessment.Failure, assessment.Reason, assessment.Citations);
            }

            if (redecided.ExemptionApplies)
            {
                return Adequate(redecided, declared, declaredExemption,
                    "The transfer is exempt, on the basis of row " + Row(redecided) + " rather than the declared one: " + redecided.Explanation, redecided.Citations);
            }

            return ByRow(redecided, declared, declaredExemption);
        }

        if (decision.Accepts(declared))
        {
            return Adequate(decision, declared, declaredExemption,
                Name(declared) + " is adequate: " + decision.Explanation, decision.Citations);
        }

        return ByRow(decision, declared, declaredExemption);
    }

    internal static ExemptionAssessment EvaluateExemption(ExemptionBasis basis, TransferFacts facts, RuleSet rules)
    {
        var o = rules.Options;
        var ciio = facts.Processor.IsCriticalInformationInfrastructureOperator;
        if (basis == ExemptionBasis.None)
        {
            return Fails(basis, InadequacyReason.ExemptionBasisMissing, "No exemption basis is named.", Array.Empty<Citation>());
        }

        if (facts.HasCoreData)
        {
            var cites = rules.CitationsOf(RuleIds.CoreData);
            return Fails(basis, o.CoreDataAllowedWithAuthorityApproval ? InadequacyReason.AuthorityApprovalRequired : InadequacyReason.Blocked,
                "No exemption covers core data (" + En(cites) + ").", cites);
        }

        if (facts.Recipient == RecipientKind.ForeignJudicialOrLawEnforcement)
        {
            var cites = rules.CitationsOf(RuleIds.ForeignJudicialBody);
            return Fails(basis, InadequacyReason.AuthorityApprovalRequired,
                "No exemption covers provision to a foreign judicial or law-enforcement body; the competent authority's approval is needed (" + En(cites) + ").", cites);
        }

        if (facts.Recipient == RecipientKind.RestrictedList)
        {
            var cites = rules.CitationsOf(RuleIds.RestrictedRecipient);
            return Fails(basis, InadequacyReason.Blocked, "No exemption covers a recipient on the CAC restricted or prohibited list (" + En(cites) + ").", cites);
        }

        if (!rules.ExemptionsAvailable)
        {
            if (basis == ExemptionBasis.NonPersonalBusinessData && !facts.HasPersonalInformation && !facts.HasImportantData)
            {
                var oldCites = rules.CitationsOf(RuleIds.NonPersonalDataBeforeProvisions);
                return Holds(basis, "Data without personal information or important data is outside the export rules (" + En(oldCites) + ").", oldCites);
            }

            var provisions = new[] { new Citation(InstrumentId.Provisions, "14", Confidence.Secondary) };
            return Fails(basis, InadequacyReason.ExemptionNotInForce,
                "The exemptions of the Provisions 2024 (Arts. 3 to 6) take effect on 2024-03-22, after the as-of date " + facts.AsOf.ToString() + " (Provisions 2024 Art. 14).", provisions);
        }

        if (facts.HasImportantData)
        {
            var cites = rules.CitationsOf(RuleIds.ImportantData);
            return Fails(basis, InadequacyReason.ImportantDataUnderExemption,
                "The data includes important data, which always needs a security assessment; no exemption covers it (" + En(cites) + ").", cites);
        }

        switch (basis)
        {
            case ExemptionBasis.NonPersonalBusinessData:
            {
                var cites = rules.CitationsOf(RuleIds.NonPersonalData);
                return facts.HasPersonalInformation
                    ? Fails(basis, InadequacyReason.ExemptionConditionsNotMet, "The exemption for non-personal business data does not cover data that contains personal information (" + En(cites) + ").", cites)
                    : Holds(basis, "The data contains no personal information and no important data (" + En(cites) + ").", cites);
            }

            case ExemptionBasis.CollectedAbroad:
            {
                var cites = rules.CitationsOf(RuleIds.CollectedAbroad);
                return facts.CollectedAbroadWithoutDomesticData
                    ? Holds(basis, "The personal information was collected abroad and no domestic personal information or important data was introduced (" + En(cites) + ").", cites)
                    : Fails(basis, InadequacyReason.ExemptionConditionsNotMet, "The data is not declared as collected abroad without domestic personal information or important data introduced (" + En(cites) + ").", cites);
            }

            case ExemptionBasis.ContractPerformance:
            case ExemptionBasis.HumanResources:
            case ExemptionBasis.Emergency:
            {
                var ruleId = basis == ExemptionBasis.ContractPerformance ? RuleIds.ContractPerformance
                    : basis == ExemptionBasis.HumanResources ? RuleIds.HumanResources
                    : RuleIds.Emergency;
                var cites = rules.CitationsOf(ruleId);
                if (!facts.HasPersonalInformation)
                {
                    return Fails(basis, InadequacyReason.ExemptionConditionsNotMet, "This exemption concerns personal information, and the data contains none (" + En(cites) + ").", cites);
                }

                if (ciio && !o.ExemptionsApplyToCiio)
                {
                    return Fails(basis, InadequacyReason.ExemptionNotForCiio,
                        "Whether this exemption applies to critical information infrastructure operators is unconfirmed; with exemptionsApplyToCiio false a CIIO needs a security assessment (" + En(cites) + ").", cites);
                }

                return Holds(basis, "The claimed necessity exemption holds for these facts (" + En(cites) + ").", cites);
            }

            case ExemptionBasis.BelowThreshold:
            {
                var cites = Concat(rules.CitationsOf(RuleIds.LowVolumeExemption), rules.CitationsOf(RuleIds.ContractOrCertification));
                if (ciio)
                {
                    return Fails(basis, InadequacyReason.ExemptionNotForCiio, "The low-volume exemption is for processors that are not critical information infrastructure operators (" + En(cites) + ").", cites);
                }

                var volumes = new EffectiveVolumes(facts);
                if (facts.HasSensitivePersonalInformation || volumes.Sensitive > 0)
                {
                    return Fails(basis, InadequacyReason.SensitiveUnderLowVolumeExemption,
                        "The low-volume exemption excludes sensitive personal information; any sensitive personal information needs a standard contract or certification at least (" + En(cites) + ").", cites);
                }

                var threshold = o.ContractThreshold;
                if (volumes.NonSensitive >= threshold)
                {
                    return Fails(basis, InadequacyReason.AboveLowVolumeThreshold,
                        (volumes.NonSensitiveAssumed
                            ? "The number of people whose personal information is provided abroad is not declared, so it is assumed to reach " + Count(threshold)
                            : "Non-sensitive personal information of " + Count(volumes.NonSensitive) + " people reaches " + Count(threshold)) +
                        "; the low-volume exemption covers fewer (" + En(cites) + ").", cites);
                }

                return Holds(basis, "Non-sensitive personal information of fewer than " + Count(threshold) + " people and no sensitive personal information (" + En(cites) + ").", cites);
            }

            case ExemptionBasis.FreeTradeZoneNegativeList:
            {
                var cites = rules.CitationsOf(RuleIds.FreeTradeZoneNegativeList);
                var processor = facts.Processor;
                if (!processor.IsInFreeTradeZone)
                {
                    return Fails(basis, InadequacyReason.ExemptionConditionsNotMet, "The processor is not registered in a free trade zone (" + En(cites) + ").", cites);
                }

                if (processor.NegativeList == NegativeListMembership.OnList)
                {
                    return Fails(basis, InadequacyReason.ExemptionConditionsNotMet, "The data is on the zone's negative list and needs the mechanism the list names (" + En(cites) + ").", cites);
                }

                if (processor.NegativeList == NegativeListMembership.Unknown)
                {
                    return Fails(basis, InadequacyReason.ExemptionConditionsNotMet,
                        "It is not known that the zone has a filed negative list and that the data is not on it; the exemption is not applied (" + En(cites) + ").", cites);
                }

                if (ciio && processor.NegativeListExcludesCiio)
                {
                    return Fails(basis, InadequacyReason.ExemptionNotForCiio, "The zone's negative list excludes critical information infrastructure operators (" + En(cites) + ").", cites);
                }

                return Holds(basis, "The data is not on the negative list of the zone the processor is registered in (" + En(cites) + ").", cites);
            }

            default:
                return Fails(basis, InadequacyReason.ExemptionConditionsNotMet, "Unknown exemption basis.", Array.Empty<Citation>());
        }
    }

    private static MechanismDecision DecideByVolumeProvisions(Builder builder, EffectiveVolumes v)
    {
        var rules = builder.Rules;
        var o = rules.Options;
        var facts = builder.Facts;
        var year = facts.AsOf.Year.ToString(CultureInfo.InvariantCulture);

        // Row 10: volumes reaching the assessment thresholds.
        var triggersEn = new List<string>();
        var triggersZh = new List<string>();
        var knownTrigger = false;
        if (v.NonSensitive >= o.AssessmentThreshold)
        {
            knownTrigger |= !v.NonSensitiveAssumed;
            triggersEn.Add(v.NonSensitiveAssumed
                ? "non-sensitive personal information of an undeclared number of people (assumed to reach " + Count(o.AssessmentThreshold) + ")"
                : "non-sensitive personal information of " + Count(v.NonSensitive) + " people (threshold " + Count(o.AssessmentThreshold) + ")");
            triggersZh.Add(v.NonSensitiveAssumed
                ? "人数未申报的个人信息（不含敏感个人信息，按达到" + CountZh(o.AssessmentThreshold) + "人推定）"
                : CountZh(v.NonSensitive) + "人个人信息（不含敏感个人信息，达到" + CountZh(o.AssessmentThreshold) + "人）");
        }

        if (v.Sensitive >= o.SensitiveAssessmentThreshold)
        {
            knownTrigger |= !v.SensitiveAssumed;
            triggersEn.Add(v.SensitiveAssumed
                ? "sensitive personal information of an undeclared number of people (assumed to reach " + Count(o.SensitiveAssessmentThreshold) + ")"
                : "sensitive personal information of " + Count(v.Sensitive) + " people (threshold " + Count(o.SensitiveAssessmentThreshold) + ")");
            triggersZh.Add(v.SensitiveAssumed
                ? "人数未申报的敏感个人信息（按达到" + CountZh(o.SensitiveAssessmentThreshold) + "人推定）"
                : CountZh(v.Sensitive) + "人敏感个人信息（达到" + CountZh(o.SensitiveAssessmentThreshold) + "人）");
        }

        var processedTrigger = o.LegacyProcessedVolumeTrigger && v.Processed is { } processed && processed >= o.ProcessedVolumeThreshold;
        if (triggersEn.Count > 0 || processedTrigger)
        {
            var cites = new List<Citation>();
            if (triggersEn.Count > 0)
            {
                cites.AddRange(rules.CitationsOf(RuleIds.VolumeAssessment));
            }

            var ruleId = triggersEn.Count > 0 ? RuleIds.VolumeAssessment : RuleIds.ProcessedVolumeAssessment;
            var en = triggersEn.Count > 0
                ? "A processor that is not a CIIO provides abroad, since 1 January " + year + ", " + string.Join(" and ", triggersEn)
                : string.Empty;
            var zh = triggersEn.Count > 0
                ? "非关键信息基础设施运营者自" + year + "年1月1日起累计向境外提供" + string.Join("、", triggersZh)
                : string.Empty;
            if (processedTrigger)
            {
                cites.AddRange(rules.CitationsOf(RuleIds.ProcessedVolumeAssessment));
                en += (en.Length > 0 ? ", and " : "A processor ") + "processes personal information of " + Count(v.Processed!.Value) + " people (threshold " + Count(o.ProcessedVolumeThreshold) + "; this 2022 trigger is applied because legacyProcessedVolumeTrigger is true)";
                zh += (zh.Length > 0 ? "，并且" : "数据处理者") + "处理" + CountZh(v.Processed!.Value) + "人个人信息（达到" + CountZh(o.ProcessedVolumeThreshold) + "人）";
                builder.Notes.Add("The processed-volume trigger of SA Measures 2022 Art. 4(2) was applied; whether it survives the Provisions 2024 is unconfirmed [U] (legacyProcessedVolumeTrigger).");
            }

            var assumed = !knownTrigger && !processedTrigger;
            if (assumed)
            {
                builder.Notes.Add("An undeclared volume was assumed to reach the assessment threshold; declare the yearly number of people to allow a standard contract, certification or the low-volume exemption.");
            }

            return builder.Build(ruleId, DecisionOutcome.SecurityAssessment, ExemptionBasis.None, assumed, cites,
                en + ": a security assessment is needed (" + En(cites) + ").",
                zh + "，应当申报数据出境安全评估（" + Zh(cites) + "）。");
        }

        // Row 11: standard contract or certification.
        if (v.NonSensitive >= o.ContractThreshold || v.Sensitive > 0)
        {
            var cites = rules.CitationsOf(RuleIds.ContractOrCertification);
            return builder.Build(RuleIds.ContractOrCertification, DecisionOutcome.ContractOrCertification, ExemptionBasis.None, false, cites,
                "A processor that is not a CIIO provides abroad, since 1 January " + year + ", non-sensitive personal information of " + Count(v.NonSensitive) + " people" +
                    (v.Sensitive > 0
                        ? " and sensitive personal information of " + Count(v.Sensitive) + " people, below the assessment thresholds but with sensitive personal information"
                        : ", below the assessment threshold but at or above " + Count(o.ContractThreshold)) +
                    ": a filed standard contract or a certification is needed (" + En(cites) + ").",
                "非关键信息基础设施运营者自" + year + "年1月1日起累计向境外提供" + CountZh(v.NonSensitive) + "人个人信息（不含敏感个人信息）" +
                    (v.Sensitive > 0 ? "、" + CountZh(v.Sensitive) + "人敏感个人信息" : string.Empty) +
                    "，未达到数据出境安全评估申报标准，应当订立个人信息出境标准合同或者通过个人信息保护认证（" + Zh(cites) + "）。");
        }

        // Row 12: low-volume exemption.
        {
            var cites = rules.CitationsOf(RuleIds.LowVolumeExemption);
            return builder.Build(RuleIds.LowVolumeExemption, DecisionOutcome.Exempt, ExemptionBasis.BelowThreshold, false, cites,
                "A processor that is not a CIIO provides abroad, since 1 January " + year + ", non-sensitive personal information of " + Count(v.NonSensitive) +
                    " people (fewer than " + Count(o.ContractThreshold) + ") and no sensitive personal information: exempt (" + En(cites) + ").",
                "非关键信息基础设施运营者自" + year + "年1月1日起累计向境外提供不满" + CountZh(o.ContractThreshold) + "人个人信息（不含敏感个人信息），" + ExemptZh + "（" + Zh(cites) + "）。");
        }
    }

    private static MechanismDecision DecideByVolumeBeforeProvisions(Builder builder, EffectiveVolumes v)
    {
        var rules = builder.Rules;
        var o = rules.Options;
        var window = rules.CountingWindowStart;
        var windowYear = window.Year.ToString(CultureInfo.InvariantCulture);

        // Row 10 (SA Measures 2022 Art. 4(2), 4(3)). "Personal information of N people" includes sensitive personal
        // information; with separate counts, their sum is an upper bound of the deduplicated total (conservative).
        var total = v.NonSensitive > long.MaxValue - v.Sensitive ? long.MaxValue : v.NonSensitive + v.Sensitive;
        var totalAssumed = v.NonSensitiveAssumed || v.SensitiveAssumed;
        var triggersEn = new List<string>();
        var triggersZh = new List<string>();
        var knownTrigger = false;
        if (total >= o.LegacyAssessmentThreshold)
        {
            knownTrigger |= !totalAssumed;
            triggersEn.Add(totalAssumed
                ? "has provided abroad since 1 January " + windowYear + " personal information of an undeclared number of people (assumed to reach " + Count(o.LegacyAssessmentThreshold) + ")"
                : "has provided abroad since 1 January " + windowYear + " personal information of up to " + Count(total) + " people (threshold " + Count(o.LegacyAssessmentThreshold) + ")");
            triggersZh.Add(totalAssumed
                ? "自" + windowYear + "年1月1日起累计向境外提供人数未申报的个人信息（按达到" + CountZh(o.LegacyAssessmentThreshold) + "人推定）"
                : "自" + windowYear + "年1月1日起累计向境外提供" + CountZh(total) + "人个人信息（达到" + CountZh(o.LegacyAssessmentThreshold) + "人）");
        }

        if (v.Sensitive >= o.LegacySensitiveAssessmentThreshold)
        {
            knownTrigger |= !v.SensitiveAssumed;
            triggersEn.Add(v.SensitiveAssumed
                ? "sensitive personal information of an undeclared number of people (assumed to reach " + Count(o.LegacySensitiveAssessmentThreshold) + ")"
                : "sensitive personal information of " + Count(v.Sensitive) + " people (threshold " + Count(o.LegacySensitiveAssessmentThreshold) + ")");
            triggersZh.Add(v.SensitiveAssumed
                ? "人数未申报的敏感个人信息（按达到" + CountZh(o.LegacySensitiveAssessmentThreshold) + "人推定）"
                : CountZh(v.Sensitive) + "人敏感个人信息（达到" + CountZh(o.LegacySensitiveAssessmentThreshold) + "人）");
        }

        if (v.Processed is { } processed && processed >= o.ProcessedVolumeThreshold)
        {
            knownTrigger = true;
            triggersEn.Add("processes personal information of " + Count(processed) + " people (threshold " + Count(o.ProcessedVolumeThreshold) + ")");
            triggersZh.Add("处理" + CountZh(processed) + "人个人信息（达到" + CountZh(o.ProcessedVolumeThreshold) + "人）");
        }

        if (triggersEn.Count > 0)
        {
            var cites = rules.CitationsOf(RuleIds.VolumeAssessmentBeforeProvisions);
            if (!knownTrigger)
            {
                builder.Notes.Add("An undeclared volume was assumed to reach the assessment threshold; declare the number of people to allow a standard contract or certification.");
            }

            return builder.Build(RuleIds.VolumeAssessmentBeforeProvisions, DecisionOutcome.SecurityAssessment, ExemptionBasis.None, !knownTrigger, cites,
                "Under the rules before the Provisions 2024, the processor " + string.Join(" and ", triggersEn) + ": a security assessment is needed (" + En(cites) + ").",
                "数据处理者" + string.Join("、", triggersZh) + "，应当申报数据出境安全评估（" + Zh(cites) + "）。");
        }

        // Row 11 (no low-volume exemption before the Provisions).
        var contractCites = rules.CitationsOf(RuleIds.ContractOrCertificationBeforeProvisions);
        if (rules.StandardContractAvailable)
        {
            return builder.Build(RuleIds.ContractOrCertificationBeforeProvisions, DecisionOutcome.ContractOrCertification, ExemptionBasis.None, false, contractCites,
                "Personal information below the security-assessment triggers of SA Measures 2022 Art. 4 leaves under a filed standard contract or a certification; there is no low-volume exemption before the Provisions 2024 (" + En(contractCites) + ").",
                "个人信息出境未达到数据出境安全评估申报标准的，应当订立个人信息出境标准合同或者通过个人信息保护认证；《促进和规范数据跨境流动规定》施行前没有小规模出境豁免（" + Zh(contractCites) + "）。");
        }

        return builder.Build(RuleIds.ContractOrCertificationBeforeProvisions, DecisionOutcome.ContractOrCertification, ExemptionBasis.None, false, contractCites,
            "Personal information below the security-assessment triggers of SA Measures 2022 Art. 4 leaves under a certification; the Standard Contract Measures take effect on 2023-06-01, and there is no low-volume exemption before the Provisions 2024 (" + En(contractCites) + ").",
            "个人信息出境未达到数据出境安全评估申报标准的，应当通过个人信息保护认证（《个人信息出境标准合同办法》自2023年6月1日起施行）（" + Zh(contractCites) + "）。");
    }

    private static AdequacyResult ByRow(MechanismDecision decision, TransferMechanism declared, ExemptionBasis declaredExemption)
    {
        var rules = decision.Rules;
        var name = Name(declared);
        switch (decision.Outcome)
        {
            case DecisionOutcome.Blocked:
                return Inadequate(decision, declared, declaredExemption, InadequacyReason.Blocked,
                    "The transfer is blocked whatever the mechanism: " + decision.Explanation, decision.Citations);
            case DecisionOutcome.AuthorityApproval:
                return Inadequate(decision, declared, declaredExemption, InadequacyReason.AuthorityApprovalRequired,
                    name + " does not cover this transfer; an approval of the competent authority is needed: " + decision.Explanation, decision.Citations);
        }

        if (declared == TransferMechanism.AuthorityApproval)
        {
            var pipl = new[] { new Citation(InstrumentId.Pipl, "38", Confidence.Primary) };
            return Inadequate(decision, declared, declaredExemption, InadequacyReason.NotAnExportMechanism,
                "An authority approval is not one of the export mechanisms of PIPL Art. 38; " + Lower(decision.Explanation), Concat(pipl, decision.Citations));
        }

        if (declared == TransferMechanism.StandardContract && !rules.StandardContractAvailable)
        {
            var scc = new[] { new Citation(InstrumentId.StandardContractMeasures, null, Confidence.Secondary) };
            return Inadequate(decision, declared, declaredExemption, InadequacyReason.StandardContractNotInForce,
                "The Standard Contract Measures take effect on 2023-06-01, after the as-of date " + rules.AsOf.ToString() + "; " + Lower(decision.Explanation), Concat(scc, decision.Citations));
        }

        switch (decision.Row)
        {
            case 7:
                if (declared == TransferMechanism.Certification)
                {
                    var cites = rules.CertificationMeasuresInForce
                        ? Concat(new[] { new Citation(InstrumentId.CertificationMeasures, "5", Confidence.Primary) }, decision.Citations)
                        : decision.Citations;
                    return Inadequate(decision, declared, declaredExemption, InadequacyReason.CertificationWithImportantData,
                        "Certification cannot cover important data" + (rules.CertificationMeasuresInForce ? " (Cert. Measures 2025 Art. 5: the exported personal information must not include important data)" : string.Empty) +
                        "; " + Lower(decision.Explanation), cites);
                }

                return Inadequate(decision, declared, declaredExemption, InadequacyReason.ImportantDataRequiresAssessment,
                    name + " cannot cover important data; " + Lower(decision.Explanation), decision.Citations);
            case 9:
                return Inadequate(decision, declared, declaredExemption, InadequacyReason.CiioRequiresAssessment,
                    name + " is not available to a critical information infrastructure operator; " + Lower(decision.Explanation), WithMechanismCitation(decision, declared));
            case 10:
                return Inadequate(decision, declared, declaredExemption,
                    decision.AssumedWorstCaseVolumes ? InadequacyReason.UndeclaredVolumeRequiresAssessment : InadequacyReason.VolumeRequiresAssessment,
                    name + " is not adequate at these volumes; " + Lower(decision.Explanation) +
                        (decision.AssumedWorstCaseVolumes ? " Declare the yearly number of people to have a lower volume taken into account." : string.Empty),
                    WithMechanismCitation(decision, declared));
            case 11:
                return Inadequate(decision, declared, declaredExemption, InadequacyReason.ContractOrCertificationRequired,
                    name + " is not adequate; " + Lower(decision.Explanation), decision.Citations);
            default:
                return Inadequate(decision, declared, declaredExemption, InadequacyReason.ExemptionConditionsNotMet,
                    name + " is not adequate; " + Lower(decision.Explanation), decision.Citations);
        }
    }

    private static IReadOnlyList<Citation> WithMechanismCitation(MechanismDecision decision, TransferMechanism declared)
    {
        var rules = decision.Rules;
        if (declared == TransferMechanism.Certification && rules.CertificationMeasuresInForce)
        {
            return Concat(decision.Citations, new[] { new Citation(InstrumentId.CertificationMeasures, "5", Confidence.Primary) });
        }

        if (declared == TransferMechanism.StandardContract)
        {
            return rules.Regime == RegulationRegime.Provisions2024
                ? Concat(decision.Citations, new[] { new Citation(InstrumentId.Provisions, "8", Confidence.Secondary) })
                : Concat(decision.Citations, new[] { new Citation(InstrumentId.StandardContractMeasures, "4", Confidence.Secondary) });
        }

        return decision.Citations;
    }

    private static AdequacyResult Adequate(MechanismDecision decision, TransferMechanism declared, ExemptionBasis basis, string message, IReadOnlyList<Citation> citations) =>
        new(decision, declared, basis, InadequacyReason.None, message, citations);

    private static AdequacyResult Inadequate(MechanismDecision decision, TransferMechanism declared, ExemptionBasis basis, InadequacyReason reason, string message, IReadOnlyList<Citation> citations) =>
        new(decision, declared, basis, reason, message, citations);

    private static ExemptionAssessment Holds(ExemptionBasis basis, string reason, IReadOnlyList<Citation> citations) =>
        new(basis, InadequacyReason.None, reason, citations);

    private static ExemptionAssessment Fails(ExemptionBasis basis, InadequacyReason failure, string reason, IReadOnlyList<Citation> citations) =>
        new(basis, failure, reason, citations);

    internal static string Name(TransferMechanism mechanism) => mechanism switch
    {
        TransferMechanism.SecurityAssessment => "A security assessment",
        TransferMechanism.StandardContract => "A standard contract",
        TransferMechanism.Certification => "Certification",
        TransferMechanism.Exemption => "An exemption",
        _ => "An authority approval",
    };

    private static string Row(MechanismDecision decision) => decision.Row.ToString(CultureInfo.InvariantCulture);

    /// <summary>Lower-cases the first letter of a sentence that continues another, unless it starts an acronym.</summary>
    private static string Lower(string sentence) =>
        sentence.Length > 1 && char.IsUpper(sentence[0]) && !char.IsUpper(sentence[1])
            ? char.ToLowerInvariant(sentence[0]) + sentence.Substring(1)
            : sentence;

    internal static IReadOnlyList<Citation> Concat(IReadOnlyList<Citation> first, IReadOnlyList<Citation> second)
    {
        var result = new List<Citation>(first.Count + second.Count);
        foreach (var citation in first)
        {
            if (!result.Contains(citation))
            {
                result.Add(citation);
            }
        }

        foreach (var citation in second)
        {
            if (!result.Contains(citation))
            {
                result.Add(citation);
            }
        }

        return result;
    }

    internal static string En(IReadOnlyList<Citation> citations)
    {
        var parts = new string[citations.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = citations[i].Reference;
        }

        return string.Join("; ", parts);
    }

    internal static string Zh(IReadOnlyList<Citation> citations)
    {
        var parts = new string[citations.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = citations[i].ReferenceZh;
        }

        return string.Join("，", parts);
    }

    /// <summary>A count with spaces between thousands: 1 000 000.</summary>
    internal static string Count(long value) =>
        value == long.MaxValue ? "an undeclared number" : value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ' ');

    /// <summary>A count in Chinese style: 10万, 100万, 12345.</summary>
    internal static string CountZh(long value) =>
        value >= 10_000 && value % 10_000 == 0
            ? (value / 10_000).ToString(CultureInfo.InvariantCulture) + "万"
            : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The volumes the rows compare, after the unknown-volume rule of <see cref="TransferFacts"/>.</summary>
    private readonly struct EffectiveVolumes
    {
        public EffectiveVolumes(TransferFacts facts)
        {
            NonSensitive = Effective(facts.NonSensitiveSubjects, facts.HasNonSensitivePersonalInformation, out var nonSensitiveAssumed);
            NonSensitiveAssumed = nonSensitiveAssumed;
            Sensitive = Effective(facts.SensitiveSubjects, facts.HasSensitivePersonalInformation, out var sensitiveAssumed);
            SensitiveAssumed = sensitiveAssumed;
            Processed = facts.ProcessedSubjects is { } processed && processed >= 0 ? processed : null;
        }

        public long NonSensitive { get; }

        public bool NonSensitiveAssumed { get; }

        public long Sensitive { get; }

        public bool SensitiveAssumed { get; }

        public long? Processed { get; }

        private static long Effective(long? declared, bool carried, out bool assumed)
        {
            assumed = false;
            if (declared is not { } value || value < 0)
            {
                assumed = carried;
                return carried ? long.MaxValue : 0;
            }

            return carried && value < 1 ? 1 : value;
        }
    }

    private sealed class Builder
    {
        private static bool ContainsMinor(IReadOnlyCollection<SensitiveCategory> categories)
        {
            foreach (var category in categories)
            {
                if (category == SensitiveCategory.MinorUnder14)
                {
                    return true;
                }
            }

            return false;
        }

        private readonly ExemptionAssessment? _claimed;

        public Builder(TransferFacts facts, RuleSet rules, List<string> notes, ExemptionAssessment? claimed)
        {
            Facts = facts;
            Rules = rules;
            Notes = notes;
            _claimed = claimed;
        }

        public TransferFacts Facts { get; }

        public RuleSet Rules { get; }

        public List<string> Notes { get; }

        public MechanismDecision Build(string ruleId, DecisionOutcome outcome, ExemptionBasis exemption, bool assumed, IReadOnlyList<Citation> citations, string explanation, string explanationZh)
        {
            var rule = Rules.GetRule(ruleId);
            var ciio = Facts.Processor.IsCriticalInformationInfrastructureOperator;
            var acceptable = new List<TransferMechanism>(5);
            switch (outcome)
            {
                case DecisionOutcome.AuthorityApproval:
                    acceptable.Add(TransferMechanism.AuthorityApproval);
                    break;
                case DecisionOutcome.SecurityAssessment:
                    acceptable.Add(TransferMechanism.SecurityAssessment);
                    break;
                case DecisionOutcome.ContractOrCertification:
                case DecisionOutcome.Exempt:
                    acceptable.Add(TransferMechanism.SecurityAssessment);
                    if (!ciio)
                    {
                        if (Rules.StandardContractAvailable)
                        {
                            acceptable.Add(TransferMechanism.StandardContract);
                        }

                        acceptable.Add(TransferMechanism.Certification);
                    }

                    if (outcome == DecisionOutcome.Exempt)
                    {
                        acceptable.Add(TransferMechanism.Exemption);
                    }

                    break;
            }

            if (outcome == DecisionOutcome.Exempt && Facts.HasPersonalInformation && Rules.Options.ExemptedTransfersCountTowardVolumes)
            {
                Notes.Add("People whose personal information leaves under this exemption still count toward the yearly volumes (exemptedTransfersCountTowardVolumes; unconfirmed [U]).");
            }

            if (Facts.HasPersonalInformation && outcome != DecisionOutcome.Blocked)
            {
                Notes.Add("Whatever the mechanism: the PIPL Art. 39 notice and separate consent where consent is the lawful basis, and a personal-information impact assessment (PIPL Art. 55(4)) kept at least three years (PIPL Art. 56).");
            }

            if (outcome != DecisionOutcome.Blocked && ContainsMinor(Facts.SensitiveCategories))
            {
                Notes.Add("The data may concern minors under 14: consent of a parent or guardian and dedicated processing rules are needed (PIPL Art. 31).");
            }

            if (_claimed is { } claimed && claimed.Basis != exemption)
            {
                Notes.Add("The claimed exemption does not decide this transfer: " + (claimed.Applies ? "row " + rule.DecisionRow?.ToString(CultureInfo.InvariantCulture) + " applies first." : claimed.Reason));
            }

            acceptable.Sort();
            return new MechanismDecision(Facts, Rules, rule, outcome, acceptable.ToArray(), exemption, assumed, citations, explanation, explanationZh, Notes.ToArray(), _claimed);
        }
    }
}
