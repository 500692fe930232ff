using System;

namespace CrossBorder.Policy.Core.Jurisdictions;

/// <summary>How hosts that no rule knows are treated.</summary>
public enum UnknownHostTreatment
{
    /// <summary>Outside mainland China, jurisdiction unknown (the default: the conservative reading).</summary>
    Foreign,

    /// <summary>Inside mainland China (<c>CN</c>), for code bases whose unknown hosts are all domestic.</summary>
    Domestic,

    /// <summary>In <see cref="JurisdictionOptions.UnknownHostJurisdiction"/>.</summary>
    Jurisdiction,
}

/// <summary>The configurable parts of jurisdiction resolution.</summary>
public sealed record JurisdictionOptions
{
    public static JurisdictionOptions Default { get; } = new();

    /// <summary>What an unknown host is. Default <see cref="UnknownHostTreatment.Foreign"/>.</summary>
    public UnknownHostTreatment UnknownHosts { get; init; } = UnknownHostTreatment.Foreign;

    /// <summary>The ISO code for unknown hosts when <see cref="UnknownHosts"/> is <see cref="UnknownHostTreatment.Jurisdiction"/>.</summary>
    public string? UnknownHostJurisdiction { get; init; }

    /// <summary>
    /// Whether loopback, private and link-local addresses and local names (<c>localhost</c>, <c>*.local</c>,
    /// <c>*.internal</c>, <c>*.home.arpa</c>, single-label names) are internal, not a transfer. Default true; when
    /// false they fall through to the default for unknown hosts.
    /// </summary>
    public bool PrivateNetworksAreInternal { get; init; } = true;

    /// <summary>Whether the built-in knowledge base is consulted. Default true.</summary>
    public bool UseKnowledgeBase { get; init; } = true;

    /// <summary>Null when the options are consistent; otherwise what is wrong.</summary>
    public string? Validate()
    {
        switch (UnknownHosts)
        {
            case UnknownHostTreatment.Foreign:
            case UnknownHostTreatment.Domestic:
                return null;
            case UnknownHostTreatment.Jurisdiction:
                var error = JurisdictionRule.ValidateJurisdiction(UnknownHostJurisdiction);
                return error is null ? null : "the jurisdiction for unknown hosts is invalid: " + error;
            default:
                return FormattableString.Invariant($"unknown treatment for unknown hosts: {(int)UnknownHosts}");
        }
    }
}
