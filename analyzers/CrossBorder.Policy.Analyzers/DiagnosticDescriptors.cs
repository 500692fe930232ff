using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CrossBorder.Policy.Core.PolicyFile;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers;

/// <summary>The descriptors of the analyzer assembly. Strings are literals here, one file per assembly.</summary>
internal static class DiagnosticDescriptors
{
    /// <summary>
    /// <c>CBDT1001</c>. Format: <c>"{0} from {1} reaches '{2}' ({3}) via {4} with no covering [CrossBorderTransfer] authorization"</c>.
    /// </summary>
    public static readonly DiagnosticDescriptor ClassifiedDataReachesForeignEndpoint = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.ClassifiedDataReachesForeignEndpoint,
        title: "Classified data reaches a foreign endpoint without an authorization",
        messageFormat: "{0} from {1} reaches '{2}' ({3}) via {4} with no covering [CrossBorderTransfer] authorization",
        DiagnosticDescriptorHelper.TransferCategory,
        RuleLevel.BuildWarning,
        description: "Personal information, sensitive personal information or important data flows to an endpoint outside mainland China, and no [CrossBorderTransfer] on the sending method, its type, the client type or the assembly covers the endpoint and the data (PIPL Art. 38, DSL Art. 31, Provisions 2024).");

    /// <summary>
    /// <c>CBDT1002</c>. Format: <c>"Core data from {0} reaches '{1}' ({2}) via {3}; core data must not leave mainland China without an authority approval"</c>.
    /// </summary>
    public static readonly DiagnosticDescriptor CoreDataReachesForeignEndpoint = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.CoreDataReachesForeignEndpoint,
        title: "Core data reaches a foreign endpoint",
        messageFormat: "Core data from {0} reaches '{1}' ({2}) via {3}; core data must not leave mainland China without an authority approval",
        DiagnosticDescriptorHelper.TransferCategory,
        RuleLevel.BuildError,
        description: "Core data is under a stricter management system (DSL Art. 21 para. 2); no transfer mechanism covers it. Only a [CrossBorderTransfer(Mechanism = TransferMechanism.AuthorityApproval)] that names the endpoint suppresses this rule.");

    /// <summary>
    /// <c>CBDT1005</c>. Format: <c>"{0} from {1} reaches an endpoint whose destination cannot be determined at compile time ({2}) via {3}"</c>.
    /// </summary>
    public static readonly DiagnosticDescriptor ClassifiedDataReachesUnresolvedEndpoint = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.ClassifiedDataReachesUnresolvedEndpoint,
        title: "Classified data reaches an endpoint whose destination is unknown at compile time",
        messageFormat: "{0} from {1} reaches an endpoint whose destination cannot be determined at compile time ({2}) via {3}",
        DiagnosticDescriptorHelper.TransferCategory,
        RuleLevel.BuildWarning,
        description: "Classified data flows to an outbound sink whose URL is neither a constant, nor a client BaseAddress, nor bound by [ForeignEndpoint]/[DomesticEndpoint]. Bind the client or the method to its endpoint so the transfer can be checked.");

    /// <summary>
    /// <c>CBDT1006</c>. Format: <c>"{0} from {1} reaches '{2}' ({3}) via {4}, authorized by {5}"</c>.
    /// </summary>
    public static readonly DiagnosticDescriptor AuthorizedTransfer = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.AuthorizedTransfer,
        title: "Authorized cross-border flow",
        messageFormat: "{0} from {1} reaches '{2}' ({3}) via {4}, authorized by {5}",
        DiagnosticDescriptorHelper.TransferCategory,
        RuleLevel.Traceability,
        description: "Classified data flows to an endpoint outside mainland China under a [CrossBorderTransfer] or policy-file authorization that covers the endpoint and the data, whose mechanism is adequate and which is in force. Nothing is wrong: the hidden diagnostic records the flow and its authorization so that tools can list every transfer (PIPL Art. 38 and 39, Provisions 2024).");

    /// <summary>
    /// <c>CBDT1003</c>. Format: <c>"{0} reaches '{1}' under {2}, whose mechanism is not adequate: {3} (via {4})"</c>.
    /// </summary>
    public static readonly DiagnosticDescriptor AuthorizationMechanismNotAdequate = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.AuthorizationMechanismNotAdequate,
        title: "The covering authorization's mechanism is not adequate for the data or the volumes",
        messageFormat: "{0} reaches '{1}' under {2}, whose mechanism is not adequate: {3} (via {4})",
        DiagnosticDescriptorHelper.TransferCategory,
        RuleLevel.BuildWarning,
        description: "The authorization that covers a flow names a mechanism the law does not accept for the flow's data classes, its declared yearly volumes (the worst case when none are declared), its exemption and the processor (PIPL Art. 38 and 40, Provisions 2024 Arts. 3 to 8).");

    /// <summary>
    /// <c>CBDT1004</c>. Format: <c>"{0} reaches '{1}' under {2}, which is not in force: {3} (via {4})"</c>.
    /// </summary>
    public static readonly DiagnosticDescriptor AuthorizationNotInForce = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.AuthorizationNotInForce,
        title: "The covering authorization is expired or not yet valid",
        messageFormat: "{0} reaches '{1}' under {2}, which is not in force: {3} (via {4})",
        DiagnosticDescriptorHelper.TransferCategory,
        RuleLevel.BuildWarning,
        description: "The authorization that covers a flow has expired or is not yet valid on the as-of date (the MSBuild property CrossBorderAsOfDate, today by default): a security assessment is valid for 3 years (Provisions 2024 Art. 9), a certificate for 3 years.");

    /// <summary><c>CBDT2001</c>. Format: <c>"[ImportantData] on '{0}' has no catalogue evidence: {1}"</c>.</summary>
    public static readonly DiagnosticDescriptor ImportantDataWithoutEvidence = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.ImportantDataWithoutEvidence,
        title: "Important data without catalogue evidence",
        messageFormat: "[ImportantData] on '{0}' has no catalogue evidence: {1}",
        DiagnosticDescriptorHelper.ClassificationCategory,
        RuleLevel.BuildWarning,
        description: "Data is important data for export purposes only when a department or region has notified it or published a catalogue naming it (Provisions 2024 Art. 2); the catalogue entry is that evidence. When the policy file declares catalogues the entry must be one of theirs.");

    /// <summary><c>CBDT2002</c>. Format: <c>"'{0}' looks like {1} but carries no classification; mark it [PersonalInformation], [SensitivePersonalInformation(...)] or [GeneralData]"</c>.</summary>
    public static readonly DiagnosticDescriptor UnclassifiedPersonalInformationName = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.UnclassifiedPersonalInformationName,
        title: "Member name looks like personal information but the member is unclassified",
        messageFormat: "'{0}' looks like {1} but carries no classification; mark it [PersonalInformation], [SensitivePersonalInformation(...)] or [GeneralData]",
        DiagnosticDescriptorHelper.ClassificationCategory,
        RuleLevel.IdeSuggestion,
        description: "A heuristic over member names in English and pinyin (IdCardNumber, PhoneNumber, Email, shenfenzheng, shoujihao, xingming, ...). Unclassified data is invisible to the flow rules; classify the member, or mark it [GeneralData] when it is not personal information.");

    /// <summary><c>CBDT2003</c>. Format: <c>"'{0}' is marked [{1}] and [{2}], which contradict each other"</c>.</summary>
    public static readonly DiagnosticDescriptor ContradictoryClassifications = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.ContradictoryClassifications,
        title: "Contradictory classifications",
        messageFormat: "'{0}' is marked [{1}] and [{2}], which contradict each other",
        DiagnosticDescriptorHelper.ClassificationCategory,
        RuleLevel.BuildWarning,
        description: "Anonymized data is by definition not personal information (PIPL Art. 4, Art. 73(4)); general data is by definition neither personal, important nor core data (GB/T 43697-2024). One of the two attributes is wrong, and the flow rules would follow the stricter one.");

    /// <summary><c>CBDT3001</c>. Format: <c>"{0} = &quot;{1}&quot; is not a calendar date in the form yyyy-MM-dd"</c>.</summary>
    public static readonly DiagnosticDescriptor DateNotIso = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.DateNotIso,
        title: "Declaration date is not a yyyy-MM-dd date",
        messageFormat: "{0} = \"{1}\" is not a calendar date in the form yyyy-MM-dd",
        DiagnosticDescriptorHelper.AuthorizationCategory,
        RuleLevel.BuildWarning,
        description: "IssuedOn, ValidUntil and NotifiedOn are strict ISO dates (yyyy-MM-dd, a real calendar day) so that validity can be computed and the manifest is unambiguous.");

    /// <summary><c>CBDT3002</c>. Format: <c>"ValidUntil is before IssuedOn: {0}"</c>.</summary>
    public static readonly DiagnosticDescriptor InvertedDates = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.InvertedDates,
        title: "Authorization ends before it is issued",
        messageFormat: "ValidUntil is before IssuedOn: {0}",
        DiagnosticDescriptorHelper.AuthorizationCategory,
        RuleLevel.BuildWarning,
        description: "The declared end of validity precedes the issue date; one of the dates is wrong.");

    /// <summary><c>CBDT3003</c>. Format: <c>"ValidUntil is later than the law allows: {0}"</c>.</summary>
    public static readonly DiagnosticDescriptor ValidityExceedsLaw = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.ValidityExceedsLaw,
        title: "Authorization is valid for longer than the law allows",
        messageFormat: "ValidUntil is later than the law allows: {0}",
        DiagnosticDescriptorHelper.AuthorizationCategory,
        RuleLevel.BuildWarning,
        description: "A security assessment result is valid for 3 years (2 before the 2024 Provisions) and may be extended once; a certificate for 3 years. A later ValidUntil is a typo or a misread decision.");

    /// <summary><c>CBDT3004</c>. Format: <c>"A {0} authorization needs a Reference (the assessment, filing, certificate or approval number)"</c>.</summary>
    public static readonly DiagnosticDescriptor MissingReference = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.MissingReference,
        title: "Authorization has no reference",
        messageFormat: "A {0} authorization needs a Reference (the assessment, filing, certificate or approval number)",
        DiagnosticDescriptorHelper.AuthorizationCategory,
        RuleLevel.BuildWarning,
        description: "Every mechanism but an exemption is evidenced by a document with a number: the CAC assessment result, the standard contract filing, the certificate or the approval. The reference ties the code to that document.");

    /// <summary><c>CBDT3005</c>. Format: <c>"Reference &quot;{0}&quot; does not match the {1} format '{2}'"</c>.</summary>
    public static readonly DiagnosticDescriptor ReferenceFormatMismatch = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.ReferenceFormatMismatch,
        title: "Authorization reference does not match its mechanism's format",
        messageFormat: "Reference \"{0}\" does not match the {1} format '{2}'",
        DiagnosticDescriptorHelper.AuthorizationCategory,
        RuleLevel.BuildWarning,
        description: "The policy file's referenceFormats set a regular expression per mechanism; the reference does not match it.");

    /// <summary><c>CBDT3006</c>. Format: <c>"{0}"</c>.</summary>
    public static readonly DiagnosticDescriptor UnknownJurisdiction = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.UnknownJurisdiction,
        title: "Jurisdiction is not an ISO 3166-1 alpha-2 code",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.AuthorizationCategory,
        RuleLevel.BuildWarning,
        description: "Jurisdictions are assigned ISO 3166-1 alpha-2 codes in upper case (GB, not UK; a member state, not EU).");

    /// <summary><c>CBDT3007</c>. Format: <c>"&quot;{0}&quot; is not a valid host pattern: {1}"</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidHostPattern = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.InvalidHostPattern,
        title: "Host pattern is invalid",
        messageFormat: "\"{0}\" is not a valid host pattern: {1}",
        DiagnosticDescriptorHelper.AuthorizationCategory,
        RuleLevel.BuildWarning,
        description: "Host and Endpoint take a host name, an IP address or a wildcard pattern (*.example.com) as described in docs/jurisdictions.md; anything else matches nothing.");

    /// <summary><c>CBDT3008</c>. Format: <c>"{0}"</c>.</summary>
    public static readonly DiagnosticDescriptor ExemptionMismatch = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.ExemptionMismatch,
        title: "Exemption basis and mechanism contradict each other",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.AuthorizationCategory,
        RuleLevel.BuildWarning,
        description: "Mechanism = Exemption needs the exemption basis it relies on (Provisions 2024 Arts. 3 to 6); any other mechanism takes no exemption basis.");

    /// <summary><c>CBDT3009</c>. Format: <c>"The {0} authorization expires on {1}, in {2} days as of {3} (warning window {4} days); apply for its renewal or extension in time"</c>.</summary>
    public static readonly DiagnosticDescriptor AuthorizationExpiresSoon = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.AuthorizationExpiresSoon,
        title: "Authorization expires soon",
        messageFormat: "The {0} authorization expires on {1}, in {2} days as of {3} (warning window {4} days); apply for its renewal or extension in time",
        DiagnosticDescriptorHelper.AuthorizationCategory,
        RuleLevel.BuildWarning,
        description: "The authorization's validity ends within the warning window (CBDT3009.warning_days in .editorconfig, else the policy file's defaults.expiryWarningDays, else 90 days). A security assessment extension must be applied for 60 working days before expiry (Provisions 2024 Art. 9).");

    /// <summary><c>CBDT3010</c>. Format: <c>"&quot;{0}&quot; is not a data category: {1}"</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidCategory = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.InvalidCategory,
        title: "Authorization data category is malformed",
        messageFormat: "\"{0}\" is not a data category: {1}",
        DiagnosticDescriptorHelper.AuthorizationCategory,
        RuleLevel.BuildWarning,
        description: "Categories take PersonalInformation, SensitivePersonalInformation[:Category], ImportantData[:EntryId] or CoreData; a misspelt category covers nothing.");

    private const string PolicyFileDescription = "The analyzers read the policy file (crossborder.json) with the same parser as the CLI and report its problems at their line and column; see docs/configuration.md.";

    /// <summary><c>CBDT9001</c>: Policy file is not valid JSON.</summary>
    public static readonly DiagnosticDescriptor PolicySyntaxError = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.SyntaxError,
        title: "Policy file is not valid JSON",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9002</c>: Unknown property in the policy file.</summary>
    public static readonly DiagnosticDescriptor PolicyUnknownProperty = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.UnknownProperty,
        title: "Unknown property in the policy file",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9003</c>: Policy file value has the wrong JSON type.</summary>
    public static readonly DiagnosticDescriptor PolicyWrongType = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.WrongType,
        title: "Policy file value has the wrong JSON type",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9004</c>: Policy file value is not an allowed enum member.</summary>
    public static readonly DiagnosticDescriptor PolicyInvalidEnumValue = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.InvalidEnumValue,
        title: "Policy file value is not an allowed enum member",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9005</c>: Policy file date is not a valid yyyy-MM-dd date.</summary>
    public static readonly DiagnosticDescriptor PolicyInvalidDate = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.InvalidDate,
        title: "Policy file date is not a valid yyyy-MM-dd date",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9006</c>: Policy file end date is before its start date.</summary>
    public static readonly DiagnosticDescriptor PolicyInvertedDates = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.InvertedDates,
        title: "Policy file end date is before its start date",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9007</c>: Policy file jurisdiction is not an ISO 3166-1 alpha-2 code.</summary>
    public static readonly DiagnosticDescriptor PolicyUnknownJurisdiction = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.UnknownJurisdiction,
        title: "Policy file jurisdiction is not an ISO 3166-1 alpha-2 code",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9008</c>: Duplicate id in the policy file.</summary>
    public static readonly DiagnosticDescriptor PolicyDuplicateId = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.DuplicateId,
        title: "Duplicate id in the policy file",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9009</c>: Required property missing from the policy file.</summary>
    public static readonly DiagnosticDescriptor PolicyMissingRequiredProperty = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.MissingRequiredProperty,
        title: "Required property missing from the policy file",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9010</c>: Policy file host or host pattern is invalid.</summary>
    public static readonly DiagnosticDescriptor PolicyInvalidHostPattern = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.InvalidHostPattern,
        title: "Policy file host or host pattern is invalid",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9011</c>: Policy file reference format is not a valid regular expression.</summary>
    public static readonly DiagnosticDescriptor PolicyInvalidRegex = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.InvalidRegex,
        title: "Policy file reference format is not a valid regular expression",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9012</c>: Unsupported policy file version.</summary>
    public static readonly DiagnosticDescriptor PolicyUnsupportedVersion = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.UnsupportedVersion,
        title: "Unsupported policy file version",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9013</c>: Policy file number is out of range.</summary>
    public static readonly DiagnosticDescriptor PolicyNumberOutOfRange = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.NumberOutOfRange,
        title: "Policy file number is out of range",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9014</c>: Policy file and attributes bind a host to different jurisdictions.</summary>
    public static readonly DiagnosticDescriptor PolicyEndpointConflict = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.EndpointConflict,
        title: "Policy file and attributes bind a host to different jurisdictions",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9015</c>: Policy file and attributes declare a transfer differently.</summary>
    public static readonly DiagnosticDescriptor PolicyTransferConflict = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.TransferConflict,
        title: "Policy file and attributes declare a transfer differently",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9016</c>: Policy file data category is malformed.</summary>
    public static readonly DiagnosticDescriptor PolicyInvalidCategory = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.InvalidCategory,
        title: "Policy file data category is malformed",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9017</c>: Transfer reference does not match its mechanism's format.</summary>
    public static readonly DiagnosticDescriptor PolicyReferenceFormatMismatch = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.ReferenceFormatMismatch,
        title: "Transfer reference does not match its mechanism's format",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9018</c>: Policy file values contradict each other.</summary>
    public static readonly DiagnosticDescriptor PolicyContradictoryValues = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.ContradictoryValues,
        title: "Policy file values contradict each other",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9019</c>: Policy file value has the wrong form.</summary>
    public static readonly DiagnosticDescriptor PolicyInvalidValue = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.InvalidValue,
        title: "Policy file value has the wrong form",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9020</c>: Policy file cannot be read.</summary>
    public static readonly DiagnosticDescriptor PolicyPolicyFileUnreadable = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.PolicyFileUnreadable,
        title: "Policy file cannot be read",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9021</c>: More than one policy file.</summary>
    public static readonly DiagnosticDescriptor PolicyMultiplePolicyFiles = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.MultiplePolicyFiles,
        title: "More than one policy file",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildError,
        description: PolicyFileDescription);

    /// <summary><c>CBDT9023</c>: Transfer category names an unknown catalogue entry.</summary>
    public static readonly DiagnosticDescriptor PolicyUnknownCatalogEntry = DiagnosticDescriptorHelper.Create(
        PolicyDiagnosticIds.UnknownCatalogEntry,
        title: "Transfer category names an unknown catalogue entry",
        messageFormat: "{0}",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildWarning,
        description: PolicyFileDescription);

    /// <summary>The policy-file rules <c>CBDT9001</c>-<c>CBDT9023</c> (titles as in Core's <see cref="PolicyDiagnosticIds.All"/>), keyed by id; the message is Core's.</summary>
    public static readonly ImmutableSortedDictionary<string, DiagnosticDescriptor> PolicyFile = CreatePolicyFileMap(
            PolicySyntaxError,
            PolicyUnknownProperty,
            PolicyWrongType,
            PolicyInvalidEnumValue,
            PolicyInvalidDate,
            PolicyInvertedDates,
            PolicyUnknownJurisdiction,
            PolicyDuplicateId,
            PolicyMissingRequiredProperty,
            PolicyInvalidHostPattern,
            PolicyInvalidRegex,
            PolicyUnsupportedVersion,
            PolicyNumberOutOfRange,
            PolicyEndpointConflict,
            PolicyTransferConflict,
            PolicyInvalidCategory,
            PolicyReferenceFormatMismatch,
            PolicyContradictoryValues,
            PolicyInvalidValue,
            PolicyPolicyFileUnreadable,
            PolicyMultiplePolicyFiles,
            PolicyUnknownCatalogEntry);

    /// <summary>
    /// <c>CBDT9201</c>. Format: <c>"The analyzer option '{0}' has the value '{1}', which is not {2}; the default, {3}, is used"</c>.
    /// </summary>
    public static readonly DiagnosticDescriptor InvalidAnalyzerOption = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.InvalidAnalyzerOption,
        title: "Analyzer option has an invalid value",
        messageFormat: "The analyzer option '{0}' has the value '{1}', which is not {2}; the default, {3}, is used",
        DiagnosticDescriptorHelper.ConfigurationCategory,
        RuleLevel.BuildWarning,
        description: "An option the CrossBorder analyzers read from .editorconfig or a global analyzer config (crossborder.entry_points, CBDT3009.warning_days) has a value they do not accept. The analyzers fall back to the option's default, which may hide or add findings, so the value is reported rather than ignored.");

    private static ImmutableSortedDictionary<string, DiagnosticDescriptor> CreatePolicyFileMap(params DiagnosticDescriptor[] descriptors)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in descriptors)
        {
            builder.Add(descriptor.Id, descriptor);
        }

        return builder.ToImmutable();
    }
}
