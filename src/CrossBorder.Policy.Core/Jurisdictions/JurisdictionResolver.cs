using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Jurisdictions;

/// <summary>
/// Maps endpoints to jurisdictions. Layers, in order, the first that matches deciding:
/// <list type="number">
/// <item>the policy file's rules (<see cref="JurisdictionSource.PolicyFile"/>);</item>
/// <item>the endpoint attributes' rules (<see cref="JurisdictionSource.Attribute"/>);</item>
/// <item>the built-in <see cref="JurisdictionKnowledgeBase"/>, first matching rule in table order;</item>
/// <item>the default for unknown hosts (<see cref="JurisdictionOptions.UnknownHosts"/>).</item>
/// </list>
/// Within a user layer the most specific pattern wins (<see cref="HostPattern.CompareSpecificity"/>: an exact host,
/// then more labels, then more fixed characters, then a one-label wildcard over a <c>*.</c> subdomain wildcard);
/// among equally specific patterns the one declared first wins. Thread-safe; results are cached per host, so create
/// one resolver per compilation and reuse it.
/// </summary>
public sealed class JurisdictionResolver
{
    private const int MaxCacheEntries = 8192;

    private readonly RuleLayer _policyFile;
    private readonly RuleLayer _attributes;
    private readonly ConcurrentDictionary<string, JurisdictionResolution> _cache = new(StringComparer.Ordinal);
    private int _cacheCount;

