using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>
/// Decides whether a <c>[CrossBorderTransfer]</c> covers a flow: it must match the endpoint (its <c>Endpoint</c>
/// host pattern, its <c>Jurisdiction</c> or its <c>Recipient</c>; an authorization that names none of them matches
/// every endpoint of the code it is on) and its <c>Categories</c> must cover every data class of the flow (empty
/// covers all). Adequacy of the mechanism and validity dates are checked by CBDT1003/CBDT1004, not here.
/// </summary>
internal static class Authorizations
{
    /// <summary>The mechanism value of <c>TransferMechanism.AuthorityApproval</c>.</summary>
    private const int AuthorityApproval = (int)Core.Model.TransferMechanism.AuthorityApproval;

    public static bool IsCovered(IEnumerable<ISymbol> scopes, string? host, JurisdictionResolution? resolution, EndpointBinding? binding, LabelSet data, bool requireAuthorityApproval)
    {
        foreach (var scope in scopes)
        {
            foreach (var attribute in scope.GetAttributes())
            {
                if (PolicyAttributeNames.Is(attribute, PolicyAttributeNames.CrossBorderTransfer)
                    && Covers(attribute, host, resolution, binding, data, requireAuthorityApproval))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Covers(AttributeData attribute, string? host, JurisdictionResolution? resolution, EndpointBinding? binding, LabelSet data, bool requireAuthorityApproval)
    {
        string? endpoint = null;
        string? jurisdiction = null;
        string? recipient = null;
        var mechanism = 0;
        string[]? categories = null;
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Endpoint":
                    endpoint = named.Value.Value as string;
                    break;
                case "Jurisdiction":
                    jurisdiction = named.Value.Value as string;
                    break;
                case "Recipient":
                    recipient = named.Value.Value as string;
                    break;
                case "Mechanism":
                    mechanism = named.Value.Value is int value ? value : 0;
                    break;
                case "Categories":
                    if (!named.Value.IsNull && named.Value.Kind == TypedConstantKind.Array)
                    {
                        var list = new List<string>();
                        foreach (var item in named.Value.Values)
                        {
                            if (item.Value is string text)
                            {
                                list.Add(text);
                            }
                        }

                        categories = list.ToArray();
                    }

                    break;
            }
        }

        if (requireAuthorityApproval && mechanism != AuthorityApproval)
        {
            return false;
        }

        var matchesEndpoint = endpoint is null && jurisdiction is null && recipient is null;
        if (!matchesEndpoint && endpoint is not null)
        {
            matchesEndpoint = (host is not null && HostPattern.Matches(endpoint, host))
                || (binding?.Host is not null && string.Equals(binding.Host, endpoint, StringComparison.OrdinalIgnoreCase));
        }

        if (!matchesEndpoint && jurisdiction is not null)
        {
            var actual = resolution?.Jurisdiction ?? binding?.Jurisdiction;
            matchesEndpoint = actual is not null && string.Equals(actual, jurisdiction, StringComparison.OrdinalIgnoreCase);
        }

        if (!matchesEndpoint && recipient is not null)
        {
            matchesEndpoint = binding?.Recipient is not null && string.Equals(binding.Recipient, recipient, StringComparison.Ordinal);
        }

        if (!matchesEndpoint)
        {
            return false;
        }

        if (categories is null || categories.Length == 0)
        {
            return true;
        }

        foreach (var tag in data.Tags)
        {
            var covered = false;
            foreach (var category in categories)
            {
                if (string.Equals(category, tag, StringComparison.Ordinal) || string.Equals(category, LabelSet.ClassOf(tag), StringComparison.Ordinal))
                {
                    covered = true;
                    break;
                }
            }

            if (!covered)
            {
                return false;
            }
        }

        return true;
    }
}
