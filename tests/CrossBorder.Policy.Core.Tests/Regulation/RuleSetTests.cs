using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.Regulation;
using Xunit;
using static CrossBorder.Policy.Core.Tests.Regulation.TestFacts;

namespace CrossBorder.Policy.Core.Tests.Regulation;

/// <summary>Which rules are in force on a date: the 2022 Measures, the 2023 SCC Measures, the 2024 Provisions (Art. 13: they prevail), the 2026 Certification Measures.</summary>
public sealed class RuleSetTests
{
    [Fact]
    public void Before2024Provisions_OldTriggersAndPreviousYearWindow_SaMeasures4()
    {
        var rules = RuleSet.For(new IsoDate(2023, 5, 1));

        Assert.Equal(RegulationRegime.SecurityAssessmentMeasures2022, rules.Regime);
        Assert.Equal(new IsoDate(2022, 1, 1), rules.CountingWindowStart);
        Assert.False(rules.ExemptionsAvailable);
        Assert.False(rules.StandardContractAvailable);
        Assert.Equal(100_000, rules.GetThreshold(ThresholdKind.AssessmentPersonalInformation)!.Value);
        Assert.Equal(10_000, rules.GetThreshold(ThresholdKind.AssessmentSensitive)!.Value);
        Assert.Null(rules.GetThreshold(ThresholdKind.ContractNonSensitive));
        Assert.False(rules.TryGetRule(RuleIds.LowVolumeExemption, out _));
        Assert.True(rules.TryGetRule(RuleIds.VolumeAssessmentBeforeProvisions, out _));
    }

    [Fact]
    public void From2024_03_22_ProvisionsPrevail_Art13_CurrentYearWindow()
    {
        Assert.Equal(RegulationRegime.SecurityAssessmentMeasures2022, RuleSet.For(new IsoDate(2024, 3, 21)).Regime);

        var rules = RuleSet.For(new IsoDate(2024, 3, 22));
        Assert.Equal(RegulationRegime.Provisions2024, rules.Regime);
        Assert.Equal(new IsoDate(2024, 1, 1), rules.CountingWindowStart);
        Assert.True(rules.ExemptionsAvailable);
        Assert.True(rules.StandardContractAvailable);
        Assert.False(rules.CertificationMeasuresInForce);
        Assert.Equal(1_000_000, rules.GetThreshold(ThresholdKind.AssessmentNonSensitive)!.Value);
        Assert.False(rules.TryGetRule(RuleIds.VolumeAssessmentBeforeProvisions, out _));
        Assert.True(RuleSet.For(new IsoDate(2026, 1, 1)).CertificationMeasuresInForce);
    }

    [Fact]
    public void SameFacts_DecideDifferentlyBeforeAndAfterTheProvisions()
    {
        // 50 000 people, non-sensitive: before the Provisions a mechanism is needed (no low-volume exemption).
        var may2023 = MechanismDecisionEngine.Decide(Pi(50_000, new IsoDate(2023, 5, 1)));
        Assert.Equal(11, may2023.Row);
        Assert.Equal(RuleIds.ContractOrCertificationBeforeProvisions, may2023.Rule.Id);
        Assert.Equal([TransferMechanism.SecurityAssessment, TransferMechanism.Certification], may2023.AcceptableMechanisms); // SCC Measures not yet in force

        var july2023 = MechanismDecisionEngine.Decide(Pi(50_000, new IsoDate(2023, 7, 1)));
        Assert.True(july2023.Accepts(TransferMechanism.StandardContract));
        Assert.Contains("SCC Measures 2023 Art. 4", Refs(july2023.Citations));

        var provisions = MechanismDecisionEngine.Decide(Pi(50_000, new IsoDate(2024, 3, 22)));
        Assert.Equal(12, provisions.Row);

        // 150 000 people: security assessment under SA Measures 2022 Art. 4(3), standard contract under Provisions 2024 Art. 8.
        var old = MechanismDecisionEngine.Decide(Pi(150_000, new IsoDate(2024, 3, 21)));
        Assert.Equal(10, old.Row);
        Assert.Equal(["SA Measures 2022 Art. 4(2)", "SA Measures 2022 Art. 4(3)"], Refs(old.Citations));
        Assert.Contains("since 1 January 2023", old.Explanation, StringComparison.Ordinal);
        Assert.Equal(11, MechanismDecisionEngine.Decide(Pi(150_000, new IsoDate(2024, 3, 22))).Row);
    }

    [Fact]
    public void BeforeProvisions_SaMeasures4_3_CountsSensitiveSubjectsIntoTheTotal()
    {
        var decision = MechanismDecisionEngine.Decide(Sensitive(95_000, 6_000, new IsoDate(2023, 8, 1)));
        Assert.Equal(10, decision.Row);
    }

