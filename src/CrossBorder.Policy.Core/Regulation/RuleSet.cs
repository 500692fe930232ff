using System;
using System.Collections.Generic;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Regulation;

/// <summary>Which generation of the outbound-transfer rules is in force.</summary>
public enum RegulationRegime
{
    /// <summary>2022-09-01 to 2024-03-21: Security Assessment Measures 2022 Art. 4 triggers, Standard Contract Measures 2023 Art. 4 (from 2023-06-01), no exemptions; counting since 1 January of the previous year.</summary>
    SecurityAssessmentMeasures2022,

    /// <summary>From 2024-03-22: the Provisions 2024 (Arts. 3 to 9), which prevail over inconsistent earlier rules (Art. 13); counting since 1 January of the current year.</summary>
    Provisions2024,
}

/// <summary>The volume thresholds the decision rows compare against.</summary>
public enum ThresholdKind
{
    /// <summary>Non-sensitive subjects from which a standard contract or certification is needed (Provisions 2024 Arts. 5(4), 8).</summary>
    ContractNonSensitive,

    /// <summary>Non-sensitive subjects from which a security assessment is needed (Provisions 2024 Art. 7(2)).</summary>
    AssessmentNonSensitive,

    /// <summary>Sensitive subjects from which a security assessment is needed (Provisions 2024 Art. 7(2); SA Measures 2022 Art. 4(3)).</summary>
    AssessmentSensitive,

    /// <summary>Before 2024-03-22: subjects of any personal information from which a security assessment was needed (SA Measures 2022 Art. 4(3)).</summary>
    AssessmentPersonalInformation,

    /// <summary>Subjects whose personal information the processor processes (not exports) from which a security assessment is needed (SA Measures 2022 Art. 4(2)).</summary>
    AssessmentProcessed,
}

/// <summary>A threshold in force: its value (from <see cref="RegulationOptions"/>), the option that sets it and its citation.</summary>
public sealed record VolumeThreshold(ThresholdKind Kind, long Value, string OptionName, string RuleId, Citation Citation);

/// <summary>
/// The rules in force on a date, with the numbers of the options applied. Create one with <see cref="For"/>;
/// a rule set is immutable and cheap to create.
/// </summary>
public sealed class RuleSet
{
    private readonly Dictionary<string, RegulationRule> _rules;
    private readonly List<VolumeThreshold> _thresholds;

    private RuleSet(IsoDate asOf, RegulationOptions options)
    {
        AsOf = asOf;
        Options = options;
        BeforeEarliestModelledDate = asOf < RuleCatalog.EarliestModelledDate;
        RulesDate = BeforeEarliestModelledDate ? RuleCatalog.EarliestModelledDate : asOf;
        Regime = RulesDate >= RuleCatalog.ProvisionsEffective ? RegulationRegime.Provisions2024 : RegulationRegime.SecurityAssessmentMeasures2022;
        CountingWindowStart = Regime == RegulationRegime.Provisions2024 ? new IsoDate(asOf.Year, 1, 1) : new IsoDate(Math.Max(1, asOf.Year - 1), 1, 1);

        _rules = new Dictionary<string, RegulationRule>(StringComparer.Ordinal);
        var inForce = new List<RegulationRule>();
        foreach (var rule in RuleCatalog.All)
        {
            if (rule.IsInForce(RulesDate))
            {
                _rules.Add(rule.Id, rule);
                inForce.Add(rule);
            }
        }

        Rules = inForce;
        InstrumentsInForce = Instruments.InForce(RulesDate);

        _thresholds = new List<VolumeThreshold>();
        if (Regime == RegulationRegime.Provisions2024)
        {
            var provisions = new Citation(InstrumentId.Provisions, "8", Confidence.Secondary);
            var assessment = new Citation(InstrumentId.Provisions, "7(2)", Confidence.Secondary);
            _thresholds.Add(new(ThresholdKind.ContractNonSensitive, options.ContractThreshold, nameof(RegulationOptions.ContractThreshold), RuleIds.ContractOrCertification, provisions));
            _thresholds.Add(new(ThresholdKind.AssessmentNonSensitive, options.AssessmentThreshold, nameof(RegulationOptions.AssessmentThreshold), RuleIds.VolumeAssessment, assessment));
            _thresholds.Add(new(ThresholdKind.AssessmentSensitive, options.SensitiveAssessmentThreshold, nameof(RegulationOptions.SensitiveAssessmentThreshold), RuleIds.VolumeAssessment, assessment));
            if (options.LegacyProcessedVolumeTrigger)
            {
                _thresholds.Add(new(ThresholdKind.AssessmentProcessed, options.ProcessedVolumeThreshold, nameof(RegulationOptions.ProcessedVolumeThreshold), RuleIds.ProcessedVolumeAssessment, new Citation(InstrumentId.SecurityAssessmentMeasures, "4(2)", Confidence.Unconfirmed)));
            }
        }
        else
        {
            var old = new Citation(InstrumentId.SecurityAssessmentMeasures, "4(3)", Confidence.Primary);
            _thresholds.Add(new(ThresholdKind.AssessmentPersonalInformation, options.LegacyAssessmentThreshold, nameof(RegulationOptions.LegacyAssessmentThreshold), RuleIds.VolumeAssessmentBeforeProvisions, old));
            _thresholds.Add(new(ThresholdKind.AssessmentSensitive, options.LegacySensitiveAssessmentThreshold, nameof(RegulationOptions.LegacySensitiveAssessmentThreshold), RuleIds.VolumeAssessmentBeforeProvisions, old));
            _thresholds.Add(new(ThresholdKind.AssessmentProcessed, options.ProcessedVolumeThreshold, nameof(RegulationOptions.ProcessedVolumeThreshold), RuleIds.VolumeAssessmentBeforeProvisions, new Citation(InstrumentId.SecurityAssessmentMeasures, "4(2)", Confidence.Primary)));
        }
    }

