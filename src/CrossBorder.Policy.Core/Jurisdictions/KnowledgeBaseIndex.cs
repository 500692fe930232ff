using System;
using System.Collections.Generic;
using System.Linq;

namespace CrossBorder.Policy.Core.Jurisdictions;

/// <summary>
/// Narrows the knowledge-base rules a host can match, without changing the result: rules are bucketed by their fixed
/// trailing labels (<c>amazonaws.com</c>, <c>local</c>), and each bucket also holds the rules that can match any host
/// (<c>*.{tld}</c>, single-label names), all in <see cref="JurisdictionKnowledgeBase.Rules"/> order, so the first match
/// in a bucket is the first match in the whole table.
/// </summary>
internal sealed class KnowledgeBaseIndex
{
    private readonly Dictionary<string, KnowledgeBaseRule[]> _byKey;
    private readonly KnowledgeBaseRule[] _names;
    private readonly KnowledgeBaseRule[] _addresses;

    public KnowledgeBaseIndex(IReadOnlyList<KnowledgeBaseRule> rules)
    {
        var ordered = rules.Select((rule, index) => (rule, index)).ToArray();
        var anyName = ordered.Where(r => r.rule.PatternKind != KnowledgeBasePatternKind.IpRange && r.rule.IndexKey is null).ToArray();
        _names = anyName.Select(r => r.rule).ToArray();
        _addresses = ordered.Where(r => r.rule.PatternKind == KnowledgeBasePatternKind.IpRange).Select(r => r.rule).ToArray();
        _byKey = new Dictionary<string, KnowledgeBaseRule[]>(StringComparer.Ordinal);

        var keys = ordered.Select(r => r.rule.IndexKey).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        foreach (var key in keys)
        {
            // A host whose suffix is "a.b" can match rules keyed "a.b", rules keyed "b", and the rules with no key.
            var dot = key.IndexOf('.');
            var lastLabel = dot < 0 ? key : key.Substring(dot + 1);
            _byKey[key] = ordered
                .Where(r => string.Equals(r.rule.IndexKey, key, StringComparison.Ordinal) ||
                            string.Equals(r.rule.IndexKey, lastLabel, StringComparison.Ordinal) ||
                            anyName.Contains(r))
                .OrderBy(r => r.index)
                .Select(r => r.rule)
                .ToArray();
        }
    }

    /// <summary>The rules that can match the host, in table order.</summary>
    public KnowledgeBaseRule[] Candidates(EndpointHostKind kind, string[]? labels)
    {
        if (kind != EndpointHostKind.DnsName)
        {
            return _addresses;
        }

        var n = labels!.Length;
        if (n >= 2 && _byKey.TryGetValue(labels[n - 2] + "." + labels[n - 1], out var two))
        {
            return two;
        }

        return _byKey.TryGetValue(labels[n - 1], out var one) ? one : _names;
    }
}
