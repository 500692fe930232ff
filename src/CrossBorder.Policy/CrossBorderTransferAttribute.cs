using System;

namespace CrossBorder.Policy;

/// <summary>
/// Declares an authorization to provide data abroad: the legal mechanism (PIPL Art. 38; Provisions 2024
/// Arts. 3 to 8), its reference number and validity, and the recipient, purpose and data it covers.
/// A flow is covered when the endpoint (host or pattern) or the recipient matches and the flow's data classes
/// are within <see cref="Categories"/>. Place it on the sending method, its type, the client type or the
/// assembly. Dates are ISO <c>yyyy-MM-dd</c>.
/// </summary>
/// <remarks>
/// The notice items of PIPL Art. 39 (recipient, contact, purpose, method, categories) and the facts a filing
/// records (Standard Contract Measures Art. 7, Appendix 1) map to the properties of this attribute, so the
/// generated manifest is the organisation's outbound-transfer register.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Assembly,
    AllowMultiple = true,
    Inherited = true)]
public sealed class CrossBorderTransferAttribute : Attribute
{
    /// <summary>A stable identifier of the authorization, for links from the policy file and the manifest.</summary>
    public string? Id { get; set; }

    /// <summary>The legal mechanism.</summary>
    public TransferMechanism Mechanism { get; set; }

    /// <summary>The reference number: the assessment approval number, the filing number (备案编号) of the standard contract, or the certificate number.</summary>
    public string? Reference { get; set; }

    /// <summary>The date the assessment result, filing or certificate was issued, ISO <c>yyyy-MM-dd</c>.</summary>
    public string? IssuedOn { get; set; }

    /// <summary>The last day of validity, ISO <c>yyyy-MM-dd</c>. When omitted, the regulation's validity period (three years for assessments and certificates) is counted from <see cref="IssuedOn"/>.</summary>
    public string? ValidUntil { get; set; }

    /// <summary>The overseas recipient (境外接收方).</summary>
    public string? Recipient { get; set; }

    /// <summary>The ISO 3166-1 alpha-2 code of the recipient's jurisdiction.</summary>
    public string? Jurisdiction { get; set; }

    /// <summary>The endpoint host or host pattern the authorization covers (<c>"*.cro.example.sg"</c>).</summary>
    public string? Endpoint { get; set; }

    /// <summary>The purpose of the transfer (PIPL Art. 39).</summary>
    public string? Purpose { get; set; }

    /// <summary>The exemption claimed when <see cref="Mechanism"/> is <see cref="TransferMechanism.Exemption"/>.</summary>
    public ExemptionBasis Exemption { get; set; }

    /// <summary>
    /// The data the authorization covers, for example <c>"PersonalInformation"</c>,
    /// <c>"SensitivePersonalInformation:MedicalHealth"</c> or <c>"ImportantData:BIO-001"</c>. Empty means all that the
    /// mechanism can cover.
    /// </summary>
    public string[]? Categories { get; set; }

    /// <summary>Estimated natural persons (deduplicated) whose non-sensitive personal information is provided per calendar year (Provisions 2024 Arts. 5(4), 7, 8).</summary>
    public long EstimatedSubjectsPerYear { get; set; }

    /// <summary>Estimated natural persons (deduplicated) whose sensitive personal information is provided per calendar year.</summary>
    public long EstimatedSensitiveSubjectsPerYear { get; set; }

    /// <summary>Separate consent (单独同意) is obtained where consent is the lawful basis (PIPL Art. 39).</summary>
    public bool SeparateConsent { get; set; }

    /// <summary>How long the recipient keeps the data, ISO 8601 duration (<c>"P3Y"</c>) or free text.</summary>
    public string? RetentionPeriod { get; set; }

    /// <summary>Where the recipient stores the data (country and, where known, data centre).</summary>
    public string? OverseasStorageLocation { get; set; }
}

/// <summary>
/// The personal-information processor's profile, which decides the mechanism: critical information
/// infrastructure operators need a security assessment for any personal information or important data
/// (PIPL Art. 40; Provisions 2024 Art. 7(1)); free-trade-zone processors may rely on the zone's negative list
/// (Provisions 2024 Art. 6).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class DataProcessorAttribute : Attribute
{
    /// <summary>The processor's legal name.</summary>
    public string? Name { get; set; }

    /// <summary>The processor is a critical information infrastructure operator (关键信息基础设施运营者).</summary>
    public bool CriticalInformationInfrastructureOperator { get; set; }

    /// <summary>The free-trade zone the processor is registered in, for example <c>"CN-JS-FTZ"</c> or <c>"CN-SH-FTZ"</c>; its negative list comes from the policy file.</summary>
    public string? FreeTradeZone { get; set; }
}
