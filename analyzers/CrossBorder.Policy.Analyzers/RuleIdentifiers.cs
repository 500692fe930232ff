using System.Globalization;

namespace CrossBorder.Policy.Analyzers;

/// <summary>
/// Every diagnostic ID of the analyzers, in one place. Ranges are in <c>docs/diagnostic-id-ranges.txt</c>:
/// take the next free number of the range and never reuse a retired one.
/// </summary>
public static class RuleIdentifiers
{
    /// <summary>The base of every help link; a rule's page is <c>{HelpUriBase}{id}.md</c>.</summary>
    public const string HelpUriBase = "https://github.com/crossborder-policy/crossborder-policy/blob/main/docs/rules/";

    /// <summary>Classified data (personal, sensitive personal or important) reaches a foreign endpoint with no covering authorization.</summary>
    public const string ClassifiedDataReachesForeignEndpoint = "CBDT1001";

    /// <summary>Core data reaches a foreign endpoint.</summary>
    public const string CoreDataReachesForeignEndpoint = "CBDT1002";

    /// <summary>The authorization that covers a flow names a mechanism that is not adequate for its data or volumes.</summary>
    public const string AuthorizationMechanismNotAdequate = "CBDT1003";

    /// <summary>The authorization that covers a flow is expired or not yet valid on the as-of date.</summary>
    public const string AuthorizationNotInForce = "CBDT1004";

    /// <summary>Classified data reaches an endpoint whose destination cannot be determined at compile time.</summary>
    public const string ClassifiedDataReachesUnresolvedEndpoint = "CBDT1005";

    /// <summary>Traceability: classified data reaches a foreign endpoint under an adequate authorization in force (hidden).</summary>
    public const string AuthorizedTransfer = "CBDT1006";

    /// <summary>Declaration date is not a yyyy-MM-dd date.</summary>
    public const string DateNotIso = "CBDT3001";

    /// <summary>Authorization ends before it is issued.</summary>
    public const string InvertedDates = "CBDT3002";

    /// <summary>Authorization is valid for longer than the law allows.</summary>
    public const string ValidityExceedsLaw = "CBDT3003";

    /// <summary>Authorization has no reference.</summary>
    public const string MissingReference = "CBDT3004";

    /// <summary>Authorization reference does not match its mechanism's format.</summary>
    public const string ReferenceFormatMismatch = "CBDT3005";

    /// <summary>Jurisdiction is not an ISO 3166-1 alpha-2 code.</summary>
    public const string UnknownJurisdiction = "CBDT3006";

    /// <summary>Host pattern is invalid.</summary>
    public const string InvalidHostPattern = "CBDT3007";

    /// <summary>Exemption basis and mechanism contradict each other.</summary>
    public const string ExemptionMismatch = "CBDT3008";

    /// <summary>Authorization expires soon.</summary>
    public const string AuthorizationExpiresSoon = "CBDT3009";

    /// <summary>Authorization data category is malformed.</summary>
    public const string InvalidCategory = "CBDT3010";

    /// <summary>Important data without catalogue evidence.</summary>
    public const string ImportantDataWithoutEvidence = "CBDT2001";

    /// <summary>Member name looks like personal information but the member is unclassified.</summary>
    public const string UnclassifiedPersonalInformationName = "CBDT2002";

    /// <summary>Contradictory classifications.</summary>
    public const string ContradictoryClassifications = "CBDT2003";

    /// <summary>An analyzer option in <c>.editorconfig</c> or a global analyzer config has a value the analyzers do not accept.</summary>
    public const string InvalidAnalyzerOption = "CBDT9201";

    /// <summary>Returns the documentation page of a rule.</summary>
    /// <param name="identifier">The rule ID, for example <c>CBDT1001</c>.</param>
    /// <returns>The absolute URL of <c>docs/rules/{identifier}.md</c>.</returns>
    public static string GetHelpUri(string identifier)
    {
        return string.Format(CultureInfo.InvariantCulture, "{0}{1}.md", HelpUriBase, identifier);
    }
}
