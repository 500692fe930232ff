namespace CrossBorder.Policy.Core.Jurisdictions;

/// <summary>Which layer decided a <see cref="JurisdictionResolution"/>, in the order they are consulted.</summary>
public enum JurisdictionSource
{
    /// <summary>A rule of the policy file (<c>crossborder.json</c>).</summary>
    PolicyFile,

    /// <summary>An endpoint attribute (<c>[ForeignEndpoint]</c>, <c>[DomesticEndpoint]</c>) with a host pattern.</summary>
    Attribute,

    /// <summary>A rule of the built-in <see cref="JurisdictionKnowledgeBase"/>.</summary>
    KnowledgeBase,

    /// <summary>Nothing matched: the configured default for unknown hosts (<see cref="JurisdictionOptions.UnknownHosts"/>).</summary>
    Default,
}

/// <summary>Where a host is, and how that was decided.</summary>
public sealed record JurisdictionResolution
{
    /// <summary>The normalized host that was resolved.</summary>
    public string Host { get; init; } = string.Empty;

    /// <summary>The ISO 3166-1 alpha-2 code, or null when the jurisdiction is unknown.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>
    /// True when sending data there is not an outbound transfer: a mainland-China endpoint (<c>CN</c>), or an
    /// internal one (<see cref="IsInternal"/>). False for every other jurisdiction, Hong Kong, Macao and Taiwan
    /// included, and for unknown hosts under the default treatment.
    /// </summary>
    public bool IsInsideMainland { get; init; }

    /// <summary>The host stays on this machine or in a private network (loopback, private and link-local addresses, <c>localhost</c>, <c>*.local</c>, single-label names).</summary>
    public bool IsInternal { get; init; }

    public JurisdictionSource Source { get; init; }

    /// <summary>The knowledge-base rule's name (<c>alibaba-oss</c>), or the user rule's origin when it was given; null for the default.</summary>
    public string? RuleName { get; init; }

    /// <summary>The pattern that matched (<c>oss-{region}.aliyuncs.com</c>, <c>*.partner.sg</c>, <c>10.0.0.0/8</c>); null for the default.</summary>
    public string? MatchedPattern { get; init; }

    /// <summary>The region or top-level domain the knowledge base looked up (<c>cn-hangzhou</c>, <c>sg</c>), when there was one.</summary>
    public string? Region { get; init; }

    /// <summary>One English sentence saying where the host is and why, fit for a diagnostic message.</summary>
    public string Explanation { get; init; } = string.Empty;

    public bool IsOutsideMainland => !IsInsideMainland;

    public bool IsJurisdictionKnown => Jurisdiction is not null;
}
