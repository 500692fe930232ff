using System;
using System.Collections.Generic;
using System.Globalization;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Regulation;

/// <summary>Where an authorization stands on a date.</summary>
public enum ValidityStatus
{
    /// <summary>The as-of date is before the issue date.</summary>
    NotYetValid,

    /// <summary>Valid, and not yet in the renewal or extension window.</summary>
    Valid,

    /// <summary>Valid, and within the window in which the extension or renewal must be applied for.</summary>
    InRenewalWindow,

    /// <summary>The last day of validity has passed.</summary>
    Expired,

    /// <summary>The mechanism has no fixed term (standard contract filing, exemption) and no end date was declared.</summary>
    NoFixedTerm,

    /// <summary>A fixed-term mechanism with neither issue date nor end date.</summary>
    Undetermined,
}

/// <summary>What is wrong with the declared dates.</summary>
public enum ValidityProblemKind
{
    /// <summary>The end date is before the issue date.</summary>
    InvertedDates,

    /// <summary>The declared end date is later than the law allows (issue date plus the validity period, plus one extension if flagged as extended).</summary>
    ExceedsMaximumValidity,

    /// <summary>A fixed-term mechanism without an issue date or an end date.</summary>
    MissingDates,

    /// <summary>Flagged as extended, but the mechanism has no extension (certificates are renewed by re-applying; filings have no term).</summary>
    ExtensionNotAvailable,

    /// <summary>The issue date precedes the instrument that created the mechanism.</summary>
    IssuedBeforeMechanismExisted,
}

/// <summary>One problem with the declared dates, with the article that sets the limit.</summary>
public sealed record ValidityProblem(ValidityProblemKind Kind, string Message, IReadOnlyList<Citation> Citations, IsoDate? Limit);

/// <summary>The dates declared for an authorization.</summary>
public sealed record ValidityInput
{
    public TransferMechanism Mechanism { get; init; }

    public IsoDate? IssuedOn { get; init; }

    /// <summary>The last day of validity (inclusive), when declared.</summary>
    public IsoDate? ValidUntil { get; init; }

    /// <summary>The one extension of a security assessment (Provisions 2024 Art. 9) was granted.</summary>
    public bool Extended { get; init; }
}

/// <summary>The validity the law gives an authorization issued on a date.</summary>
public sealed class ValidityPeriod
{
    internal ValidityPeriod(TransferMechanism mechanism, IsoDate issuedOn, RegulationRule rule, IReadOnlyList<Citation> citations, int? years, IsoDate? defaultValidUntil, IsoDate? maximumValidUntil)
    {
        Mechanism = mechanism;
        IssuedOn = issuedOn;
        Rule = rule;
        Citations = citations;
        Years = years;
        DefaultValidUntil = defaultValidUntil;
        MaximumValidUntil = maximumValidUntil;
    }

    public TransferMechanism Mechanism { get; }

    public IsoDate IssuedOn { get; }

    /// <summary>The validity rule that applies (chosen by the issue date).</summary>
    public RegulationRule Rule { get; }

    public IReadOnlyList<Citation> Citations { get; }

    public bool HasFixedTerm => Years is not null;

    /// <summary>The validity period in years, or null for mechanisms without a fixed term.</summary>
    public int? Years { get; }

    /// <summary>The last day of validity when none is declared: the issue date plus the period (the day of the same date, the start day not counted).</summary>
    public IsoDate? DefaultValidUntil { get; }

    /// <summary>The latest end date the law allows, counting one extension when asked for.</summary>
    public IsoDate? MaximumValidUntil { get; }
}

/// <summary>The result of <see cref="ValidityRules.Check"/>.</summary>
public sealed class ValidityCheck
{
    internal ValidityCheck(
        ValidityInput input,
        IsoDate asOf,
        ValidityStatus status,
        IsoDate? validUntil,
        bool validUntilComputed,
        IsoDate? renewalWindowStart,
        IReadOnlyList<ValidityProblem> problems,
        IReadOnlyList<Citation> citations,
        string explanation,
        ValidityPeriod? period)
    {
        Input = input;
        AsOf = asOf;
        Status = status;
        ValidUntil = validUntil;
        ValidUntilComputed = validUntilComputed;
        RenewalWindowStart = renewalWindowStart;
        Problems = problems;
        Citations = citations;
        Explanation = explanation;
        Period = period;
    }

