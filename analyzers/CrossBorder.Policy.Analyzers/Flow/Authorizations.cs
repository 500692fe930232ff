using System;
using System.Collections.Generic;
using CrossBorder.Policy.Core.Jurisdictions;
using CrossBorder.Policy.Core.PolicyFile;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>
/// One authorization of a transfer: a <c>[CrossBorderTransfer]</c> on code, or an entry of the policy file's
/// <c>transfers</c>. Dates are the raw text (attributes) or the parsed date's text (policy file).
/// </summary>
internal sealed class Authorization
{
    public string? Id { get; init; }

    public string? Endpoint { get; init; }

    public string? Jurisdiction { get; init; }

    public string? Recipient { get; init; }

    public int Mechanism { get; init; }

    public int Exemption { get; init; }

    public string? Reference { get; init; }

    public string? IssuedOn { get; init; }

    public string? ValidUntil { get; init; }

    /// <summary>Null or empty: every category.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Zero when not declared.</summary>
    public long EstimatedSubjectsPerYear { get; init; }

    /// <summary>Zero when not declared.</summary>
    public long EstimatedSensitiveSubjectsPerYear { get; init; }

    public bool SeparateConsent { get; init; }

    /// <summary>
    /// Where it is declared, as the generator's manifest writes it: the documentation comment id of the method or type,
    /// <c>assembly</c>, or <c>policy-file</c>.
    /// </summary>
    public string DeclaredOn { get; init; } = string.Empty;

    /// <summary>For messages: <c>[CrossBorderTransfer] on 'Sync'</c> or <c>crossborder.json transfer 'T-1'</c>.</summary>
    public string Description { get; init; } = string.Empty;

    public static Authorization FromAttribute(AttributeData attribute, string on)
    {
        string? id = null, endpoint = null, jurisdiction = null, recipient = null, reference = null, issuedOn = null, validUntil = null;
        int mechanism = 0, exemption = 0;
        long subjects = 0, sensitive = 0;
        var separateConsent = false;
        List<string>? categories = null;
        foreach (var named in attribute.NamedArguments)
        {
            var value = named.Value.Kind == TypedConstantKind.Array ? null : named.Value.Value;
            switch (named.Key)
            {
                case "Id": id = value as string; break;
                case "Endpoint": endpoint = value as string; break;
                case "Jurisdiction": jurisdiction = value as string; break;
                case "Recipient": recipient = value as string; break;
                case "Reference": reference = value as string; break;
                case "IssuedOn": issuedOn = value as string; break;
                case "ValidUntil": validUntil = value as string; break;
                case "Mechanism": mechanism = value is int m ? m : 0; break;
                case "Exemption": exemption = value is int e ? e : 0; break;
                case "EstimatedSubjectsPerYear": subjects = value is long s ? s : 0; break;
                case "EstimatedSensitiveSubjectsPerYear": sensitive = value is long ss ? ss : 0; break;
                case "SeparateConsent": separateConsent = value is true; break;
                case "Categories":
                    if (!named.Value.IsNull && named.Value.Kind == TypedConstantKind.Array)
                    {
                        categories = new List<string>();
                        foreach (var item in named.Value.Values)
                        {
                            if (item.Value is string text)
                            {
                                categories.Add(text);
                            }
                        }
                    }

                    break;
            }
        }

        return new Authorization
        {
            Id = id,
            Endpoint = endpoint,
            Jurisdiction = jurisdiction,
            Recipient = recipient,
            Reference = reference,
            IssuedOn = issuedOn,
            ValidUntil = validUntil,
            Mechanism = mechanism,
            Exemption = exemption,
            EstimatedSubjectsPerYear = subjects,
            EstimatedSensitiveSubjectsPerYear = sensitive,
            SeparateConsent = separateConsent,
            Categories = categories,
            Description = "[CrossBorderTransfer" + (id is null ? string.Empty : "(Id = \"" + id + "\")") + "] on " + on,
        };
    }

