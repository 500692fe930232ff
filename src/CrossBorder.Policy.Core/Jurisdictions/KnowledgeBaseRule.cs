using System;
using System.Net;

namespace CrossBorder.Policy.Core.Jurisdictions;

/// <summary>What a knowledge-base rule concludes about the hosts it matches.</summary>
public enum KnowledgeBaseOutcome
{
    /// <summary>A known jurisdiction: the rule's fixed <see cref="KnowledgeBaseRule.Jurisdiction"/> or its region table's.</summary>
    Jurisdiction,

    /// <summary>
    /// Outside mainland China, country unknown: a provider's global endpoints that carry no region
    /// (<c>*.blob.core.windows.net</c>), when none of the provider's regions is in the mainland.
    /// </summary>
    OutsideMainlandUnknown,

    /// <summary>Stays on this machine or in a private network: not an outbound transfer.</summary>
    Internal,
}

/// <summary>How a knowledge-base rule's <see cref="KnowledgeBaseRule.Pattern"/> is read.</summary>
public enum KnowledgeBasePatternKind
{
    /// <summary>A host template (see <see cref="HostPattern"/>), possibly with a <c>{region}</c> or <c>{tld}</c> key.</summary>
    Host,

    /// <summary>An IP address block in CIDR notation.</summary>
    IpRange,

    /// <summary>Any name of a single label (<c>redis</c>, <c>db</c>): resolved through local search domains, never a public name.</summary>
    SingleLabel,
}

/// <summary>One row of the built-in <see cref="JurisdictionKnowledgeBase"/>.</summary>
public sealed class KnowledgeBaseRule
{
    /// <summary>The pattern text of <see cref="KnowledgeBasePatternKind.SingleLabel"/> rules.</summary>
    public const string SingleLabelPattern = "<single-label name>";

    private readonly HostTemplate? _template;
    private readonly IpRange? _range;

    internal KnowledgeBaseRule(string name, string provider, string pattern, KnowledgeBaseOutcome outcome, string? jurisdiction, RegionTable? regions, string note)
    {
        Name = name;
        Provider = provider;
        Pattern = pattern;
        Outcome = outcome;
        Jurisdiction = jurisdiction;
        Regions = regions;
        Note = note;
        if (string.Equals(pattern, SingleLabelPattern, StringComparison.Ordinal))
        {
            PatternKind = KnowledgeBasePatternKind.SingleLabel;
        }
        else if (pattern.IndexOf('/') >= 0)
        {
            PatternKind = KnowledgeBasePatternKind.IpRange;
            _range = IpRange.TryParse(pattern, out var range) ? range : throw new InvalidOperationException($"Knowledge-base rule '{name}': invalid address block '{pattern}'.");
        }
        else
        {
            PatternKind = KnowledgeBasePatternKind.Host;
            _template = HostTemplate.TryParse(pattern, allowKey: true, out var template, out var error)
                ? template
                : throw new InvalidOperationException($"Knowledge-base rule '{name}': {error}.");
            if (template.HasKey != (regions is not null))
            {
                throw new InvalidOperationException($"Knowledge-base rule '{name}': a key placeholder needs a region table, and a region table needs a placeholder.");
            }
        }
    }

    /// <summary>Unique name, shown in messages (<c>aws-regional</c>).</summary>
    public string Name { get; }

    /// <summary>Who runs the endpoints (<c>Amazon Web Services</c>), or what the rule is about.</summary>
    public string Provider { get; }

    /// <summary>The host template, CIDR block or <see cref="SingleLabelPattern"/>.</summary>
    public string Pattern { get; }

    public KnowledgeBasePatternKind PatternKind { get; }

    public KnowledgeBaseOutcome Outcome { get; }

    /// <summary>The fixed jurisdiction, when the outcome is a jurisdiction and there is no region table.</summary>
    public string? Jurisdiction { get; }

    /// <summary>The table the pattern's key is looked up in, if any.</summary>
    public RegionTable? Regions { get; }

    /// <summary>Why the rule holds, in English.</summary>
    public string Note { get; }

    /// <summary>For <see cref="KnowledgeBaseIndex"/>: the host suffix every match ends with, or null.</summary>
    internal string? IndexKey => _template?.IndexKey;

    /// <summary>Matches a normalized host (<paramref name="labels"/> for DNS names, <paramref name="address"/> for IP literals).</summary>
    internal bool IsMatch(EndpointHostKind kind, string[]? labels, IPAddress? address, out RegionEntry? region)
    {
        region = null;
        switch (PatternKind)
        {
            case KnowledgeBasePatternKind.IpRange:
                return address is not null && _range!.Contains(address);
            case KnowledgeBasePatternKind.SingleLabel:
                return kind == EndpointHostKind.DnsName && labels!.Length == 1;
            default:
                return kind == EndpointHostKind.DnsName && _template!.IsMatch(labels!, Regions, out region);
        }
    }

    public override string ToString() => Name + ": " + Pattern;
}