    public ValidityInput Input { get; }

    public IsoDate AsOf { get; }

    public ValidityStatus Status { get; }

    /// <summary>The last day of validity used: the declared one capped at the legal maximum, or the computed default.</summary>
    public IsoDate? ValidUntil { get; }

    /// <summary>True when <see cref="ValidUntil"/> was computed from the issue date rather than declared.</summary>
    public bool ValidUntilComputed { get; }

    /// <summary>The first day of the extension or renewal window, for fixed-term mechanisms.</summary>
    public IsoDate? RenewalWindowStart { get; }

    /// <summary>Calendar days from the as-of date to <see cref="ValidUntil"/> (negative once expired).</summary>
    public int? DaysUntilExpiry => ValidUntil is { } until ? AsOf.DaysUntil(until) : null;

    public IReadOnlyList<ValidityProblem> Problems { get; }

    public IReadOnlyList<Citation> Citations { get; }

    /// <summary>One English sentence on the status.</summary>
    public string Explanation { get; }

    /// <summary>The legal validity period, when the issue date is known.</summary>
    public ValidityPeriod? Period { get; }

    public override string ToString() => Explanation;
}

/// <summary>
/// Validity of authorizations: security assessment 3 years, extendable once by 3 (Provisions 2024 Art. 9; 2 years
/// before them, SA Measures 2022 Art. 14); certificate 3 years, re-apply 6 months before expiry (Cert. Measures 2025
/// Art. 8); standard contract filing without a fixed term, re-filed on change (SCC Measures 2023 Art. 8); exemptions
/// without a term. The numbers come from <see cref="RegulationOptions"/>.
/// </summary>
public static class ValidityRules
{
    private static readonly IsoDate s_certificationMeasures = new(2026, 1, 1);

    /// <summary>The validity the law gives <paramref name="mechanism"/> issued on <paramref name="issuedOn"/>.</summary>
    public static ValidityPeriod GetPeriod(TransferMechanism mechanism, IsoDate issuedOn, bool extended = false, RegulationOptions? options = null)
    {
        var o = options ?? RegulationOptions.Default;
        switch (mechanism)
        {
            case TransferMechanism.SecurityAssessment:
            {
                var current = issuedOn >= RuleCatalog.ProvisionsEffective;
                var rule = RuleCatalog.Get(current ? RuleIds.AssessmentValidity : RuleIds.AssessmentValidityBeforeProvisions);
                var years = current ? o.AssessmentValidityYears : o.LegacyAssessmentValidityYears;
                var until = AddYears(issuedOn, years);
                var maximum = extended ? AddYears(until, o.AssessmentExtensionYears) : until;
                return new ValidityPeriod(mechanism, issuedOn, rule, rule.Citations, years, maximum, maximum);
            }

            case TransferMechanism.Certification:
            {
                var rule = RuleCatalog.Get(issuedOn >= s_certificationMeasures ? RuleIds.CertificateValidity : RuleIds.CertificateValidityBeforeMeasures);
                var until = AddYears(issuedOn, o.CertificationValidityYears);
                return new ValidityPeriod(mechanism, issuedOn, rule, rule.Citations, o.CertificationValidityYears, until, until);
            }

            case TransferMechanism.StandardContract:
            {
                var rule = RuleCatalog.Get(RuleIds.StandardContractFiling);
                return new ValidityPeriod(mechanism, issuedOn, rule, rule.Citations, null, null, null);
            }

            case TransferMechanism.Exemption:
            {
                var rule = RuleCatalog.Get(RuleIds.ExemptionNoTerm);
                return new ValidityPeriod(mechanism, issuedOn, rule, rule.Citations, null, null, null);
            }

            default:
            {
                var rule = RuleCatalog.Get(RuleIds.AuthorityApprovalTerm);
                return new ValidityPeriod(mechanism, issuedOn, rule, rule.Citations, null, null, null);
            }
        }
    }

