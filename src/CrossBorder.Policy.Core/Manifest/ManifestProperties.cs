namespace CrossBorder.Policy.Core.Manifest;

/// <summary>
/// The property names of every object of the two documents, in their canonical order. The writer writes exactly
/// these, in this order; the reader requires them and rejects any other (docs/manifest-format.md).
/// </summary>
internal static class ManifestProperties
{
    public static readonly string[] DataDirectory =
        { "document", "schemaVersion", "assembly", "processor", "entries", "endpoints" };

    public static readonly string[] TransferManifest =
        { "document", "schemaVersion", "assembly", "processor", "authorizations", "flows" };

    public static readonly string[] Processor =
        { "name", "criticalInformationInfrastructureOperator", "freeTradeZone" };

    public static readonly string[] Entry =
    {
        "id", "kind", "displayName", "containingTypeId", "referencedAssembly", "description", "classification",
        "origin", "inheritedClasses", "inheritedFrom",
    };

    public static readonly string[] Classification =
    {
        "personalInformation", "personalInformationCategory", "sensitiveCategories", "importantData", "coreData",
        "coreDataBasis", "generalData", "generalDataLevel", "anonymized", "anonymizationMethod",
    };

    public static readonly string[] ImportantData =
        { "entry", "catalog", "catalogVersion", "notifiedBy", "notifiedOn", "domain" };

    public static readonly string[] Origin = { "region", "collectedAbroad" };

    public static readonly string[] Endpoint = { "declaredOn", "host", "jurisdiction", "domestic", "recipient" };

    public static readonly string[] Authorization =
    {
        "id", "mechanism", "exemption", "reference", "issuingAuthority", "issuedOn", "validUntil", "validUntilSource",
        "declaredValidUntil", "computedValidUntil", "recipient", "recipientAddress", "recipientContact", "jurisdiction",
        "endpoint", "purpose", "processingMethod", "transferMethod", "lawfulBasis", "categories",
        "estimatedSubjectsPerYear", "estimatedSensitiveSubjectsPerYear", "separateConsent", "retentionPeriod",
        "overseasStorageLocation", "onwardRecipients", "securityMeasures", "impactAssessmentReference",
        "impactAssessmentCompletedOn", "declaredOn",
    };

    public static readonly string[] Flow =
    {
        "id", "status", "sourceMethodId", "callChain", "sinkId", "sinkDisplay", "endpointHost", "jurisdiction",
        "jurisdictionResolution", "dataClasses", "categories", "originMemberIds", "authorizationId",
    };

    public static readonly string[] CallStep = { "id", "display" };
}
