using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.Regulation;
using Xunit;
using static CrossBorder.Policy.Core.Tests.Regulation.TestFacts;

namespace CrossBorder.Policy.Core.Tests.Regulation;

/// <summary>Validity of authorizations (the checks behind CBDT1004 and the CBDT3xxx expiry rules).</summary>
public sealed class ValidityTests
{
    private static readonly IsoDate Issued = new(2024, 5, 10);

    private static ValidityCheck Check(TransferMechanism mechanism, IsoDate? issued, IsoDate? until, IsoDate asOf, bool extended = false, WorkingDayCalendar? calendar = null) =>
        ValidityRules.Check(new ValidityInput { Mechanism = mechanism, IssuedOn = issued, ValidUntil = until, Extended = extended }, asOf, null, calendar);

    [Fact]
    public void Assessment_ThreeYearsFromIssue_Provisions9()
    {
        Assert.Equal(new IsoDate(2027, 5, 10), ValidityRules.DefaultValidUntil(TransferMechanism.SecurityAssessment, Issued));
        Assert.Equal(new IsoDate(2030, 5, 10), ValidityRules.DefaultValidUntil(TransferMechanism.SecurityAssessment, Issued, extended: true));
        var period = ValidityRules.GetPeriod(TransferMechanism.SecurityAssessment, Issued);
        Assert.Equal("Provisions 2024 Art. 9", Assert.Single(period.Citations).Reference);
    }

    [Fact]
    public void AssessmentIssuedBeforeProvisions_TwoYears_SaMeasures14_Configurable()
    {
        var issued = new IsoDate(2023, 2, 1);
        Assert.Equal(new IsoDate(2025, 2, 1), ValidityRules.DefaultValidUntil(TransferMechanism.SecurityAssessment, issued));
        Assert.Equal(new IsoDate(2026, 2, 1), ValidityRules.DefaultValidUntil(TransferMechanism.SecurityAssessment, issued, options: new RegulationOptions { LegacyAssessmentValidityYears = 3 }));
        Assert.Equal("SA Measures 2022 Art. 14", ValidityRules.GetPeriod(TransferMechanism.SecurityAssessment, issued).Citations[0].Reference);
    }

    [Fact]
    public void Certificate_ThreeYears_CertMeasures8()
    {
        var issued = new IsoDate(2026, 2, 1);
        Assert.Equal(new IsoDate(2029, 2, 1), ValidityRules.DefaultValidUntil(TransferMechanism.Certification, issued));
        Assert.Equal(Confidence.Primary, ValidityRules.GetPeriod(TransferMechanism.Certification, issued).Rule.Confidence);
        Assert.Equal(Confidence.Unconfirmed, ValidityRules.GetPeriod(TransferMechanism.Certification, new IsoDate(2025, 2, 1)).Rule.Confidence);
    }

    [Theory]
    [InlineData(TransferMechanism.StandardContract)]
    [InlineData(TransferMechanism.Exemption)]
    [InlineData(TransferMechanism.AuthorityApproval)]
    public void NoFixedTerm_SccMeasures8_ProvisionsArts3to6(TransferMechanism mechanism)
    {
        Assert.Null(ValidityRules.DefaultValidUntil(mechanism, Issued));
        var check = Check(mechanism, Issued, null, new IsoDate(2040, 1, 1));
        Assert.Equal(ValidityStatus.NoFixedTerm, check.Status);
        Assert.Empty(check.Problems);
    }

    [Fact]
    public void StandardContract_ReFileOnChange_SccMeasures8_DeclaredEndHonoured()
    {
        var check = Check(TransferMechanism.StandardContract, Issued, null, Now);
        Assert.Contains("re-file", check.Explanation, StringComparison.Ordinal);
        Assert.Contains("SCC Measures 2023 Art. 8", Refs(check.Citations));

        Assert.Equal(ValidityStatus.Expired, Check(TransferMechanism.StandardContract, Issued, new IsoDate(2025, 1, 1), Now).Status);
    }