    /// <summary>The last day of validity when none is declared, or null for mechanisms without a fixed term.</summary>
    public static IsoDate? DefaultValidUntil(TransferMechanism mechanism, IsoDate issuedOn, bool extended = false, RegulationOptions? options = null) =>
        GetPeriod(mechanism, issuedOn, extended, options).DefaultValidUntil;

    /// <summary>Where the authorization stands on <paramref name="asOf"/>, and what is wrong with its dates.</summary>
    public static ValidityCheck Check(ValidityInput input, IsoDate asOf, RegulationOptions? options = null, WorkingDayCalendar? calendar = null)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        var o = options ?? RegulationOptions.Default;
        var days = calendar ?? WorkingDayCalendar.MondayToFriday;
        var mechanism = input.Mechanism;
        var problems = new List<ValidityProblem>();
        var period = input.IssuedOn is { } issued ? GetPeriod(mechanism, issued, input.Extended, o) : null;
        var fixedTerm = mechanism is TransferMechanism.SecurityAssessment or TransferMechanism.Certification;
        var rule = period?.Rule ?? GetPeriod(mechanism, asOf, input.Extended, o).Rule;
        var citations = rule.Citations;

        if (input.IssuedOn is { } issuedOn)
        {
            var existedFrom = mechanism switch
            {
                TransferMechanism.SecurityAssessment => Instruments.Get(InstrumentId.SecurityAssessmentMeasures),
                TransferMechanism.StandardContract => Instruments.Get(InstrumentId.StandardContractMeasures),
                TransferMechanism.Exemption => Instruments.Get(InstrumentId.Provisions),
                _ => Instruments.Get(InstrumentId.Pipl),
            };
            if (issuedOn < existedFrom.EffectiveFrom)
            {
                problems.Add(new ValidityProblem(
                    ValidityProblemKind.IssuedBeforeMechanismExisted,
                    "The issue date " + issuedOn.ToString() + " precedes the " + existedFrom.Name + ", in force from " + existedFrom.EffectiveFrom.ToString() + ".",
                    new[] { new Citation(existedFrom.Id, null, existedFrom.Confidence) },
                    existedFrom.EffectiveFrom));
            }
        }

        if (input.Extended && mechanism != TransferMechanism.SecurityAssessment)
        {
            problems.Add(new ValidityProblem(
                ValidityProblemKind.ExtensionNotAvailable,
                mechanism == TransferMechanism.Certification
                    ? "A certificate is not extended: the processor re-applies before expiry and receives a new certificate (Cert. Measures 2025 Art. 8)."
                    : "Only a security-assessment result is extended (Provisions 2024 Art. 9); this mechanism has no extension.",
                mechanism == TransferMechanism.Certification ? RuleCatalog.Get(RuleIds.CertificateValidity).Citations : RuleCatalog.Get(RuleIds.AssessmentValidity).Citations,
                null));
        }

        if (input.IssuedOn is { } start && input.ValidUntil is { } end && end < start)
        {
            problems.Add(new ValidityProblem(
                ValidityProblemKind.InvertedDates,
                "The end of validity " + end.ToString() + " is before the issue date " + start.ToString() + ".",
                Array.Empty<Citation>(),
                start));
        }

        IsoDate? validUntil = input.ValidUntil;
        var computed = false;
        if (fixedTerm)
        {
            if (input.ValidUntil is { } declared && period?.MaximumValidUntil is { } maximum && declared > maximum)
            {
                problems.Add(new ValidityProblem(
                    ValidityProblemKind.ExceedsMaximumValidity,
                    "The declared end of validity " + declared.ToString() + " is later than the law allows, " + maximum.ToString() + " (" +
                        Years(period.Years!.Value) + " from " + period.IssuedOn.ToString() +
                        (input.Extended ? " plus one extension of " + Years(o.AssessmentExtensionYears) : string.Empty) + ", " +
                        MechanismDecisionEngine.En(period.Citations) + "); the legal maximum is used.",
                    period.Citations,
                    maximum));
                validUntil = maximum;
            }
            else if (input.ValidUntil is null && period is not null)
            {
                validUntil = period.DefaultValidUntil;
                computed = true;
            }
            else if (input.ValidUntil is null)
            {
                problems.Add(new ValidityProblem(
                    ValidityProblemKind.MissingDates,
                    "Neither the issue date nor the end of validity is declared, so the validity cannot be checked (" + MechanismDecisionEngine.En(citations) + ").",
                    citations,
                    null));
            }
        }