    [Fact]
    public void BeforeProvisions_SaMeasures4_2_ProcessedVolumeAlwaysApplies()
    {
        var facts = Pi(10, new IsoDate(2023, 8, 1)) with { ProcessedSubjects = 2_000_000 };
        var decision = MechanismDecisionEngine.Decide(facts, new RegulationOptions { LegacyProcessedVolumeTrigger = false });
        Assert.Equal(10, decision.Row);
    }

    [Fact]
    public void BeforeProvisions_NoExemptionRows_CollectedAbroadAndFtzFallThrough()
    {
        var facts = Pi(10, new IsoDate(2023, 8, 1)).InZone(NegativeListMembership.NotOnList) with { CollectedAbroadWithoutDomesticData = true, ClaimedExemption = ExemptionBasis.Emergency };
        var decision = MechanismDecisionEngine.Decide(facts);

        Assert.Equal(11, decision.Row);
        Assert.Equal(InadequacyReason.ExemptionNotInForce, decision.ClaimedExemption!.Failure);
    }

    [Fact]
    public void BeforeTheSaMeasures_EarliestRulesApplied()
    {
        var rules = RuleSet.For(new IsoDate(2022, 1, 1));
        Assert.True(rules.BeforeEarliestModelledDate);
        Assert.Equal(new IsoDate(2022, 9, 1), rules.RulesDate);

        var decision = MechanismDecisionEngine.Decide(Important(new IsoDate(2022, 1, 1)));
        Assert.Equal(7, decision.Row);
        Assert.Contains("SA Measures 2022 Art. 4(1)", Refs(decision.Citations));
        Assert.Contains(decision.Notes, n => n.Contains("precedes", StringComparison.Ordinal));
    }

    [Fact]
    public void InstrumentCatalogue_EffectiveDates()
    {
        Assert.Equal(new IsoDate(2022, 9, 1), Instruments.Get(InstrumentId.SecurityAssessmentMeasures).EffectiveFrom);
        Assert.Equal(new IsoDate(2023, 6, 1), Instruments.Get(InstrumentId.StandardContractMeasures).EffectiveFrom);
        Assert.Equal(new IsoDate(2024, 3, 22), Instruments.Get(InstrumentId.Provisions).EffectiveFrom);
        Assert.Equal(new IsoDate(2026, 1, 1), Instruments.Get(InstrumentId.CertificationMeasures).EffectiveFrom);
        Assert.Equal(Enum.GetValues<InstrumentId>().Length, Instruments.All.Count);
        Assert.All(Instruments.All, i => Assert.Equal(i, Instruments.Get(i.Id)));
        Assert.DoesNotContain(Instruments.InForce(new IsoDate(2026, 1, 1)), i => i.Id == InstrumentId.Csl2016);
        Assert.Contains(Instruments.InForce(new IsoDate(2025, 12, 31)), i => i.Id == InstrumentId.Csl2016);
    }

    [Fact]
    public void EveryRuleCarriesCitationsAndUniqueId()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(RuleCatalog.All, r => Assert.NotEmpty(r.Citations));
        Assert.All(RuleCatalog.All, r => Assert.All(r.OptionNames, name => Assert.NotNull(typeof(RegulationOptions).GetProperty(name))));
        var rows = RuleCatalog.All.Where(r => r.DecisionRow is not null).Select(r => r.DecisionRow!.Value).Distinct().OrderBy(r => r);
        Assert.Equal(Enumerable.Range(1, 12), rows);
    }

    [Fact]
    public void RulesOfEachRowDoNotOverlapInTime_OneVersionInForce()
    {
        foreach (var date in new[] { new IsoDate(2022, 9, 1), new IsoDate(2023, 7, 1), new IsoDate(2024, 3, 22), new IsoDate(2026, 6, 1) })
        {
            var rules = RuleSet.For(date);
            var rowFour = rules.Rules.Count(r => r.DecisionRow == 4);
            var rowEleven = rules.Rules.Count(r => r.DecisionRow == 11);
            Assert.Equal(1, rowFour);
            Assert.Equal(1, rowEleven);
        }
    }

    [Fact]
    public void OptionsValidate_ReportsCamelCaseKeys()
    {
        Assert.Empty(RegulationOptions.Default.Validate());
        var problems = new RegulationOptions { ContractThreshold = 2_000_000, AssessmentValidityYears = 0 }.Validate();
        Assert.Contains("regulation.contractThreshold must not exceed regulation.assessmentThreshold.", problems);
        Assert.Contains("regulation.assessmentValidityYears must be positive.", problems);
        Assert.Equal("legacyProcessedVolumeTrigger", RegulationOptions.JsonKey(nameof(RegulationOptions.LegacyProcessedVolumeTrigger)));
    }

    [Fact]
    public void DefaultFacts_DoNotThrow_AndUseTheEarliestRules()
    {
        var decision = MechanismDecisionEngine.Decide(new TransferFacts());
        Assert.Equal(4, decision.Row);
        Assert.True(decision.Rules.BeforeEarliestModelledDate);
        Assert.Equal(new IsoDate(1, 1, 1), decision.Rules.CountingWindowStart);
    }
}
