using System;
using System.Collections.Generic;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Regulation;

/// <summary>The kind of result a decision row gives.</summary>
public enum DecisionOutcome
{
    /// <summary>The transfer may not happen (core data without allowed approval; restricted recipient).</summary>
    Blocked,

    /// <summary>Only a recorded approval of the competent authority covers the transfer.</summary>
    AuthorityApproval,

    /// <summary>A security assessment is needed.</summary>
    SecurityAssessment,

    /// <summary>A filed standard contract or a certification (or a security assessment) is needed.</summary>
    ContractOrCertification,

    /// <summary>Exempt from assessment, standard contract and certification.</summary>
    Exempt,
}

/// <summary>Why a declared mechanism or a claimed exemption is not adequate.</summary>
public enum InadequacyReason
{
    None,
    Blocked,
    AuthorityApprovalRequired,
    NotAnExportMechanism,
    ImportantDataRequiresAssessment,
    CertificationWithImportantData,
    CiioRequiresAssessment,
    VolumeRequiresAssessment,
    UndeclaredVolumeRequiresAssessment,
    ContractOrCertificationRequired,
    StandardContractNotInForce,
    ExemptionBasisMissing,
    ExemptionNotInForce,
    ExemptionConditionsNotMet,
    ExemptionNotForCiio,
    ImportantDataUnderExemption,
    SensitiveUnderLowVolumeExemption,
    AboveLowVolumeThreshold,
}

/// <summary>Whether one exemption basis holds for the facts, and if not, why.</summary>
public sealed class ExemptionAssessment
{
    internal ExemptionAssessment(ExemptionBasis basis, InadequacyReason failure, string reason, IReadOnlyList<Citation> citations)
    {
        Basis = basis;
        Failure = failure;
        Reason = reason;
        Citations = citations;
    }

    public ExemptionBasis Basis { get; }

    public bool Applies => Failure == InadequacyReason.None;

    /// <summary><see cref="InadequacyReason.None"/> when the exemption applies.</summary>
    public InadequacyReason Failure { get; }

    /// <summary>An English sentence: why the exemption applies or does not.</summary>
    public string Reason { get; }

    public IReadOnlyList<Citation> Citations { get; }

    public override string ToString() => Reason;
}

/// <summary>The result of <see cref="MechanismDecisionEngine.Decide"/>: the row that matched and what it allows.</summary>
public sealed class MechanismDecision
{
    private readonly TransferMechanism[] _acceptable;

    internal MechanismDecision(
        TransferFacts facts,
        RuleSet rules,
        RegulationRule rule,
        DecisionOutcome outcome,
        TransferMechanism[] acceptable,
        ExemptionBasis exemption,
        bool assumedWorstCaseVolumes,
        IReadOnlyList<Citation> citations,
        string explanation,
        string explanationZh,
        IReadOnlyList<string> notes,
        ExemptionAssessment? claimedExemption)
    {
        Facts = facts;
        Rules = rules;
        Rule = rule;
        Outcome = outcome;
        _acceptable = acceptable;
        Exemption = exemption;
        AssumedWorstCaseVolumes = assumedWorstCaseVolumes;
        Citations = citations;
        Explanation = explanation;
        ExplanationZh = explanationZh;
        Notes = notes;
        ClaimedExemption = claimedExemption;
    }

    public TransferFacts Facts { get; }

    /// <summary>The rules in force at <see cref="TransferFacts.AsOf"/>.</summary>
    public RuleSet Rules { get; }

    /// <summary>The rule that matched.</summary>
    public RegulationRule Rule { get; }

    /// <summary>The row of the decision table (docs/regulation.md §7.3) that matched, 1 to 12.</summary>
    public int Row => Rule.DecisionRow ?? 0;

    public DecisionOutcome Outcome { get; }

    public bool IsBlocked => Outcome == DecisionOutcome.Blocked;

    /// <summary>
    /// The mechanisms that would be adequate, in enum order. Upward closed: where an exemption or a standard contract
    /// suffices, the stronger mechanisms the processor can use are adequate too. Empty when blocked.
    /// </summary>
    public IReadOnlyList<TransferMechanism> AcceptableMechanisms => _acceptable;

    /// <summary>The exemption that applies, or <see cref="ExemptionBasis.None"/>.</summary>
    public ExemptionBasis Exemption { get; }

    public bool ExemptionApplies => Exemption != ExemptionBasis.None;

    /// <summary>True when an undeclared volume, assumed to reach the thresholds, decided the row (see <see cref="TransferFacts"/>).</summary>
    public bool AssumedWorstCaseVolumes { get; }

    /// <summary>The articles the decision rests on (only instruments in force at the as-of date).</summary>
    public IReadOnlyList<Citation> Citations { get; }

    /// <summary>One English sentence.</summary>
    public string Explanation { get; }

    /// <summary>The same in Chinese.</summary>
    public string ExplanationZh { get; }

    /// <summary>Further remarks: duties that remain, assumptions made, options that changed the result, a rejected claim.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The assessment of <see cref="TransferFacts.ClaimedExemption"/>, when one was claimed.</summary>
    public ExemptionAssessment? ClaimedExemption { get; }

    public bool Accepts(TransferMechanism mechanism) => Array.IndexOf(_acceptable, mechanism) >= 0;

    public override string ToString() => "Row " + Row.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + Explanation;
}

/// <summary>The result of <see cref="MechanismDecisionEngine.CheckAdequacy"/>.</summary>
public sealed class AdequacyResult
{
    internal AdequacyResult(MechanismDecision decision, TransferMechanism declared, ExemptionBasis declaredExemption, InadequacyReason reason, string message, IReadOnlyList<Citation> citations)
    {
        Decision = decision;
        Declared = declared;
        DeclaredExemption = declaredExemption;
        Reason = reason;
        Message = message;
        Citations = citations;
    }

    public MechanismDecision Decision { get; }

    public TransferMechanism Declared { get; }

    public ExemptionBasis DeclaredExemption { get; }

    public bool IsAdequate => Reason == InadequacyReason.None;

    public InadequacyReason Reason { get; }

    /// <summary>An English sentence, suitable for a diagnostic message.</summary>
    public string Message { get; }

    public IReadOnlyList<Citation> Citations { get; }

    public override string ToString() => Message;
}