        IsoDate? windowStart = null;
        if (fixedTerm && validUntil is { } last)
        {
            windowStart = mechanism == TransferMechanism.SecurityAssessment
                ? SubtractWorkingDays(days, last, o.AssessmentExtensionWindowWorkingDays)
                : AddMonths(last, -Math.Max(0, o.CertificationRenewalMonths));
        }

        ValidityStatus status;
        string explanation;
        var name = MechanismDecisionEngine.Name(mechanism);
        if (input.IssuedOn is { } from && asOf < from)
        {
            status = ValidityStatus.NotYetValid;
            explanation = name + " issued on " + from.ToString() + " is not yet valid on " + asOf.ToString() + ".";
        }
        else if (validUntil is not { } until)
        {
            status = fixedTerm ? ValidityStatus.Undetermined : ValidityStatus.NoFixedTerm;
            explanation = fixedTerm
                ? name + " has a fixed term but no dates to check it against (" + MechanismDecisionEngine.En(citations) + ")."
                : name + " has no fixed term (" + MechanismDecisionEngine.En(citations) + ")" +
                    (mechanism == TransferMechanism.StandardContract ? "; re-file when the purpose, scope, categories, sensitivity, method, storage location, retention or recipient-country law changes." : ".");
        }
        else if (asOf > until)
        {
            status = ValidityStatus.Expired;
            explanation = name + " expired after " + until.ToString() + (computed ? " (computed from the issue date)" : string.Empty) + " (" + MechanismDecisionEngine.En(citations) + ").";
        }
        else if (windowStart is { } window && asOf >= window)
        {
            status = ValidityStatus.InRenewalWindow;
            explanation = mechanism == TransferMechanism.SecurityAssessment
                ? name + " is valid until " + until.ToString() + "; the extension must be applied for within " + o.AssessmentExtensionWindowWorkingDays.ToString(CultureInfo.InvariantCulture) +
                    " working days before expiry, a window that opened on " + window.ToString() + " (Monday to Friday; public holidays not counted unless supplied) (" + MechanismDecisionEngine.En(citations) + ")."
                : name + " is valid until " + until.ToString() + "; re-application is due " + o.CertificationRenewalMonths.ToString(CultureInfo.InvariantCulture) +
                    " months before expiry, from " + window.ToString() + " (" + MechanismDecisionEngine.En(citations) + ").";
        }
        else
        {
            status = ValidityStatus.Valid;
            explanation = name + " is valid until " + until.ToString() + (computed ? " (computed from the issue date)" : string.Empty) + " (" + MechanismDecisionEngine.En(citations) + ").";
        }

        return new ValidityCheck(input, asOf, status, validUntil, computed, windowStart, problems, citations, explanation, period);
    }

    // Out-of-range results (year 9999, absurd options) saturate instead of throwing: Core runs inside the compiler.
    private static readonly IsoDate s_max = new(9999, 12, 31);
    private static readonly IsoDate s_min = new(1, 1, 1);

    private static IsoDate AddYears(IsoDate date, int years)
    {
        var target = (long)date.Year + years;
        return target > 9999 ? s_max : target < 1 ? s_min : date.AddYears(years);
    }

    private static IsoDate AddMonths(IsoDate date, int months)
    {
        var target = (date.Year * 12L) + date.Month - 1 + months;
        return target >= 10000 * 12L ? s_max : target < 12 ? s_min : date.AddMonths(months);
    }

    private static IsoDate SubtractWorkingDays(WorkingDayCalendar calendar, IsoDate date, int workingDays)
    {
        var days = Math.Max(0, workingDays);
        return date.Year < 100 ? s_min : calendar.SubtractWorkingDays(date, Math.Min(days, 10_000));
    }

    private static string Years(int years) => years.ToString(CultureInfo.InvariantCulture) + (years == 1 ? " year" : " years");
}