    [Fact]
    public void Status_NotYetValid_Valid_Expired()
    {
        Assert.Equal(ValidityStatus.NotYetValid, Check(TransferMechanism.SecurityAssessment, Issued, null, new IsoDate(2024, 5, 9)).Status);
        Assert.Equal(ValidityStatus.Valid, Check(TransferMechanism.SecurityAssessment, Issued, null, new IsoDate(2024, 5, 10)).Status);
        var lastDay = Check(TransferMechanism.SecurityAssessment, Issued, null, new IsoDate(2027, 5, 10));
        Assert.Equal(ValidityStatus.InRenewalWindow, lastDay.Status);
        Assert.True(lastDay.ValidUntilComputed);
        Assert.Equal(0, lastDay.DaysUntilExpiry);
        Assert.Equal(ValidityStatus.Expired, Check(TransferMechanism.SecurityAssessment, Issued, null, new IsoDate(2027, 5, 11)).Status);
    }

    [Fact]
    public void AssessmentExtensionWindow_60WorkingDays_Provisions9()
    {
        // 2027-05-10 is a Monday; 60 working days (Monday to Friday) before it is 12 weeks earlier, 2027-02-15.
        var before = Check(TransferMechanism.SecurityAssessment, Issued, null, new IsoDate(2027, 2, 14));
        Assert.Equal(ValidityStatus.Valid, before.Status);
        Assert.Equal(new IsoDate(2027, 2, 15), before.RenewalWindowStart);

        var inside = Check(TransferMechanism.SecurityAssessment, Issued, null, new IsoDate(2027, 2, 15));
        Assert.Equal(ValidityStatus.InRenewalWindow, inside.Status);
        Assert.Contains("60 working days", inside.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void AssessmentExtensionWindow_PublicHolidaysMoveItEarlier()
    {
        var holidays = new[] { new IsoDate(2027, 5, 3), new IsoDate(2027, 5, 4), new IsoDate(2027, 5, 5) };
        var calendar = WorkingDayCalendar.Create(holidays);
        var check = Check(TransferMechanism.SecurityAssessment, Issued, null, new IsoDate(2027, 2, 14), calendar: calendar);
        Assert.Equal(new IsoDate(2027, 2, 10), check.RenewalWindowStart);
        Assert.Equal(60, calendar.CountWorkingDays(new IsoDate(2027, 2, 10), new IsoDate(2027, 5, 10)));
        Assert.True(WorkingDayCalendar.Create([], [new IsoDate(2027, 2, 13)]).IsWorkingDay(new IsoDate(2027, 2, 13)));
    }

    [Fact]
    public void CertificateRenewal_SixMonthsBeforeExpiry_CertMeasures8()
    {
        var issued = new IsoDate(2026, 2, 1);
        Assert.Equal(ValidityStatus.Valid, Check(TransferMechanism.Certification, issued, null, new IsoDate(2028, 7, 31)).Status);
        var inside = Check(TransferMechanism.Certification, issued, null, new IsoDate(2028, 8, 1));
        Assert.Equal(ValidityStatus.InRenewalWindow, inside.Status);
        Assert.Equal(new IsoDate(2028, 8, 1), inside.RenewalWindowStart);
    }

    [Fact]
    public void DeclaredValidityLongerThanLaw_Provisions9_CappedAtMaximum()
    {
        var check = Check(TransferMechanism.SecurityAssessment, Issued, new IsoDate(2028, 1, 1), new IsoDate(2027, 6, 1));

        var problem = Assert.Single(check.Problems);
        Assert.Equal(ValidityProblemKind.ExceedsMaximumValidity, problem.Kind);
        Assert.Equal(new IsoDate(2027, 5, 10), problem.Limit);
        Assert.Equal("Provisions 2024 Art. 9", problem.Citations[0].Reference);
        Assert.Equal(ValidityStatus.Expired, check.Status);
        Assert.Equal(new IsoDate(2027, 5, 10), check.ValidUntil);
    }

    [Fact]
    public void ExtendedAssessment_OneExtensionOfThreeYears_Provisions9()
    {
        var extended = Check(TransferMechanism.SecurityAssessment, Issued, new IsoDate(2030, 5, 10), new IsoDate(2028, 1, 1), extended: true);
        Assert.Empty(extended.Problems);
        Assert.Equal(ValidityStatus.Valid, extended.Status);

        var tooLong = Check(TransferMechanism.SecurityAssessment, Issued, new IsoDate(2030, 5, 11), new IsoDate(2028, 1, 1), extended: true);
        Assert.Equal(ValidityProblemKind.ExceedsMaximumValidity, Assert.Single(tooLong.Problems).Kind);
    }

    [Fact]
    public void CertificateCannotBeExtended_CertMeasures8()
    {
        var check = Check(TransferMechanism.Certification, new IsoDate(2026, 2, 1), new IsoDate(2032, 2, 1), new IsoDate(2026, 6, 1), extended: true);
        Assert.Contains(check.Problems, p => p.Kind == ValidityProblemKind.ExtensionNotAvailable);
        Assert.Contains(check.Problems, p => p.Kind == ValidityProblemKind.ExceedsMaximumValidity);
    }

    [Fact]
    public void CertificateDeclaredBeyondThreeYears_CertMeasures8()
    {
        var check = Check(TransferMechanism.Certification, new IsoDate(2026, 2, 1), new IsoDate(2029, 2, 2), new IsoDate(2026, 6, 1));
        var problem = Assert.Single(check.Problems);
        Assert.Equal(ValidityProblemKind.ExceedsMaximumValidity, problem.Kind);
        Assert.Equal("Cert. Measures 2025 Art. 8", problem.Citations[0].Reference);
    }

    // No article: a consistency check of the declared dates (feeds CBDT3xxx "bad dates").
    [Fact]
    public void InvertedDates()
    {
        var check = Check(TransferMechanism.SecurityAssessment, Issued, new IsoDate(2024, 1, 1), new IsoDate(2025, 1, 1));
        Assert.Equal(ValidityProblemKind.InvertedDates, Assert.Single(check.Problems).Kind);
        Assert.Equal(ValidityStatus.Expired, check.Status);
    }

    // Provisions 2024 Art. 9 / Cert. Measures 2025 Art. 8 give fixed terms; without dates the term cannot be checked.
    [Fact]
    public void MissingDates_Undetermined()
    {
        var check = Check(TransferMechanism.Certification, null, null, Now);
        Assert.Equal(ValidityStatus.Undetermined, check.Status);
        Assert.Equal(ValidityProblemKind.MissingDates, Assert.Single(check.Problems).Kind);

        var onlyEnd = Check(TransferMechanism.Certification, null, new IsoDate(2026, 7, 1), Now);
        Assert.Equal(ValidityStatus.InRenewalWindow, onlyEnd.Status);
        Assert.Empty(onlyEnd.Problems);
    }

    [Fact]
    public void IssuedBeforeTheMeasuresExisted_SaMeasures2022()
    {
        var check = Check(TransferMechanism.SecurityAssessment, new IsoDate(2022, 3, 1), null, new IsoDate(2022, 6, 1));
        Assert.Equal(ValidityProblemKind.IssuedBeforeMechanismExisted, Assert.Single(check.Problems).Kind);
        Assert.Equal(new IsoDate(2022, 9, 1), check.Problems[0].Limit);
    }

    // Provisions 2024 Art. 9 period counted to the corresponding day; no corresponding day gives the month's last day [U].
    [Fact]
    public void LeapDayIssue_EndsOn28February()
    {
        Assert.Equal(new IsoDate(2031, 2, 28), ValidityRules.DefaultValidUntil(TransferMechanism.SecurityAssessment, new IsoDate(2028, 2, 29)));
    }

    // Robustness, no article: Core runs inside the compiler and must not throw on odd input.
    [Fact]
    public void ExtremeDatesAndOptions_SaturateInsteadOfThrowing()
    {
        var options = new RegulationOptions { AssessmentValidityYears = 5000, CertificationRenewalMonths = -3, AssessmentExtensionWindowWorkingDays = -1 };
        var check = ValidityRules.Check(new ValidityInput { Mechanism = TransferMechanism.SecurityAssessment, IssuedOn = new IsoDate(9998, 1, 1), Extended = true }, new IsoDate(9998, 6, 1), options);
        Assert.Equal(new IsoDate(9999, 12, 31), check.ValidUntil);
        Assert.Equal(ValidityStatus.Valid, check.Status);
        Assert.Equal(check.ValidUntil, check.RenewalWindowStart); // a negative window counts as none

        var early = ValidityRules.Check(new ValidityInput { Mechanism = TransferMechanism.Certification, ValidUntil = new IsoDate(1, 3, 1) }, default);
        Assert.Equal(new IsoDate(1, 1, 1), early.RenewalWindowStart);
    }
}
