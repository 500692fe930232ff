using System;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Jurisdictions;

/// <summary>
/// A user rule: hosts matching <see cref="Pattern"/> are in <see cref="Jurisdiction"/>. Comes from the policy file
/// (<c>crossborder.json</c>) or from an endpoint attribute (<c>[ForeignEndpoint("SG", Host = "*.partner.sg")]</c>,
/// <c>[DomesticEndpoint(Host = "*.example.cn")]</c>, which is <c>CN</c>).
/// </summary>
public sealed class JurisdictionRule
{
    /// <summary>Creates a rule; throws <see cref="ArgumentException"/> when the jurisdiction is not an assigned ISO code.</summary>
    public JurisdictionRule(HostPattern pattern, string jurisdiction, string? origin = null)
    {
        Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
        var error = ValidateJurisdiction(jurisdiction);
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(jurisdiction));
        }

        Jurisdiction = jurisdiction;
        Origin = origin;
    }

    public HostPattern Pattern { get; }

    /// <summary>The ISO 3166-1 alpha-2 code, upper case (<c>CN</c> for a domestic endpoint).</summary>
    public string Jurisdiction { get; }

    /// <summary>Where the rule was declared, for messages (<c>crossborder.json (12,5)</c>, <c>[ForeignEndpoint] on Contoso.PartnerClient</c>); may be null.</summary>
    public string? Origin { get; }

    public bool IsInsideMainland => !IsoCountries.IsOutsideMainland(Jurisdiction);

    /// <summary>Validates both parts; on failure <paramref name="error"/> says what is wrong, in English.</summary>
    public static bool TryCreate(string? pattern, string? jurisdiction, string? origin, out JurisdictionRule rule, out string error)
    {
        rule = null!;
        if (!HostPattern.TryParse(pattern, out var hostPattern, out error))
        {
            return false;
        }

        var jurisdictionError = ValidateJurisdiction(jurisdiction);
        if (jurisdictionError is not null)
        {
            error = jurisdictionError;
            return false;
        }

        rule = new JurisdictionRule(hostPattern, jurisdiction!, origin);
        error = string.Empty;
        return true;
    }

    /// <summary>A rule for a domestic endpoint (<c>CN</c>).</summary>
    public static JurisdictionRule Domestic(HostPattern pattern, string? origin = null) => new(pattern, "CN", origin);

    /// <summary>Null when <paramref name="code"/> is an assigned ISO 3166-1 alpha-2 code in upper case; otherwise why not, with a hint.</summary>
    public static string? ValidateJurisdiction(string? code)
    {
        if (code is null || code.Length == 0)
        {
            return "the jurisdiction is empty; expected an ISO 3166-1 alpha-2 code such as 'SG'";
        }

        if (IsoCountries.IsAssigned(code))
        {
            return null;
        }

        var upper = code.ToUpperInvariant();
        if (string.Equals(upper, "UK", StringComparison.Ordinal))
        {
            return $"'{code}' is not an ISO 3166-1 alpha-2 code; the United Kingdom is 'GB'";
        }

        if (string.Equals(upper, "EU", StringComparison.Ordinal))
        {
            return $"'{code}' is not a country; name the member state (for example 'DE' or 'IE')";
        }

        if (IsoCountries.IsAssigned(upper))
        {
            return $"'{code}' must be upper case: '{upper}'";
        }

        return $"'{code}' is not an assigned ISO 3166-1 alpha-2 code";
    }

    public override string ToString() => Pattern.Text + " -> " + Jurisdiction;
}
