using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.Regulation;
using CsCheck;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Regulation;

/// <summary>Invariants of the decision engine over generated facts.</summary>
public sealed class DecisionPropertyTests
{
    private static readonly IsoDate[] Dates =
    [
        new(2022, 1, 1), new(2022, 9, 1), new(2023, 5, 1), new(2023, 6, 1), new(2024, 3, 21),
        new(2024, 3, 22), new(2025, 1, 1), new(2025, 12, 31), new(2026, 1, 1), new(2027, 6, 30),
    ];

    private static readonly Gen<long?> Volume =
        Gen.Frequency<long?>(
            (1, Gen.Const((long?)null)),
            (6, Gen.Long[0, 3_000_000].Select(v => (long?)v)),
            (3, Gen.OneOf<long?>(0, 1, 9_999, 10_000, 99_999, 100_000, 999_999, 1_000_000)));

    private static readonly Gen<DataClass[]> Classes = Gen.Enum<DataClass>().Array[0, 4].Select(a => a.Distinct().ToArray());

    private static readonly Gen<ProcessorProfile> Processor =
        Gen.Select(Gen.Bool, Gen.OneOf<string?>(null, "Shanghai", "Tianjin"), Gen.Enum<NegativeListMembership>(), Gen.Bool,
            (ciio, zone, list, excludes) => new ProcessorProfile { IsCriticalInformationInfrastructureOperator = ciio, FreeTradeZone = zone, NegativeList = list, NegativeListExcludesCiio = excludes });

    private static readonly Gen<TransferFacts> Facts =
        Gen.Select(
            Gen.Select(Gen.Int[0, Dates.Length - 1], Classes, Gen.Enum<SensitiveCategory>().Array[0, 2], Processor),
            Gen.Select(Gen.Enum<RecipientKind>(), Gen.Enum<ExemptionBasis>(), Gen.Bool),
            Gen.Select(Volume, Volume, Volume),
            (a, b, c) => new TransferFacts
            {
                AsOf = Dates[a.Item1],
                DataClasses = a.Item2,
                SensitiveCategories = a.Item3,
                Processor = a.Item4,
                Recipient = b.Item1,
                ClaimedExemption = b.Item2,
                CollectedAbroadWithoutDomesticData = b.Item3,
                NonSensitiveSubjects = c.Item1,
                SensitiveSubjects = c.Item2,
                ProcessedSubjects = c.Item3,
            });

