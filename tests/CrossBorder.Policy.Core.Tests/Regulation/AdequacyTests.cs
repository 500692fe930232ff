using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.Regulation;
using Xunit;
using static CrossBorder.Policy.Core.Tests.Regulation.TestFacts;

namespace CrossBorder.Policy.Core.Tests.Regulation;

/// <summary>Whether a declared mechanism is adequate (the check behind CBDT1003).</summary>
public sealed class AdequacyTests
{
    private static AdequacyResult Check(TransferFacts facts, TransferMechanism mechanism, ExemptionBasis basis = ExemptionBasis.None, RegulationOptions? options = null) =>
        MechanismDecisionEngine.CheckAdequacy(MechanismDecisionEngine.Decide(facts, options), mechanism, basis);

    [Fact]
    public void ImportantDataUnderStandardContract_Inadequate_SaMeasures4_1()
    {
        var result = Check(Important(), TransferMechanism.StandardContract);

        Assert.False(result.IsAdequate);
        Assert.Equal(InadequacyReason.ImportantDataRequiresAssessment, result.Reason);
        Assert.Contains("SA Measures 2022 Art. 4(1)", Refs(result.Citations));
        Assert.StartsWith("A standard contract cannot cover important data; the data includes important data", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CertificationWithImportantData_Inadequate_CertMeasures5_From2026()
    {
        var result = Check(Important(), TransferMechanism.Certification);
        Assert.Equal(InadequacyReason.CertificationWithImportantData, result.Reason);
        Assert.Contains("Cert. Measures 2025 Art. 5", Refs(result.Citations));

        var in2025 = Check(Important(new IsoDate(2025, 6, 1)), TransferMechanism.Certification);
        Assert.Equal(InadequacyReason.CertificationWithImportantData, in2025.Reason);
        Assert.DoesNotContain("Cert. Measures 2025 Art. 5", Refs(in2025.Citations));
    }

    [Fact]
    public void SensitiveUnderLowVolumeExemption_Inadequate_Provisions5_4()
    {
        var result = Check(Sensitive(10, 10), TransferMechanism.Exemption, ExemptionBasis.BelowThreshold);

        Assert.Equal(InadequacyReason.SensitiveUnderLowVolumeExemption, result.Reason);
        Assert.Contains("Provisions 2024 Art. 5(4)", Refs(result.Citations));
        Assert.Contains("Provisions 2024 Art. 8", Refs(result.Citations));
    }

    [Fact]
    public void LowVolumeExemptionAboveThreshold_Inadequate_Provisions5_4()
    {
        var result = Check(Pi(100_000), TransferMechanism.Exemption, ExemptionBasis.BelowThreshold);
        Assert.Equal(InadequacyReason.AboveLowVolumeThreshold, result.Reason);
        Assert.Contains("100 000", result.Message, StringComparison.Ordinal);

        Assert.True(Check(Pi(99_999), TransferMechanism.Exemption, ExemptionBasis.BelowThreshold).IsAdequate);
    }

    [Theory]
    [InlineData(TransferMechanism.StandardContract)]
    [InlineData(TransferMechanism.Certification)]
    public void ContractOrCertificationAboveThresholds_Inadequate_Provisions7_2(TransferMechanism mechanism)
    {
        var result = Check(Pi(1_500_000), mechanism);

        Assert.Equal(InadequacyReason.VolumeRequiresAssessment, result.Reason);
        Assert.Contains("Provisions 2024 Art. 7(2)", Refs(result.Citations));
        Assert.Contains(mechanism == TransferMechanism.Certification ? "Cert. Measures 2025 Art. 5" : "Provisions 2024 Art. 8", Refs(result.Citations));
    }

    [Fact]
    public void StandardContractWithUndeclaredVolume_Inadequate_SaysSo()
    {
        var result = Check(Pi(null), TransferMechanism.StandardContract);
        Assert.Equal(InadequacyReason.UndeclaredVolumeRequiresAssessment, result.Reason);
        Assert.Contains("Declare the yearly number of people", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StandardContractForCiio_Inadequate_Provisions7_1()
    {
        var result = Check(Pi(10).WithCiio(), TransferMechanism.StandardContract);
        Assert.Equal(InadequacyReason.CiioRequiresAssessment, result.Reason);
    }

    [Fact]
    public void StandardContractBeforeSccMeasures_Inadequate()
    {
        var result = Check(Pi(10, new IsoDate(2023, 5, 1)), TransferMechanism.StandardContract);
        Assert.Equal(InadequacyReason.StandardContractNotInForce, result.Reason);
        Assert.True(Check(Pi(10, new IsoDate(2023, 6, 1)), TransferMechanism.StandardContract).IsAdequate);
    }

    [Fact]
    public void StrongerMechanismIsAdequate_WhereAWeakerSuffices()
    {
        Assert.True(Check(Pi(10), TransferMechanism.SecurityAssessment).IsAdequate);
        Assert.True(Check(Pi(200_000), TransferMechanism.SecurityAssessment).IsAdequate);
        Assert.True(Check(Pi(200_000), TransferMechanism.Certification).IsAdequate);
    }

    [Fact]
    public void ExemptionWithoutBasis_Inadequate()
    {
        var result = Check(Pi(10), TransferMechanism.Exemption);
        Assert.Equal(InadequacyReason.ExemptionBasisMissing, result.Reason);
    }

    [Fact]
    public void ExemptionBeforeProvisions_Inadequate_Provisions14()
    {
        var result = Check(Pi(10, new IsoDate(2024, 3, 1)), TransferMechanism.Exemption, ExemptionBasis.ContractPerformance);
        Assert.Equal(InadequacyReason.ExemptionNotInForce, result.Reason);
        Assert.Equal(["Provisions 2024 Art. 14"], Refs(result.Citations));
    }

    [Fact]
    public void DeclaredContractPerformanceExemption_Adequate_EvenAtHighVolume_Provisions5_1()
    {
        var result = Check(Pi(3_000_000), TransferMechanism.Exemption, ExemptionBasis.ContractPerformance);
        Assert.True(result.IsAdequate);
        Assert.Equal(8, result.Decision.Row);
    }

    [Fact]
    public void DeclaredFtzExemption_InadequateWhenNotInZone_Provisions6()
    {
        var result = Check(Pi(10), TransferMechanism.Exemption, ExemptionBasis.FreeTradeZoneNegativeList);
        Assert.Equal(InadequacyReason.ExemptionConditionsNotMet, result.Reason);
        Assert.Equal(["Provisions 2024 Art. 6"], Refs(result.Citations));
    }

    [Fact]
    public void DeclaredExemptionWithImportantData_Inadequate()
    {
        var result = Check(Important().InZone(NegativeListMembership.NotOnList), TransferMechanism.Exemption, ExemptionBasis.FreeTradeZoneNegativeList);
        Assert.Equal(InadequacyReason.ImportantDataUnderExemption, result.Reason);
    }

    [Fact]
    public void ForeignJudicialBody_OnlyAuthorityApproval_Pipl41()
    {
        var facts = Pi(10) with { Recipient = RecipientKind.ForeignJudicialOrLawEnforcement };
        Assert.True(Check(facts, TransferMechanism.AuthorityApproval).IsAdequate);
        var result = Check(facts, TransferMechanism.SecurityAssessment);
        Assert.Equal(InadequacyReason.AuthorityApprovalRequired, result.Reason);
        Assert.Equal(InadequacyReason.AuthorityApprovalRequired, Check(facts, TransferMechanism.Exemption, ExemptionBasis.Emergency).Reason);
    }

    [Fact]
    public void AuthorityApprovalIsNotAPipl38Mechanism()
    {
        var result = Check(Pi(10), TransferMechanism.AuthorityApproval);
        Assert.Equal(InadequacyReason.NotAnExportMechanism, result.Reason);
        Assert.Equal("PIPL Art. 38", result.Citations[0].Reference);
    }

    [Fact]
    public void CoreData_BlockedWhateverTheMechanism_WhenApprovalDisallowed()
    {
        var facts = new TransferFacts { AsOf = Now, DataClasses = [DataClass.CoreData] };
        var options = new RegulationOptions { CoreDataAllowedWithAuthorityApproval = false };
        foreach (var mechanism in Enum.GetValues<TransferMechanism>())
        {
            Assert.Equal(InadequacyReason.Blocked, Check(facts, mechanism, ExemptionBasis.NonPersonalBusinessData, options).Reason);
        }

        Assert.True(Check(facts, TransferMechanism.AuthorityApproval).IsAdequate);
    }
}
