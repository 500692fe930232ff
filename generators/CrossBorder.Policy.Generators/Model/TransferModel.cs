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

    /// <summary>The last day of validity: declared, or computed by Core's regulation rules (then <see cref="ValidUntilComputed"/>).</summary>
    public string? ValidUntil { get; init; }

    public bool ValidUntilComputed { get; init; }

    public string? Recipient { get; init; }

    public string? Jurisdiction { get; init; }

    /// <summary>Host names or patterns the authorization covers, ordinally sorted.</summary>
    public EquatableArray<string> Endpoints { get; init; } = EquatableArray<string>.Empty;

    public string? Purpose { get; init; }

    /// <summary>The name of the <c>ExemptionBasis</c> member; null when the value is not a member.</summary>
    public string? Exemption { get; init; }

    /// <summary>Covered categories as written, in declaration order.</summary>
    public EquatableArray<string> Categories { get; init; } = EquatableArray<string>.Empty;

    public long EstimatedSubjectsPerYear { get; init; }

    public long EstimatedSensitiveSubjectsPerYear { get; init; }

    public bool SeparateConsent { get; init; }

    public string? RetentionPeriod { get; init; }

    public string? OverseasStorageLocation { get; init; }

    /// <summary>Names of fields whose values are invalid (<c>issuedOn</c>, <c>validUntil</c>, <c>jurisdiction</c>, ...), ordinally sorted.</summary>
    public EquatableArray<string> InvalidFields { get; init; } = EquatableArray<string>.Empty;
}