    private static readonly Gen<RegulationOptions> Options =
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, (ciio, legacy, core) => new RegulationOptions
        {
            ExemptionsApplyToCiio = ciio,
            LegacyProcessedVolumeTrigger = legacy,
            CoreDataAllowedWithAuthorityApproval = core,
        });

    private static readonly TransferMechanism[] Regulated = [TransferMechanism.SecurityAssessment, TransferMechanism.StandardContract, TransferMechanism.Certification, TransferMechanism.Exemption];

    [Fact]
    public void LargerVolumeNeverAllowsAWeakerMechanism()
    {
        Gen.Select(Facts, Options, Gen.Long[0, 2_000_000], Gen.Long[0, 20_000]).Sample((facts, options, moreNonSensitive, moreSensitive) =>
        {
            var smaller = MechanismDecisionEngine.Decide(facts, options);
            var larger = MechanismDecisionEngine.Decide(facts with
            {
                NonSensitiveSubjects = facts.NonSensitiveSubjects + moreNonSensitive,
                SensitiveSubjects = facts.SensitiveSubjects + moreSensitive,
            }, options);
            Assert.All(larger.AcceptableMechanisms, m => Assert.True(smaller.Accepts(m), $"{m} accepted at the larger volume (row {larger.Row}) but not at the smaller (row {smaller.Row})"));
        }, iter: 3000);
    }

    [Fact]
    public void UnknownVolumeNeverAllowsMoreThanAnyDeclaredVolume()
    {
        Gen.Select(Facts, Options).Sample((facts, options) =>
        {
            var known = MechanismDecisionEngine.Decide(facts, options);
            var unknown = MechanismDecisionEngine.Decide(facts with { NonSensitiveSubjects = null, SensitiveSubjects = null }, options);
            Assert.All(unknown.AcceptableMechanisms, m => Assert.True(known.Accepts(m)));
        }, iter: 2000);
    }

    [Fact]
    public void CoreDataNeverHasARegulatedMechanismOrExemption_Dsl21()
    {
        Gen.Select(Facts, Options).Sample((facts, options) =>
        {
            var decision = MechanismDecisionEngine.Decide(facts with { DataClasses = facts.DataClasses.Append(DataClass.CoreData).ToArray() }, options);
            Assert.Equal(1, decision.Row);
            Assert.False(decision.ExemptionApplies);
            Assert.All(Regulated, m => Assert.False(decision.Accepts(m)));
            foreach (var m in Regulated)
            {
                Assert.False(MechanismDecisionEngine.CheckAdequacy(decision, m, ExemptionBasis.BelowThreshold).IsAdequate);
            }
        }, iter: 1000);
    }

    [Fact]
    public void ImportantDataAlwaysNeedsASecurityAssessment_SaMeasures4_1()
    {
        Gen.Select(Facts, Options).Sample((facts, options) =>
        {
            var decision = MechanismDecisionEngine.Decide(facts with { DataClasses = facts.DataClasses.Where(c => c != DataClass.CoreData).Append(DataClass.ImportantData).ToArray() }, options);
            Assert.False(decision.ExemptionApplies);
            Assert.DoesNotContain(TransferMechanism.StandardContract, decision.AcceptableMechanisms);
            Assert.DoesNotContain(TransferMechanism.Certification, decision.AcceptableMechanisms);
            Assert.DoesNotContain(TransferMechanism.Exemption, decision.AcceptableMechanisms);
            if (facts.Recipient == RecipientKind.Ordinary)
            {
                Assert.Equal(7, decision.Row);
                Assert.Equal([TransferMechanism.SecurityAssessment], decision.AcceptableMechanisms);
            }
        }, iter: 1000);
    }

    [Fact]
    public void DecisionsAreDeterministic()
    {
        Gen.Select(Facts, Options).Sample((facts, options) =>
        {
            var first = MechanismDecisionEngine.Decide(facts, options);
            var second = MechanismDecisionEngine.Decide(facts with { }, options with { });
            Assert.Equal(first.Row, second.Row);
            Assert.Equal(first.AcceptableMechanisms, second.AcceptableMechanisms);
            Assert.Equal(first.Exemption, second.Exemption);
            Assert.Equal(first.Explanation, second.Explanation);
            Assert.Equal(first.ExplanationZh, second.ExplanationZh);
            Assert.Equal(first.Notes, second.Notes);
            Assert.Equal(first.Citations, second.Citations);
        }, iter: 1000);
    }

    [Fact]
    public void DecisionIsWellFormed()
    {
        Gen.Select(Facts, Options).Sample((facts, options) =>
        {
            var decision = MechanismDecisionEngine.Decide(facts, options);
            Assert.InRange(decision.Row, 1, 12);
            Assert.NotEmpty(decision.Citations);
            Assert.All(decision.Citations, c => Assert.True(c.Source.IsInForce(decision.Rules.RulesDate), c + " not in force"));
            Assert.Equal(decision.IsBlocked, decision.AcceptableMechanisms.Count == 0);
            Assert.Equal(decision.ExemptionApplies, decision.Accepts(TransferMechanism.Exemption));
            Assert.True(decision.Rule.IsInForce(decision.Rules.RulesDate));
            Assert.DoesNotContain("{", decision.Explanation, StringComparison.Ordinal);
            Assert.Contains("》第", decision.ExplanationZh, StringComparison.Ordinal);

            // Every mechanism the decision accepts is judged adequate, with the exemption it names.
            foreach (var m in decision.AcceptableMechanisms)
            {
                Assert.True(MechanismDecisionEngine.CheckAdequacy(decision, m, decision.Exemption).IsAdequate, m.ToString());
            }

            // A CIIO is never offered a standard contract or certification (Provisions 2024 Art. 7(1); Cert. Measures 2025 Art. 5).
            if (facts.Processor.IsCriticalInformationInfrastructureOperator)
            {
                Assert.DoesNotContain(TransferMechanism.StandardContract, decision.AcceptableMechanisms);
                Assert.DoesNotContain(TransferMechanism.Certification, decision.AcceptableMechanisms);
            }
        }, iter: 2000);
    }

    [Fact]
    public void LowVolumeEvaluatorAgreesWithRows11And12_Provisions5_4()
    {
        Gen.Select(Facts, Options).Sample((facts, options) =>
        {
            var decision = MechanismDecisionEngine.Decide(facts, options);
            if (decision.Row is 11 or 12 && decision.Rules.Regime == RegulationRegime.Provisions2024)
            {
                Assert.Equal(decision.Row == 12, MechanismDecisionEngine.EvaluateExemption(ExemptionBasis.BelowThreshold, facts, options).Applies);
            }
        }, iter: 2000);
    }
}