    /// <summary>Creates a resolver; throws <see cref="ArgumentException"/> when <paramref name="options"/> are invalid.</summary>
    public JurisdictionResolver(
        IEnumerable<JurisdictionRule>? policyFileRules = null,
        IEnumerable<JurisdictionRule>? attributeRules = null,
        JurisdictionOptions? options = null)
    {
        Options = options ?? JurisdictionOptions.Default;
        var error = Options.Validate();
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(options));
        }

        _policyFile = new RuleLayer(policyFileRules);
        _attributes = new RuleLayer(attributeRules);
    }

    /// <summary>A resolver with no user rules and the default options.</summary>
    public static JurisdictionResolver Default { get; } = new();

    public JurisdictionOptions Options { get; }

    /// <summary>The policy-file rules, most specific first.</summary>
    public IReadOnlyList<JurisdictionRule> PolicyFileRules => _policyFile.Ordered;

    /// <summary>The attribute rules, most specific first.</summary>
    public IReadOnlyList<JurisdictionRule> AttributeRules => _attributes.Ordered;

    /// <summary>
    /// Parses <paramref name="endpoint"/> (a URL, a URI or a host, see <see cref="EndpointParser.TryParse"/>) and
    /// resolves its host. False, with the parse error, when the text is not an endpoint.
    /// </summary>
    public bool TryResolve(string? endpoint, out JurisdictionResolution resolution, out string error)
    {
        if (endpoint is not null && _cache.TryGetValue(endpoint, out resolution!))
        {
            error = string.Empty;
            return true;
        }

        if (!EndpointParser.TryParse(endpoint, out var address, out error))
        {
            resolution = null!;
            return false;
        }

        resolution = Resolve(address);
        Remember(endpoint!, resolution);
        return true;
    }

    /// <summary>
    /// Parses a comma-separated endpoint list (Kafka's <c>bootstrap.servers</c>, see
    /// <see cref="EndpointParser.TryParseList"/>) and resolves every entry, in order.
    /// </summary>
    public bool TryResolveList(string? endpoints, out IReadOnlyList<JurisdictionResolution> resolutions, out string error)
    {
        if (!EndpointParser.TryParseList(endpoints, out var addresses, out error))
        {
            resolutions = Array.Empty<JurisdictionResolution>();
            return false;
        }

        var result = new JurisdictionResolution[addresses.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Resolve(addresses[i]);
        }

        resolutions = result;
        return true;
    }

    /// <summary>Resolves a parsed endpoint.</summary>
    public JurisdictionResolution Resolve(EndpointAddress endpoint)
    {
        if (endpoint is null)
        {
            throw new ArgumentNullException(nameof(endpoint));
        }

        if (_cache.TryGetValue(endpoint.Host, out var cached))
        {
            return cached;
        }

        var result = Compute(endpoint.Host, endpoint.HostKind);
        Remember(endpoint.Host, result);
        return result;
    }

    private void Remember(string key, JurisdictionResolution resolution)
    {
        // ConcurrentDictionary.Count takes every lock; keep our own approximate count instead.
        if (Volatile.Read(ref _cacheCount) < MaxCacheEntries && _cache.TryAdd(key, resolution))
        {
            Interlocked.Increment(ref _cacheCount);
        }
    }

    private JurisdictionResolution Compute(string host, EndpointHostKind kind)
    {
        var labels = kind == EndpointHostKind.DnsName ? host.Split('.') : null;
        var address = kind == EndpointHostKind.DnsName ? null : IPAddress.Parse(host);

        var rule = _policyFile.Find(host, kind, labels);
        if (rule is not null)
        {
            return FromUserRule(host, rule, JurisdictionSource.PolicyFile, "the policy-file rule");
        }

        rule = _attributes.Find(host, kind, labels);
        if (rule is not null)
        {
            return FromUserRule(host, rule, JurisdictionSource.Attribute, "the endpoint-attribute rule");
        }

        if (Options.UseKnowledgeBase)
        {
            foreach (var entry in JurisdictionKnowledgeBase.Index.Candidates(kind, labels))
            {
                if (entry.Outcome == KnowledgeBaseOutcome.Internal && !Options.PrivateNetworksAreInternal)
                {
                    continue;
                }

                if (entry.IsMatch(kind, labels, address, out var region))
                {
                    return FromKnowledgeBase(host, entry, region);
                }
            }
        }

        return FromDefault(host);
    }

    private static JurisdictionResolution FromUserRule(string host, JurisdictionRule rule, JurisdictionSource source, string layer)
    {
        var origin = rule.Origin is null ? string.Empty : " (" + rule.Origin + ")";
        return new JurisdictionResolution
        {
            Host = host,
            Jurisdiction = rule.Jurisdiction,
            IsInsideMainland = rule.IsInsideMainland,
            Source = source,
            RuleName = rule.Origin,
            MatchedPattern = rule.Pattern.Text,
            Explanation = $"Host '{host}' is in {Describe(rule.Jurisdiction)}, {MainlandPhrase(rule.Jurisdiction)}, by {layer} '{rule.Pattern.Text}'{origin}.",
        };
    }

    private static JurisdictionResolution FromKnowledgeBase(string host, KnowledgeBaseRule rule, RegionEntry? region)
    {
        var version = "built-in knowledge base " + JurisdictionKnowledgeBase.Version;
        switch (rule.Outcome)
        {
            case KnowledgeBaseOutcome.Internal:
                return new JurisdictionResolution
                {
                    Host = host,
                    IsInsideMainland = true,
                    IsInternal = true,
                    Source = JurisdictionSource.KnowledgeBase,
                    RuleName = rule.Name,
                    MatchedPattern = rule.Pattern,
                    Explanation = $"Host '{host}' stays on this machine or in a private network, not an outbound transfer, by the built-in rule '{rule.Name}' (pattern '{rule.Pattern}': {rule.Note}; {version}).",
                };
            case KnowledgeBaseOutcome.OutsideMainlandUnknown:
                return new JurisdictionResolution
                {
                    Host = host,
                    Source = JurisdictionSource.KnowledgeBase,
                    RuleName = rule.Name,
                    MatchedPattern = rule.Pattern,
                    Explanation = $"Host '{host}' is outside mainland China, jurisdiction unknown, by the built-in rule '{rule.Name}' ({rule.Provider}, pattern '{rule.Pattern}': {rule.Note}; {version}).",
                };
            default:
                var code = region?.Jurisdiction ?? rule.Jurisdiction!;
                var why = region is null
                    ? rule.Note
                    : $"{rule.Regions!.KeyName} '{region.Key}' is {region.Location}";
                return new JurisdictionResolution
                {
                    Host = host,
                    Jurisdiction = code,
                    IsInsideMainland = !IsoCountries.IsOutsideMainland(code),
                    Source = JurisdictionSource.KnowledgeBase,
                    RuleName = rule.Name,
                    MatchedPattern = rule.Pattern,
                    Region = region?.Key,
                    Explanation = $"Host '{host}' is in {Describe(code)}, {MainlandPhrase(code)}, by the built-in rule '{rule.Name}' ({rule.Provider}, pattern '{rule.Pattern}': {why}; {version}).",
                };
        }
    }

    private JurisdictionResolution FromDefault(string host)
    {
        const string Prefix = "matches no policy-file rule, endpoint attribute or built-in rule";
        switch (Options.UnknownHosts)
        {
            case UnknownHostTreatment.Domestic:
                return new JurisdictionResolution
                {
                    Host = host,
                    Jurisdiction = "CN",
                    IsInsideMainland = true,
                    Source = JurisdictionSource.Default,
                    Explanation = $"Host '{host}' {Prefix}; the configured default treats unknown hosts as inside mainland China (CN).",
                };
            case UnknownHostTreatment.Jurisdiction:
                var code = Options.UnknownHostJurisdiction!;
                return new JurisdictionResolution
                {
                    Host = host,
                    Jurisdiction = code,
                    IsInsideMainland = !IsoCountries.IsOutsideMainland(code),
                    Source = JurisdictionSource.Default,
                    Explanation = $"Host '{host}' {Prefix}; the configured default places unknown hosts in {Describe(code)}, {MainlandPhrase(code)}.",
                };
            default:
                return new JurisdictionResolution
                {
                    Host = host,
                    Source = JurisdictionSource.Default,
                    Explanation = $"Host '{host}' {Prefix}; by default an unknown host is treated as outside mainland China, jurisdiction unknown.",
                };
        }
    }

    private static string Describe(string code) =>
        string.Format(CultureInfo.InvariantCulture, "{0} ({1})", IsoCountries.GetName(code) ?? code, code);

    private static string MainlandPhrase(string code) => code switch
    {
        "CN" => "inside mainland China",
        "HK" or "MO" or "TW" => "outside mainland China (Hong Kong, Macao and Taiwan are outside the mainland for outbound transfers)",
        _ => "outside mainland China",
    };

    /// <summary>One layer of user rules: exact hosts by dictionary, then wildcard patterns most specific first.</summary>
    private sealed class RuleLayer
    {
        private readonly Dictionary<string, JurisdictionRule> _exact = new(StringComparer.Ordinal);
        private readonly JurisdictionRule[] _wildcards;

        public RuleLayer(IEnumerable<JurisdictionRule>? rules)
        {
            var list = rules?.Where(r => r is not null).ToArray() ?? Array.Empty<JurisdictionRule>();

            // OrderBy is stable: equally specific patterns keep their declaration order.
            Ordered = list.OrderBy(r => r, SpecificityComparer.Instance).ToArray();
            foreach (var rule in Ordered)
            {
                if (rule.Pattern.IsExact && !_exact.ContainsKey(rule.Pattern.Text))
                {
                    _exact.Add(rule.Pattern.Text, rule);
                }
            }

            _wildcards = Ordered.Where(r => !r.Pattern.IsExact).ToArray();
        }

        public JurisdictionRule[] Ordered { get; }

        public JurisdictionRule? Find(string host, EndpointHostKind kind, string[]? labels)
        {
            if (_exact.TryGetValue(host, out var exact))
            {
                return exact;
            }

            foreach (var rule in _wildcards)
            {
                if (rule.Pattern.IsMatch(host, kind, labels))
                {
                    return rule;
                }
            }

            return null;
        }
    }

    private sealed class SpecificityComparer : IComparer<JurisdictionRule>
    {
        public static readonly SpecificityComparer Instance = new();

        public int Compare(JurisdictionRule? x, JurisdictionRule? y) => x!.Pattern.CompareSpecificity(y!.Pattern);
    }
}
