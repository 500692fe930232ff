using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Generators.Model;

/// <summary>One declared transfer authorization (an attribute or a <c>crossborder.json</c> entry).</summary>
/// <remarks>
/// Cacheability: strings, longs, bools and <see cref="EquatableArray{T}"/> only. Values are kept as written;
/// invalid ones are listed in <see cref="InvalidFields"/> (validation and its diagnostics belong to the analyzers).
/// </remarks>
internal sealed record TransferModel
{
    /// <summary>The declared id, or one derived from the target, mechanism and reference (never from a line number).</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Whether <see cref="Id"/> was declared (true) or derived (false).</summary>
    public bool IdDeclared { get; init; }

    /// <summary>Where it is declared: a documentation comment id, <c>assembly</c>, or <c>crossborder.json</c>.</summary>
    public string DeclaredOn { get; init; } = string.Empty;

    public string Source { get; init; } = string.Empty;

    /// <summary>The name of the <c>TransferMechanism</c> member; null when the value is not a member.</summary>
    public string? Mechanism { get; init; }

    public string? Reference { get; init; }

    public string? IssuedOn { get; init; }

    /// <summary>The declared last day of validity, as written.</summary>
    public string? ValidUntil { get; init; }

    /// <summary>
    /// The default last day of validity computed by Core (<c>ValidityRules.DefaultValidUntil</c>) from a valid
    /// <see cref="IssuedOn"/>; null for mechanisms without a fixed term or when switched off in the policy file.
    /// </summary>
    public string? ComputedValidUntil { get; init; }

    /// <summary>The authority that issued the reference (policy file only).</summary>
    public string? IssuingAuthority { get; init; }

    public string? Recipient { get; init; }

    public string? Jurisdiction { get; init; }

    /// <summary>The host name or pattern the authorization covers.</summary>
    public string? Endpoint { get; init; }

    public string? Purpose { get; init; }

    /// <summary>The name of the <c>ExemptionBasis</c> member; null when the value is not a member.</summary>
    public string? Exemption { get; init; }

    /// <summary>Covered categories as written, in declaration order.</summary>
    public EquatableArray<string> Categories { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Null when not declared.</summary>
    public long? EstimatedSubjectsPerYear { get; init; }

    /// <summary>Null when not declared.</summary>
    public long? EstimatedSensitiveSubjectsPerYear { get; init; }

    public bool SeparateConsent { get; init; }

    public string? RetentionPeriod { get; init; }

    public string? OverseasStorageLocation { get; init; }

    /// <summary>Onward recipients abroad (policy file only), in declaration order.</summary>
    public EquatableArray<string> OnwardRecipients { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Names of fields whose values are invalid (<c>issuedOn</c>, <c>validUntil</c>, <c>jurisdiction</c>, ...), ordinally sorted.</summary>
    public EquatableArray<string> InvalidFields { get; init; } = EquatableArray<string>.Empty;
}
