using System;
using System.Collections.Generic;
using System.Threading;
using CrossBorder.Policy.Core.Jurisdictions;
using CrossBorder.Policy.Core.PolicyFile;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>
/// Places hosts for the flow engine with Core's <see cref="JurisdictionResolver"/>: the policy file's endpoint rules,
/// then the host patterns of every <c>[ForeignEndpoint(Host = ...)]</c>/<c>[DomesticEndpoint(Host = ...)]</c> on the
/// assembly, its source types and their members, then the built-in knowledge base, then the policy file's
/// <c>defaults.unknownHostJurisdiction</c>. The resolver is built on first use and shared by every thread.
/// </summary>
internal sealed class JurisdictionLookup
{
    private readonly Compilation _compilation;
    private readonly PolicyDocument? _policy;
    private readonly string? _policyPath;
    private JurisdictionResolver? _resolver;

    public JurisdictionLookup(Compilation compilation, PolicyDocument? policy, string? policyPath)
    {
        _compilation = compilation;
        _policy = policy;
        _policyPath = policyPath;
    }

    /// <summary>The resolver; built once (two threads may both build it, either result is the same).</summary>
    public JurisdictionResolver GetResolver(CancellationToken cancellationToken)
    {
        var resolver = _resolver;
        if (resolver is null)
        {
            resolver = Build(cancellationToken);
            resolver = Interlocked.CompareExchange(ref _resolver, resolver, null) ?? resolver;
        }

        return resolver;
    }

    /// <summary>Resolves a host; a host Core cannot parse is treated as an unknown host (the configured default).</summary>
    public JurisdictionResolution Resolve(string host, CancellationToken cancellationToken)
    {
        var resolver = GetResolver(cancellationToken);
        if (resolver.TryResolve(host, out var resolution, out _))
        {
            return resolution;
        }

        return new JurisdictionResolution
        {
            Host = host,
            IsInsideMainland = false,
            Source = JurisdictionSource.Default,
            Explanation = "Host '" + host + "' is not a valid host name; it is treated as outside mainland China, jurisdiction unknown.",
        };
    }

    /// <summary>A resolution from an endpoint attribute that binds the client or method without naming a host.</summary>
    public static JurisdictionResolution FromBinding(EndpointBinding binding)
    {
        var code = binding.IsDomestic ? "CN" : binding.Jurisdiction;
        var inside = binding.IsDomestic || (code is not null && !Core.Model.IsoCountries.IsOutsideMainland(code));
        return new JurisdictionResolution
        {
            Host = binding.Host ?? string.Empty,
            Jurisdiction = code,
            IsInsideMainland = inside,
            Source = JurisdictionSource.Attribute,
            Explanation = (inside ? "inside mainland China" : "outside mainland China" + (code is null ? string.Empty : ", in " + code)) + ", by " + binding.Description,
        };
    }

    private JurisdictionResolver Build(CancellationToken cancellationToken)
    {
        var policyRules = new List<JurisdictionRule>();
        var options = JurisdictionOptions.Default;
        if (_policy is not null)
        {
            foreach (var endpoint in _policy.Endpoints)
            {
                var code = endpoint.Domestic ? "CN" : endpoint.Jurisdiction;
                var origin = (_policyPath is null ? "the policy file" : System.IO.Path.GetFileName(_policyPath))
                    + " (" + endpoint.Position.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + "," + endpoint.Position.Column.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
                if (JurisdictionRule.TryCreate(endpoint.Host, code, origin, out var rule, out _))
                {
                    policyRules.Add(rule);
                }
            }

            options = _policy.Defaults.UnknownHostMode switch
            {
                UnknownHostMode.Domestic => options with { UnknownHosts = UnknownHostTreatment.Domestic },
                UnknownHostMode.Jurisdiction when JurisdictionRule.ValidateJurisdiction(_policy.Defaults.UnknownHostJurisdictionCode) is null
                    => options with { UnknownHosts = UnknownHostTreatment.Jurisdiction, UnknownHostJurisdiction = _policy.Defaults.UnknownHostJurisdictionCode },
                _ => options,
            };
        }

        var attributeRules = new List<JurisdictionRule>();
        DeclaringSymbols.Visit(_compilation, (symbol, on) => AddRules(attributeRules, symbol, on), cancellationToken);
        return new JurisdictionResolver(policyRules, attributeRules, options);
    }

    private static void AddRules(List<JurisdictionRule> rules, ISymbol symbol, string on)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            var binding = EndpointBindings.FromAttribute(attribute, on);
            if (binding?.Host is { Length: > 0 } host
                && JurisdictionRule.TryCreate(host, binding.IsDomestic ? "CN" : binding.Jurisdiction, binding.Description, out var rule, out _))
            {
                rules.Add(rule);
            }
        }
    }
}

/// <summary>Visits the symbols that may carry declarations: the assembly, every source type and its explicitly declared fields, properties and methods.</summary>
internal static class DeclaringSymbols
{
    /// <summary>Calls <paramref name="visit"/> with each symbol and how messages name it (<c>the assembly</c>, <c>'Client'</c>, <c>'Client.Send'</c>).</summary>
    public static void Visit(Compilation compilation, Action<ISymbol, string> visit, CancellationToken cancellationToken)
    {
        visit(compilation.Assembly, "the assembly");
        VisitContainer(compilation.Assembly.GlobalNamespace, visit, cancellationToken);
    }

    private static void VisitContainer(INamespaceOrTypeSymbol container, Action<ISymbol, string> visit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                VisitContainer(ns, visit, cancellationToken);
            }
            else if (member is INamedTypeSymbol type && type.DeclaringSyntaxReferences.Length > 0)
            {
                visit(type, "'" + type.Name + "'");
                foreach (var typeMember in type.GetMembers())
                {
                    if (typeMember is IFieldSymbol or IPropertySymbol or IMethodSymbol && !typeMember.IsImplicitlyDeclared)
                    {
                        visit(typeMember, "'" + type.Name + "." + typeMember.Name + "'");
                    }
                }

                VisitContainer(type, visit, cancellationToken);
            }
        }
    }
}

/// <summary>
/// URL templates of the flow engine: string values whose unknown parts are <see cref="AbsValue.Unknown"/>. Core's
/// <c>EndpointParser</c> reads complete URLs; these helpers find the host of a partly known one and combine a base
/// address with a relative URL the way <c>HttpClient</c> does.
/// </summary>
internal static class UrlTemplate
{
    /// <summary>The host of an absolute URL template, or <see langword="null"/> when the template does not fix it.</summary>
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
        var end = known.IndexOfAny(new[] { '/', '?', '#' }, start);
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

        if (authority.StartsWith("[", StringComparison.Ordinal))
        {
            var close = authority.IndexOf(']');
            authority = close < 0 ? string.Empty : authority.Substring(1, close - 1);
        }
        else
        {
            var colon = authority.IndexOf(':');
            if (colon >= 0)
            {
                authority = authority.Substring(0, colon);
            }
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

    /// <summary>Whether the host pattern <paramref name="pattern"/> (Core's syntax) matches <paramref name="host"/>; false for an invalid pattern.</summary>
    public static bool PatternMatches(string pattern, string host)
    {
        return Core.Jurisdictions.HostPattern.TryParse(pattern, out var parsed, out _) && parsed.IsMatch(host);
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
