using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.Regulation;
using Xunit;
using static CrossBorder.Policy.Core.Tests.Regulation.TestFacts;

namespace CrossBorder.Policy.Core.Tests.Regulation;

/// <summary>One test per row of the decision table (docs/regulation.md §7.3), as of 2026-06-01 unless stated.</summary>
public sealed class DecisionTableTests
{
    [Fact]
    public void Row1_CoreData_Dsl21_RequiresAuthorityApproval_ByDefault()
    {
        var facts = Pi(10) with { DataClasses = [DataClass.CoreData, DataClass.PersonalInformation], Recipient = RecipientKind.ForeignJudicialOrLawEnforcement };
        var decision = MechanismDecisionEngine.Decide(facts);

        Assert.Equal(1, decision.Row);
        Assert.Equal(DecisionOutcome.AuthorityApproval, decision.Outcome);
        Assert.Equal([TransferMechanism.AuthorityApproval], decision.AcceptableMechanisms);
        Assert.Contains("DSL Art. 21 para. 2", Refs(decision.Citations));
        Assert.Contains("NDSR Art. 63", Refs(decision.Citations));
        Assert.True(decision.Rule.IsToolPolicy);
        Assert.Contains("《数据安全法》第二十一条第二款", decision.ExplanationZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Row1_CoreData_Dsl21_BlockedWhenApprovalNotAllowed()
    {
        var facts = Pi(10) with { DataClasses = [DataClass.CoreData] };
        var decision = MechanismDecisionEngine.Decide(facts, new RegulationOptions { CoreDataAllowedWithAuthorityApproval = false });

        Assert.Equal(1, decision.Row);
        Assert.True(decision.IsBlocked);
        Assert.Empty(decision.AcceptableMechanisms);
        Assert.Contains("in every case", decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Row2_ForeignJudicialBody_Pipl41_Dsl36()
    {
        var decision = MechanismDecisionEngine.Decide(Pi(10) with { Recipient = RecipientKind.ForeignJudicialOrLawEnforcement });

        Assert.Equal(2, decision.Row);
        Assert.Equal([TransferMechanism.AuthorityApproval], decision.AcceptableMechanisms);
        Assert.Equal(["PIPL Art. 41", "DSL Art. 36"], Refs(decision.Citations));
    }

    [Fact]
    public void Row3_RestrictedRecipient_Pipl42_Blocked()
    {
        var decision = MechanismDecisionEngine.Decide(Pi(10) with { Recipient = RecipientKind.RestrictedList });

        Assert.Equal(3, decision.Row);
        Assert.True(decision.IsBlocked);
        Assert.Empty(decision.AcceptableMechanisms);
        Assert.Equal(["PIPL Art. 42"], Refs(decision.Citations));
    }

    [Fact]
    public void Row4_NoPersonalOrImportantData_ProvisionsArt3_Exempt()
    {
        var facts = new TransferFacts { AsOf = Now, DataClasses = [DataClass.GeneralData] };
        var decision = MechanismDecisionEngine.Decide(facts.WithCiio());

        Assert.Equal(4, decision.Row);
        Assert.Equal(ExemptionBasis.NonPersonalBusinessData, decision.Exemption);
        Assert.True(decision.Accepts(TransferMechanism.Exemption));
        Assert.Equal(["Provisions 2024 Art. 3"], Refs(decision.Citations));
        Assert.Equal(Confidence.Secondary, decision.Citations[0].Confidence);
    }

    [Fact]
    public void Row5_CollectedAbroad_ProvisionsArt4_Exempt_EvenForSensitiveAndLargeVolumes()
    {
        var facts = Sensitive(5_000_000, 50_000) with { CollectedAbroadWithoutDomesticData = true };
        var decision = MechanismDecisionEngine.Decide(facts);

        Assert.Equal(5, decision.Row);
        Assert.Equal(ExemptionBasis.CollectedAbroad, decision.Exemption);
        Assert.Equal(["Provisions 2024 Art. 4"], Refs(decision.Citations));
    }

    [Fact]
    public void Row6_FreeTradeZoneOffList_ProvisionsArt6_Exempt()
    {
        var decision = MechanismDecisionEngine.Decide(Sensitive(2_000_000, 20_000).InZone(NegativeListMembership.NotOnList));

        Assert.Equal(6, decision.Row);
        Assert.Equal(ExemptionBasis.FreeTradeZoneNegativeList, decision.Exemption);
        Assert.Contains("Shanghai", decision.Explanation, StringComparison.Ordinal);
        Assert.Contains("负面清单外", decision.ExplanationZh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NegativeListMembership.OnList)]
    [InlineData(NegativeListMembership.Unknown)]
    public void Row6_ProvisionsArt6_NotAppliedWhenOnListOrUnknown(NegativeListMembership membership)
    {
        var decision = MechanismDecisionEngine.Decide(Pi(2_000_000).InZone(membership));
        Assert.Equal(10, decision.Row);
    }

    [Fact]
    public void Row6_ProvisionsArt6_ListExcludingCiiosDoesNotExemptACiio()
    {
        var ciio = Pi(10).WithCiio().InZone(NegativeListMembership.NotOnList);
        Assert.Equal(9, MechanismDecisionEngine.Decide(ciio).Row);

        var included = ciio with { Processor = ciio.Processor with { NegativeListExcludesCiio = false } };
        Assert.Equal(6, MechanismDecisionEngine.Decide(included).Row);
    }

    [Fact]
    public void Row7_ImportantData_SaMeasures4_1_Provisions7_EvenOffTheFtzList()
    {
        var decision = MechanismDecisionEngine.Decide(Important().InZone(NegativeListMembership.NotOnList));

        Assert.Equal(7, decision.Row);
        Assert.Equal([TransferMechanism.SecurityAssessment], decision.AcceptableMechanisms);
        Assert.Equal(["SA Measures 2022 Art. 4(1)", "Provisions 2024 Art. 2", "Provisions 2024 Art. 7", "NDSR Art. 37", "DSL Art. 31"], Refs(decision.Citations));
        Assert.Contains(decision.Notes, n => n.Contains("not applied to important data", StringComparison.Ordinal));
    }

    [Fact]
    public void Row7_ImportantData_ProvisionsArt7_ClaimedExemptionRejected()
    {
        var decision = MechanismDecisionEngine.Decide(Important() with { ClaimedExemption = ExemptionBasis.ContractPerformance });

        Assert.Equal(7, decision.Row);
        Assert.NotNull(decision.ClaimedExemption);
        Assert.Equal(InadequacyReason.ImportantDataUnderExemption, decision.ClaimedExemption!.Failure);
    }

    [Theory]
    [InlineData(ExemptionBasis.ContractPerformance, "Provisions 2024 Art. 5(1)", "NDSR Art. 35(4)")]
    [InlineData(ExemptionBasis.HumanResources, "Provisions 2024 Art. 5(2)", "NDSR Art. 35(5)")]
    [InlineData(ExemptionBasis.Emergency, "Provisions 2024 Art. 5(3)", "NDSR Art. 35(7)")]
    public void Row8_NecessityExemptions_ProvisionsArt5_1to3(ExemptionBasis basis, string provisions, string ndsr)
    {
        var decision = MechanismDecisionEngine.Decide(Sensitive(5_000_000, 50_000) with { ClaimedExemption = basis });

        Assert.Equal(8, decision.Row);
        Assert.Equal(basis, decision.Exemption);
        Assert.Equal([provisions, ndsr], Refs(decision.Citations));
    }

    [Fact]
    public void Row8_ProvisionsArt5_CiioFallsToRow9_UnlessOptionSet()
    {
        var facts = Pi(10).WithCiio() with { ClaimedExemption = ExemptionBasis.HumanResources };

        var strict = MechanismDecisionEngine.Decide(facts);
        Assert.Equal(9, strict.Row);
        Assert.Equal(InadequacyReason.ExemptionNotForCiio, strict.ClaimedExemption!.Failure);

        var lenient = MechanismDecisionEngine.Decide(facts, new RegulationOptions { ExemptionsApplyToCiio = true });
        Assert.Equal(8, lenient.Row);
        Assert.Equal([TransferMechanism.SecurityAssessment, TransferMechanism.Exemption], lenient.AcceptableMechanisms);
    }

    [Fact]
    public void Row9_Ciio_Provisions7_1_Pipl40_CitesCsl2025Art39From2026()
    {
        var decision = MechanismDecisionEngine.Decide(Pi(1).WithCiio());

        Assert.Equal(9, decision.Row);
        Assert.Equal([TransferMechanism.SecurityAssessment], decision.AcceptableMechanisms);
        Assert.Equal(["Provisions 2024 Art. 7(1)", "SA Measures 2022 Art. 4(2)", "PIPL Art. 40", "CSL 2025 Art. 39"], Refs(decision.Citations));

        var in2025 = MechanismDecisionEngine.Decide(Pi(1, new IsoDate(2025, 6, 1)).WithCiio());
        Assert.Contains("CSL 2016 Art. 37", Refs(in2025.Citations));
        Assert.DoesNotContain("CSL 2025 Art. 39", Refs(in2025.Citations));
    }

    [Theory]
    [InlineData(1_000_000, 0)]
    [InlineData(10, 10_000)]
    [InlineData(999_999, 9_999_999)]
    public void Row10_Volumes_Provisions7_2_SecurityAssessment(long nonSensitive, long sensitive)
    {
        var decision = MechanismDecisionEngine.Decide(Sensitive(nonSensitive, sensitive));

        Assert.Equal(10, decision.Row);
        Assert.Equal(DecisionOutcome.SecurityAssessment, decision.Outcome);
        Assert.False(decision.AssumedWorstCaseVolumes);
        Assert.Equal(["Provisions 2024 Art. 7(2)"], Refs(decision.Citations));
        Assert.Contains("应当申报数据出境安全评估", decision.ExplanationZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Row10_ProcessedVolume_SaMeasures4_2_Unconfirmed_FollowsOption()
    {
        var facts = Pi(50) with { ProcessedSubjects = 1_000_000 };

        var decision = MechanismDecisionEngine.Decide(facts);
        Assert.Equal(10, decision.Row);
        Assert.Equal(RuleIds.ProcessedVolumeAssessment, decision.Rule.Id);
        Assert.Equal(Confidence.Unconfirmed, Assert.Single(decision.Citations).Confidence);

        var off = MechanismDecisionEngine.Decide(facts, new RegulationOptions { LegacyProcessedVolumeTrigger = false });
        Assert.Equal(12, off.Row);
    }

    [Fact]
    public void Row10_UnknownVolume_Provisions7_2_AssumedToReachThreshold()
    {
        var decision = MechanismDecisionEngine.Decide(Pi(null));

        Assert.Equal(10, decision.Row);
        Assert.True(decision.AssumedWorstCaseVolumes);
        Assert.Contains("undeclared", decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Row10_UnknownSensitiveCount_IgnoredWhenTransferCarriesNoSensitiveData()
    {
        var decision = MechanismDecisionEngine.Decide(Pi(500) with { SensitiveSubjects = null });
        Assert.Equal(12, decision.Row);
    }

    [Theory]
    [InlineData(100_000, 0)]
    [InlineData(999_999, 0)]
    [InlineData(0, 1)]
    [InlineData(10, 9_999)]
    public void Row11_ContractOrCertification_Provisions8(long nonSensitive, long sensitive)
    {
        var decision = MechanismDecisionEngine.Decide(Sensitive(nonSensitive, sensitive) with { DataClasses = [DataClass.PersonalInformation], SensitiveCategories = [] });

        Assert.Equal(11, decision.Row);
        Assert.Equal([TransferMechanism.SecurityAssessment, TransferMechanism.StandardContract, TransferMechanism.Certification], decision.AcceptableMechanisms);
        Assert.Equal(["Provisions 2024 Art. 8", "PIPL Art. 38", "Cert. Measures 2025 Art. 5"], Refs(decision.Citations));
    }

    [Fact]
    public void Row11_Provisions8_AnySensitivePersonalInformation_EvenWithZeroDeclared()
    {
        var decision = MechanismDecisionEngine.Decide(Sensitive(10, 0));
        Assert.Equal(11, decision.Row);
    }

    [Fact]
    public void Row11_Provisions8_CertificationMeasuresCitedOnlyFrom2026()
    {
        var decision = MechanismDecisionEngine.Decide(Pi(150_000, new IsoDate(2025, 12, 31)));
        Assert.Equal(["Provisions 2024 Art. 8", "PIPL Art. 38"], Refs(decision.Citations));
    }

    [Fact]
    public void Row12_LowVolume_Provisions5_4_Exempt()
    {
        var decision = MechanismDecisionEngine.Decide(Pi(99_999));

        Assert.Equal(12, decision.Row);
        Assert.Equal(ExemptionBasis.BelowThreshold, decision.Exemption);
        Assert.Equal(
            [TransferMechanism.SecurityAssessment, TransferMechanism.StandardContract, TransferMechanism.Certification, TransferMechanism.Exemption],
            decision.AcceptableMechanisms);
        Assert.Equal(["Provisions 2024 Art. 5(4)"], Refs(decision.Citations));
        Assert.Contains("不满10万人个人信息（不含敏感个人信息）", decision.ExplanationZh, StringComparison.Ordinal);
        Assert.Contains("《促进和规范数据跨境流动规定》第五条第（四）项", decision.ExplanationZh, StringComparison.Ordinal);
        Assert.Contains(decision.Notes, n => n.Contains("PIPL Art. 39", StringComparison.Ordinal));
    }

    [Fact]
    public void Row12_Provisions5_4_ThresholdComesFromOptions()
    {
        var options = new RegulationOptions { ContractThreshold = 50_000 };
        Assert.Equal(11, MechanismDecisionEngine.Decide(Pi(60_000), options).Row);
        Assert.Equal(12, MechanismDecisionEngine.Decide(Pi(60_000)).Row);
    }

    [Fact]
    public void RowsAreEvaluatedTopToBottom_CoreBeforeRecipientBeforeExemptions()
    {
        var everything = Sensitive(5, 5) with
        {
            DataClasses = [DataClass.CoreData, DataClass.ImportantData, DataClass.PersonalInformation],
            Recipient = RecipientKind.RestrictedList,
            CollectedAbroadWithoutDomesticData = true,
        };
        Assert.Equal(1, MechanismDecisionEngine.Decide(everything).Row);
        Assert.Equal(3, MechanismDecisionEngine.Decide(everything with { DataClasses = [DataClass.PersonalInformation] }).Row);
        Assert.Equal(7, MechanismDecisionEngine.Decide(everything with { DataClasses = [DataClass.ImportantData, DataClass.PersonalInformation], Recipient = RecipientKind.Ordinary }).Row);
        Assert.Equal(5, MechanismDecisionEngine.Decide(everything with { DataClasses = [DataClass.PersonalInformation], Recipient = RecipientKind.Ordinary }).Row);
    }

    [Fact]
    public void MinorsUnder14_Pipl31_GuardianConsentNoted()
    {
        var facts = Sensitive(10, 10) with { SensitiveCategories = [SensitiveCategory.MinorUnder14] };
        Assert.Contains(MechanismDecisionEngine.Decide(facts).Notes, n => n.Contains("PIPL Art. 31", StringComparison.Ordinal));
        Assert.DoesNotContain(MechanismDecisionEngine.Decide(Sensitive(10, 10)).Notes, n => n.Contains("PIPL Art. 31", StringComparison.Ordinal));
    }
}
