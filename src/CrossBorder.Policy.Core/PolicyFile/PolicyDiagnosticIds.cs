using System;
using System.Collections.Generic;

namespace CrossBorder.Policy.Core.PolicyFile;

/// <summary>
/// The configuration diagnostics (<c>CBDT9001</c> to <c>CBDT9049</c>): the policy file <c>crossborder.json</c>,
/// its agreement with attribute declarations, and MSBuild property values. Each id has a page
/// <c>docs/rules/{id}.md</c>. Take the next free number for a new id; never reuse one.
/// </summary>
public static class PolicyDiagnosticIds
{
    /// <summary>The policy file is not valid JSON (comments are allowed).</summary>
    public const string SyntaxError = "CBDT9001";

    /// <summary>A property the format does not define (the message suggests the closest known name).</summary>
    public const string UnknownProperty = "CBDT9002";

    /// <summary>A value of the wrong JSON type (a number where a string is expected, for example).</summary>
    public const string WrongType = "CBDT9003";

    /// <summary>A string that is not one of the allowed enum member names (the message lists them).</summary>
    public const string InvalidEnumValue = "CBDT9004";

    /// <summary>A date that is not an existing calendar date of the form <c>yyyy-MM-dd</c>.</summary>
    public const string InvalidDate = "CBDT9005";

    /// <summary>An end date before its start date (<c>validUntil</c> before <c>issuedOn</c>).</summary>
    public const string InvertedDates = "CBDT9006";

    /// <summary>A jurisdiction that is not an assigned ISO 3166-1 alpha-2 code.</summary>
    public const string UnknownJurisdiction = "CBDT9007";

    /// <summary>Two items of one list with the same id (transfers, endpoints, catalogues, catalogue entries, negative lists, list entries).</summary>
    public const string DuplicateId = "CBDT9008";

    /// <summary>A required property is missing.</summary>
    public const string MissingRequiredProperty = "CBDT9009";

    /// <summary>A host or host pattern that is not a valid DNS name, IP address or wildcard pattern.</summary>
    public const string InvalidHostPattern = "CBDT9010";

    /// <summary>A reference-format regular expression that does not compile.</summary>
    public const string InvalidRegex = "CBDT9011";

    /// <summary>The file's <c>version</c> is not a format version this tool reads.</summary>
    public const string UnsupportedVersion = "CBDT9012";

    /// <summary>A number outside its allowed range, or not an integer where one is required.</summary>
    public const string NumberOutOfRange = "CBDT9013";

    /// <summary>The policy file binds a host to a different jurisdiction than an attribute does.</summary>
    public const string EndpointConflict = "CBDT9014";

    /// <summary>The policy file and an attribute declare the same transfer id with a different mechanism, reference or dates.</summary>
    public const string TransferConflict = "CBDT9015";

    /// <summary>A data category that is not of the form <c>PersonalInformation</c>, <c>SensitivePersonalInformation[:Category]</c>, <c>ImportantData[:EntryId]</c> or <c>CoreData</c>.</summary>
    public const string InvalidCategory = "CBDT9016";

    /// <summary>A transfer reference that does not match the reference format of its mechanism.</summary>
    public const string ReferenceFormatMismatch = "CBDT9017";

    /// <summary>Properties that contradict each other (an exemption on a non-exemption mechanism, <c>jurisdiction</c> with <c>domestic: true</c>, thresholds in the wrong order).</summary>
    public const string ContradictoryValues = "CBDT9018";

    /// <summary>A string value of the right type but the wrong form (empty, blank, a malformed region code, credit code or digest).</summary>
    public const string InvalidValue = "CBDT9019";

    /// <summary>The policy file could not be read (the host reports it: the analyzers and generator see no file content).</summary>
    public const string PolicyFileUnreadable = "CBDT9020";

    /// <summary>More than one policy file was given to one project.</summary>
    public const string MultiplePolicyFiles = "CBDT9021";

    /// <summary>A transfer category <c>ImportantData:X</c> names no entry of the catalogues declared in the file (a warning: the entry may be a typo).</summary>
    public const string UnknownCatalogEntry = "CBDT9023";

    /// <summary>Every id of this class with its title, ordinally sorted by id.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> All { get; } = new[]
    {
        Pair(SyntaxError, "Policy file is not valid JSON"),
        Pair(UnknownProperty, "Unknown property in the policy file"),
        Pair(WrongType, "Policy file value has the wrong JSON type"),
        Pair(InvalidEnumValue, "Policy file value is not an allowed enum member"),
        Pair(InvalidDate, "Policy file date is not a valid yyyy-MM-dd date"),
        Pair(InvertedDates, "Policy file end date is before its start date"),
        Pair(UnknownJurisdiction, "Policy file jurisdiction is not an ISO 3166-1 alpha-2 code"),
        Pair(DuplicateId, "Duplicate id in the policy file"),
        Pair(MissingRequiredProperty, "Required property missing from the policy file"),
        Pair(InvalidHostPattern, "Policy file host or host pattern is invalid"),
        Pair(InvalidRegex, "Policy file reference format is not a valid regular expression"),
        Pair(UnsupportedVersion, "Unsupported policy file version"),
        Pair(NumberOutOfRange, "Policy file number is out of range"),
        Pair(EndpointConflict, "Policy file and attributes bind a host to different jurisdictions"),
        Pair(TransferConflict, "Policy file and attributes declare a transfer differently"),
        Pair(InvalidCategory, "Policy file data category is malformed"),
        Pair(ReferenceFormatMismatch, "Transfer reference does not match its mechanism's format"),
        Pair(ContradictoryValues, "Policy file values contradict each other"),
        Pair(InvalidValue, "Policy file value has the wrong form"),
        Pair(PolicyFileUnreadable, "Policy file cannot be read"),
        Pair(MultiplePolicyFiles, "More than one policy file"),
        Pair(UnknownCatalogEntry, "Transfer category names an unknown catalogue entry"),
    };

    /// <summary>The title of <paramref name="id"/>, or null for an id not defined here.</summary>
    public static string? GetTitle(string id)
    {
        foreach (var pair in All)
        {
            if (string.Equals(pair.Key, id, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>The documentation page of <paramref name="id"/>, relative to the repository root.</summary>
    public static string GetDocumentationPath(string id) => "docs/rules/" + id + ".md";

    private static KeyValuePair<string, string> Pair(string id, string title) => new(id, title);
}
