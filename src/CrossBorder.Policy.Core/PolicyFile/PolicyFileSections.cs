using System.Collections.Generic;

namespace CrossBorder.Policy.Core.PolicyFile;

/// <summary>
/// The property names of every object in <c>crossborder.json</c>, by section path (<c>""</c> is the root,
/// <c>transfers[]</c> an item of <c>transfers</c>). The parser rejects any other name, and the tests check that
/// <c>schema/crossborder.schema.json</c> declares exactly these.
/// </summary>
public static class PolicyFileSections
{
    public const string Root = "";
    public const string Processor = "processor";
    public const string Defaults = "defaults";
    public const string Regulation = "regulation";
    public const string Endpoint = "endpoints[]";
    public const string Transfer = "transfers[]";
    public const string Catalog = "catalogs[]";
    public const string CatalogEntry = "catalogs[].entries[]";
    public const string NegativeList = "negativeLists[]";
    public const string NegativeListEntry = "negativeLists[].entries[]";
    public const string ReferenceFormats = "referenceFormats";

    /// <summary>Section path to its property names, in the order the documentation lists them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Properties { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [Root] = new[] { "$schema", "version", "processor", "defaults", "regulation", "endpoints", "transfers", "catalogs", "negativeLists", "referenceFormats" },
        [Processor] = new[] { "name", "criticalInformationInfrastructureOperator", "freeTradeZone", "processedSubjects", "unifiedSocialCreditCode", "contact" },
        [Defaults] = new[] { "unknownHostJurisdiction", "expiryWarningDays", "dataOrigin", "computeValidUntil", "requireTransferIds" },
        [Regulation] = new[]
        {
            "exemptionsApplyToCiio", "exemptedTransfersCountTowardVolumes", "legacyProcessedVolumeTrigger", "coreDataAllowedWithAuthorityApproval",
            "contractThreshold", "assessmentThreshold", "sensitiveAssessmentThreshold", "assessmentValidityYears", "certificationValidityYears",
            "assessmentExtensionWindowWorkingDays", "certificationRenewalMonths", "processedVolumeThreshold", "legacyAssessmentThreshold",
            "legacySensitiveAssessmentThreshold", "legacyAssessmentValidityYears", "assessmentExtensionYears",
        },
        [Endpoint] = new[] { "id", "host", "jurisdiction", "domestic", "recipient", "description" },
        [Transfer] = new[]
        {
            "id", "mechanism", "reference", "issuedOn", "validUntil", "issuingAuthority", "recipient", "jurisdiction", "endpoint", "purpose", "exemption",
            "categories", "estimatedSubjectsPerYear", "estimatedSensitiveSubjectsPerYear", "separateConsent", "retentionPeriod",
            "overseasStorageLocation", "onwardRecipients", "documentSha256",
        },
        [Catalog] = new[] { "id", "name", "version", "domain", "authority", "publishedOn", "notified", "entries" },
        [CatalogEntry] = new[] { "id", "name", "description" },
        [NegativeList] = new[] { "zone", "edition", "approvedBy", "publishedOn", "effectiveFrom", "excludesCiio", "entries" },
        [NegativeListEntry] = new[] { "id", "domain", "scenario", "category", "description", "items", "dataKind", "mechanism", "threshold" },
        [ReferenceFormats] = new[] { "SecurityAssessment", "StandardContract", "Certification", "AuthorityApproval" },
    };
}