    public static Authorization FromPolicyFile(TransferDeclaration transfer, string fileName)
    {
        var categories = new List<string>();
        foreach (var category in transfer.Categories)
        {
            categories.Add(category.ToString());
        }

        return new Authorization
        {
            Id = transfer.Id,
            Endpoint = transfer.Endpoint,
            Jurisdiction = transfer.Jurisdiction,
            Recipient = transfer.Recipient,
            Reference = transfer.Reference,
            IssuedOn = transfer.IssuedOn?.ToString(),
            ValidUntil = transfer.ValidUntil?.ToString(),
            Mechanism = (int)transfer.Mechanism,
            Exemption = (int)transfer.Exemption,
            EstimatedSubjectsPerYear = transfer.EstimatedSubjectsPerYear,
            EstimatedSensitiveSubjectsPerYear = transfer.EstimatedSensitiveSubjectsPerYear,
            SeparateConsent = transfer.SeparateConsent,
            Categories = categories,
            Description = fileName + " transfer '" + transfer.Id + "'",
            DeclaredOn = Core.Manifest.ManifestIds.PolicyFile,
        };
    }
}

/// <summary>
/// Decides whether an authorization covers a flow: it must match the endpoint (its <c>Endpoint</c> host pattern,
/// its <c>Jurisdiction</c> or its <c>Recipient</c>; a <c>[CrossBorderTransfer]</c> that names none of them matches
/// every endpoint of the code it is on, a policy-file transfer must name one) and its <c>Categories</c> must cover
/// every data class of the flow (empty covers all). Code authorizations are looked for first (method, types,
/// assembly), then the policy file's transfers. Adequacy and dates are CBDT1003/CBDT1004, not here.
/// </summary>
internal static class Authorizations
{
    /// <summary>The mechanism value of <c>TransferMechanism.AuthorityApproval</c>.</summary>
    private const int AuthorityApproval = (int)Core.Model.TransferMechanism.AuthorityApproval;

    public static Authorization? FindCovering(IEnumerable<ISymbol> scopes, IReadOnlyList<Authorization> policyTransfers, string? host, JurisdictionResolution? resolution, EndpointBinding? binding, LabelSet data, bool requireAuthorityApproval)
    {
        foreach (var scope in scopes)
        {
            foreach (var attribute in scope.GetAttributes())
            {
                if (PolicyAttributeNames.Is(attribute, PolicyAttributeNames.CrossBorderTransfer))
                {
                    var authorization = Authorization.FromAttribute(attribute, scope is IAssemblySymbol ? "the assembly" : "'" + scope.Name + "'");
                    if (Covers(authorization, host, resolution, binding, data, requireAuthorityApproval, matchAllWhenUnnamed: true))
                    {
                        var declaredOn = scope is IAssemblySymbol ? Core.Manifest.ManifestIds.Assembly : (scope.OriginalDefinition.GetDocumentationCommentId() ?? scope.Name);
                        return new Authorization
                        {
                            Id = authorization.Id,
                            Endpoint = authorization.Endpoint,
                            Jurisdiction = authorization.Jurisdiction,
                            Recipient = authorization.Recipient,
                            Reference = authorization.Reference,
                            IssuedOn = authorization.IssuedOn,
                            ValidUntil = authorization.ValidUntil,
                            Mechanism = authorization.Mechanism,
                            Exemption = authorization.Exemption,
                            EstimatedSubjectsPerYear = authorization.EstimatedSubjectsPerYear,
                            EstimatedSensitiveSubjectsPerYear = authorization.EstimatedSensitiveSubjectsPerYear,
                            SeparateConsent = authorization.SeparateConsent,
                            Categories = authorization.Categories,
                            Description = authorization.Description,
                            DeclaredOn = declaredOn,
                        };
                    }
                }
            }
        }

        foreach (var authorization in policyTransfers)
        {
            if (Covers(authorization, host, resolution, binding, data, requireAuthorityApproval, matchAllWhenUnnamed: false))
            {
                return authorization;
            }
        }

        return null;
    }

    private static bool Covers(Authorization authorization, string? host, JurisdictionResolution? resolution, EndpointBinding? binding, LabelSet data, bool requireAuthorityApproval, bool matchAllWhenUnnamed)
    {
        if (requireAuthorityApproval && authorization.Mechanism != AuthorityApproval)
        {
            return false;
        }

        var endpoint = authorization.Endpoint;
        var jurisdiction = authorization.Jurisdiction;
        var recipient = authorization.Recipient;
        var matchesEndpoint = matchAllWhenUnnamed && endpoint is null && jurisdiction is null && recipient is null;
        if (!matchesEndpoint && endpoint is not null)
        {
            matchesEndpoint = (host is not null && UrlTemplate.PatternMatches(endpoint, host))
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

        var categories = authorization.Categories;
        if (categories is null || categories.Count == 0)
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
