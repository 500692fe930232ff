using System;
using System.Collections.Immutable;
using CrossBorder.Policy.Core.Jurisdictions;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>
/// The facts of one decided flow, written into the properties of its diagnostic (<see cref="DiagnosticPropertyKeys"/>):
/// the verdict, the data and its members, the endpoint and how its jurisdiction was resolved, the call chain and sink,
/// and the authorization involved.
/// </summary>
internal sealed class FlowRecord
{
    private readonly string _status;
    private readonly LabelSet _data;
    private readonly string? _host;
    private readonly JurisdictionResolution? _resolution;
    private readonly EndpointBinding? _binding;
    private readonly string _chain;
    private readonly string? _sink;
    private readonly Authorization? _authorization;

    public FlowRecord(string status, LabelSet data, string? host, JurisdictionResolution? resolution, EndpointBinding? binding, string chain, string? sink, Authorization? authorization)
    {
        _status = status;
        _data = data;
        _host = host;
        _resolution = resolution;
        _binding = binding;
        _chain = chain;
        _sink = sink;
        _authorization = authorization;
    }

    /// <summary>The <c>TransferMechanism</c> member name of a mechanism value, or the number when it names none.</summary>
    public static string MechanismName(int mechanism) => Enum.IsDefined(typeof(TransferMechanism), mechanism)
        ? ((TransferMechanism)mechanism).ToString()
        : mechanism.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The id the manifest generator gives <paramref name="authorization"/>: its declared <c>Id</c>, else
    /// <c>{declaredOn}/{Mechanism}/{Reference or Recipient}</c>.
    /// </summary>
    public static string AuthorizationId(Authorization authorization)
    {
        if (!string.IsNullOrWhiteSpace(authorization.Id))
        {
            return authorization.Id!;
        }

        var id = authorization.DeclaredOn + "/" + MechanismName(authorization.Mechanism);
        if (authorization.Reference is not null)
        {
            return id + "/" + authorization.Reference;
        }

        return authorization.Recipient is not null ? id + "/" + authorization.Recipient : id;
    }

    /// <summary>The manifest's <c>JurisdictionResolution</c> name of how <paramref name="resolution"/> was decided.</summary>
    public static string ResolutionName(JurisdictionResolution? resolution)
    {
        if (resolution is null)
        {
            return "Unresolved";
        }

        return resolution.Source switch
        {
            JurisdictionSource.PolicyFile => "PolicyFile",
            JurisdictionSource.Attribute => "Attribute",
            JurisdictionSource.KnowledgeBase => string.Equals(resolution.RuleName, "country-code-tld", StringComparison.Ordinal) ? "CountryCodeDomain" : "KnowledgeBase",
            _ => "DefaultForUnknownHosts",
        };
    }

    public ImmutableDictionary<string, string?> ToProperties()
    {
        var separator = DiagnosticPropertyKeys.CategorySeparator.ToString();
        var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        properties[DiagnosticPropertyKeys.Status] = _status;
        if (!string.IsNullOrEmpty(_host))
        {
            properties[DiagnosticPropertyKeys.Host] = _host;
        }

        if (_resolution?.Jurisdiction is { Length: > 0 } jurisdiction)
        {
            properties[DiagnosticPropertyKeys.Jurisdiction] = jurisdiction;
        }

        properties[DiagnosticPropertyKeys.JurisdictionResolution] = ResolutionName(_resolution);
        if ((_binding?.Recipient ?? _authorization?.Recipient) is { Length: > 0 } recipient)
        {
            properties[DiagnosticPropertyKeys.Recipient] = recipient;
        }

        properties[DiagnosticPropertyKeys.Categories] = string.Join(separator, _data.Tags);
        if (!_data.Origins.IsEmpty)
        {
            properties[DiagnosticPropertyKeys.OriginMembers] = string.Join(separator, _data.Origins);
        }

        properties[DiagnosticPropertyKeys.Chain] = _chain;
        if (!string.IsNullOrEmpty(_sink))
        {
            properties[DiagnosticPropertyKeys.Sink] = _sink;
        }

        if (_authorization is { } authorization)
        {
            properties[DiagnosticPropertyKeys.AuthorizationId] = AuthorizationId(authorization);
            properties[DiagnosticPropertyKeys.AuthorizationDeclaredOn] = authorization.DeclaredOn;
            properties[DiagnosticPropertyKeys.Mechanism] = MechanismName(authorization.Mechanism);
            if (!string.IsNullOrEmpty(authorization.Reference))
            {
                properties[DiagnosticPropertyKeys.AuthorizationReference] = authorization.Reference;
            }
        }

        return properties.ToImmutable();
    }
}