    /// <summary>The rules in force on <paramref name="asOf"/>. Dates before 2022-09-01 use the earliest modelled rules (see <see cref="BeforeEarliestModelledDate"/>).</summary>
    public static RuleSet For(IsoDate asOf, RegulationOptions? options = null) => new(asOf, options ?? RegulationOptions.Default);

    /// <summary>The date asked for.</summary>
    public IsoDate AsOf { get; }

    /// <summary>The date whose rules apply: <see cref="AsOf"/>, or 2022-09-01 when <see cref="AsOf"/> is earlier.</summary>
    public IsoDate RulesDate { get; }

    /// <summary>
    /// True when <see cref="AsOf"/> precedes the Security Assessment Measures 2022; the engine then applies those measures
    /// anyway (conservative: they required earlier exports to be rectified, SA Measures 2022 Art. 20).
    /// </summary>
    public bool BeforeEarliestModelledDate { get; }

    public RegulationOptions Options { get; }

    public RegulationRegime Regime { get; }

    /// <summary>The first day of the window over which yearly volumes are counted: 1 January of the current year (Provisions 2024 Arts. 5(4), 7, 8) or, before them, of the previous year (SA Measures 2022 Art. 4(3)).</summary>
    public IsoDate CountingWindowStart { get; }

    /// <summary>The rules in force, in catalogue order.</summary>
    public IReadOnlyList<RegulationRule> Rules { get; }

    /// <summary>The instruments in force on <see cref="RulesDate"/>.</summary>
    public IReadOnlyList<Instrument> InstrumentsInForce { get; }

    /// <summary>The thresholds in force with their values.</summary>
    public IReadOnlyList<VolumeThreshold> Thresholds => _thresholds;

    /// <summary>Whether the exemptions of Provisions 2024 Arts. 3 to 6 exist.</summary>
    public bool ExemptionsAvailable => Regime == RegulationRegime.Provisions2024;

    /// <summary>Whether a standard contract can be concluded and filed (Standard Contract Measures 2023, from 2023-06-01).</summary>
    public bool StandardContractAvailable => Instruments.Get(InstrumentId.StandardContractMeasures).IsInForce(RulesDate);

    /// <summary>Whether the Certification Measures (from 2026-01-01) are in force; before them certification rests on PIPL Art. 38(2) and the 2022 implementation rules.</summary>
    public bool CertificationMeasuresInForce => Instruments.Get(InstrumentId.CertificationMeasures).IsInForce(RulesDate);

    public bool IsInForce(InstrumentId instrument) => Instruments.Get(instrument).IsInForce(RulesDate);

    public bool TryGetRule(string id, out RegulationRule rule) => _rules.TryGetValue(id, out rule!);

    /// <summary>The rule in force with this identifier; throws when it is not in force on <see cref="RulesDate"/>.</summary>
    public RegulationRule GetRule(string id) =>
        _rules.TryGetValue(id, out var rule) ? rule : throw new InvalidOperationException("Rule '" + id + "' is not in force on " + RulesDate.ToString() + ".");

    /// <summary>The threshold of this kind in force, if any.</summary>
    public VolumeThreshold? GetThreshold(ThresholdKind kind)
    {
        foreach (var threshold in _thresholds)
        {
            if (threshold.Kind == kind)
            {
                return threshold;
            }
        }

        return null;
    }

    /// <summary>The rule's citations whose instrument is in force on <see cref="RulesDate"/>.</summary>
    public IReadOnlyList<Citation> CitationsOf(string ruleId) => GetRule(ruleId).CitationsAt(RulesDate);
}
