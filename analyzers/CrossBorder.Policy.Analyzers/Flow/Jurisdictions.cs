using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>How a host was placed: inside mainland China or not, the ISO 3166-1 code when known, and why.</summary>
internal readonly struct JurisdictionResolution
{
    public JurisdictionResolution(bool isDomestic, string? jurisdiction, string how)
    {
        IsDomestic = isDomestic;
        Jurisdiction = jurisdiction;
        How = how;
    }

    public bool IsDomestic { get; }

    public string? Jurisdiction { get; }

    /// <summary>For messages: <c>foreign: the '.com' domain is not a mainland-China domain</c>.</summary>
    public string How { get; }
}

/// <summary>
/// Places a host in a jurisdiction. The one seam between the flow engine and jurisdiction knowledge: it will be
/// backed by <c>CrossBorder.Policy.Core.Jurisdictions.JurisdictionResolver</c> (policy file, attributes, the built-in
/// knowledge base of TLDs and cloud regional endpoints, the configured default).
/// </summary>
internal interface IJurisdictionLookup
{
    JurisdictionResolution Resolve(string host);
}

/// <summary>
/// TEMPORARY until Core's <c>JurisdictionResolver</c> is merged: assembly-level <c>[ForeignEndpoint(Host = ...)]</c>
/// and <c>[DomesticEndpoint(Host = ...)]</c> patterns first, then only the <c>.cn</c> TLD as domestic; every other
/// host is foreign (the architecture's default for unknown hosts).
/// </summary>
internal sealed class AttributeJurisdictionLookup : IJurisdictionLookup
{
    private readonly ImmutableArray<(string Pattern, EndpointBinding Binding)> _patterns;

    private AttributeJurisdictionLookup(ImmutableArray<(string Pattern, EndpointBinding Binding)> patterns)
    {
        _patterns = patterns;
    }

    public static AttributeJurisdictionLookup Create(Compilation compilation, CancellationToken cancellationToken)
    {
        var builder = ImmutableArray.CreateBuilder<(string, EndpointBinding)>();
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var binding = EndpointBindings.FromAttribute(attribute, "the assembly");
            if (binding?.Host is { Length: > 0 } host)
            {
                builder.Add((host, binding));
            }
        }

        return new AttributeJurisdictionLookup(builder.ToImmutable());
    }

    public JurisdictionResolution Resolve(string host)
    {
        foreach (var (pattern, binding) in _patterns)
        {
            if (HostPattern.Matches(pattern, host))
            {
                return new JurisdictionResolution(binding.IsDomestic, binding.IsDomestic ? "CN" : binding.Jurisdiction, (binding.IsDomestic ? "domestic" : "foreign, " + binding.Jurisdiction) + ": " + binding.Description);
            }
        }

        var lastDot = host.LastIndexOf('.');
        var tld = lastDot < 0 ? host : host.Substring(lastDot + 1);
        if (string.Equals(tld, "cn", StringComparison.OrdinalIgnoreCase))
        {
            return new JurisdictionResolution(true, "CN", "domestic: the '.cn' top-level domain");
        }

        return new JurisdictionResolution(false, null, "foreign: '." + tld + "' is not a mainland-China domain and unknown hosts are treated as foreign");
    }
}

/// <summary>Host patterns: an exact host or <c>*.suffix</c>, compared case-insensitively.</summary>
internal static class HostPattern
{
    public static bool Matches(string pattern, string host)
    {
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffix = pattern.Substring(1);
            return host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && host.Length > suffix.Length;
        }

        return string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The host of an absolute http(s)-like URL template, or <see langword="null"/> when the template does not fix it.</summary>
    public static string? HostOf(string url)
    {
        var unknown = url.IndexOf(AbsValue.Unknown);
        var known = unknown < 0 ? url : url.Substring(0, unknown);
        var scheme = known.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
        {
            return null;
        }

        var start = scheme + 3;
        var end = known.IndexOfAny(new[] { '/', '?', '#', ':' }, start);
        if (end < 0)
        {
            if (unknown >= 0)
            {
                return null;
            }

            end = known.Length;
        }

        var authority = known.Substring(start, end - start);
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority.Substring(at + 1);
        }

        return authority.Length == 0 ? null : authority.ToLowerInvariant();
    }

    public static bool IsAbsolute(string url) => url.IndexOf("://", StringComparison.Ordinal) > 0;

    /// <summary>Resolves <paramref name="relative"/> against <paramref name="baseUrl"/> the way <c>HttpClient</c> does.</summary>
    public static string Combine(string baseUrl, string relative)
    {
        if (IsAbsolute(relative))
        {
            return relative;
        }

        return baseUrl.TrimEnd('/') + "/" + relative.TrimStart('/');
    }
}

/// <summary>Reads <c>[ForeignEndpoint]</c>/<c>[DomesticEndpoint]</c>.</summary>
internal static class EndpointBindings
{
    public static EndpointBinding? FromAttribute(AttributeData attribute, string on)
    {
        var foreign = PolicyAttributeNames.Is(attribute, PolicyAttributeNames.ForeignEndpoint);
        if (!foreign && !PolicyAttributeNames.Is(attribute, PolicyAttributeNames.DomesticEndpoint))
        {
            return null;
        }

        string? jurisdiction = null;
        if (foreign && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string code)
        {
            jurisdiction = code;
        }

        string? host = null;
        string? recipient = null;
        foreach (var named in attribute.NamedArguments)
        {
            if (string.Equals(named.Key, "Host", StringComparison.Ordinal))
            {
                host = named.Value.Value as string;
            }
            else if (string.Equals(named.Key, "Recipient", StringComparison.Ordinal))
            {
                recipient = named.Value.Value as string;
            }
        }

        var description = foreign
            ? "[ForeignEndpoint(\"" + jurisdiction + "\")] on " + on
            : "[DomesticEndpoint] on " + on;
        return new EndpointBinding(!foreign, jurisdiction, host, recipient, description);
    }

    /// <summary>The first endpoint binding on <paramref name="symbols"/>, in order.</summary>
    public static EndpointBinding? Find(IEnumerable<ISymbol?> symbols)
    {
        foreach (var symbol in symbols)
        {
            if (symbol is null)
            {
                continue;
            }

            foreach (var attribute in symbol.GetAttributes())
            {
                var binding = FromAttribute(attribute, symbol is IAssemblySymbol ? "the assembly" : "'" + symbol.Name + "'");
                if (binding is not null)
                {
                    return binding;
                }
            }
        }

        return null;
    }
}
