using System.Collections.Generic;
using CrossBorder.Policy.Core.Json;
using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.Regulation;

namespace CrossBorder.Policy.Core.PolicyFile;

// The model of crossborder.json. Every record keeps the position of the JSON value it came from so that hosts can
// report later findings (a conflict with an attribute, an expired reference) at the right line. Lists are
// IReadOnlyList: records holding them compare by reference; a generator pipeline projects what it needs into
// equatable models.

/// <summary>A parsed policy file. Sections absent from the file hold their defaults (empty lists, default options).</summary>
public sealed record PolicyDocument
{
    /// <summary>The file format version (<c>version</c>); 1 is the only version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The <c>$schema</c> value, if any (informational; editors use it).</summary>
    public string? Schema { get; init; }

    public ProcessorProfile? Processor { get; init; }

    public PolicyDefaults Defaults { get; init; } = new();

    public RegulationOptions Regulation { get; init; } = RegulationOptions.Default;

    public IReadOnlyList<EndpointDeclaration> Endpoints { get; init; } = new EndpointDeclaration[0];

    public IReadOnlyList<TransferDeclaration> Transfers { get; init; } = new TransferDeclaration[0];

    public IReadOnlyList<ImportantDataCatalog> Catalogs { get; init; } = new ImportantDataCatalog[0];

    public IReadOnlyList<NegativeList> NegativeLists { get; init; } = new NegativeList[0];

    public ReferenceFormats ReferenceFormats { get; init; } = ReferenceFormats.Default;
}

/// <summary>The <c>processor</c> section: mirrors <c>[assembly: DataProcessor]</c>.</summary>
public sealed record ProcessorProfile
{
    public string? Name { get; init; }

    /// <summary>The processor is a critical information infrastructure operator (PIPL Art. 40).</summary>
    public bool CriticalInformationInfrastructureOperator { get; init; }

    /// <summary>The free-trade zone the processor is registered in (matches <see cref="NegativeList.Zone"/>).</summary>
    public string? FreeTradeZone { get; init; }

    /// <summary>Natural persons whose personal information the processor processes in total (SA Measures 2022 Art. 4(2)); null when not declared.</summary>
    public long? ProcessedSubjects { get; init; }

    /// <summary>The 18-character unified social credit code (统一社会信用代码), for the manifest.</summary>
    public string? UnifiedSocialCreditCode { get; init; }

    /// <summary>Who answers for personal-information protection (PIPL Art. 52), for the manifest.</summary>
    public string? Contact { get; init; }

    public TextPosition Position { get; init; }
}

/// <summary>How hosts that no rule resolves are treated.</summary>
public enum UnknownHostMode
{
    /// <summary>Unknown hosts are foreign (the conservative default).</summary>
    Foreign,

    /// <summary>Unknown hosts are domestic (for intranet-only code bases).</summary>
    Domestic,

    /// <summary>Unknown hosts are in <see cref="PolicyDefaults.UnknownHostJurisdictionCode"/>.</summary>
    Jurisdiction,
}

/// <summary>The <c>defaults</c> section.</summary>
public sealed record PolicyDefaults
{
    public const int DefaultExpiryWarningDays = 90;

    /// <summary>How hosts that no rule resolves are treated. Default: foreign.</summary>
    public UnknownHostMode UnknownHostMode { get; init; } = UnknownHostMode.Foreign;

    /// <summary>The ISO code when <see cref="UnknownHostMode"/> is <see cref="UnknownHostMode.Jurisdiction"/>.</summary>
    public string? UnknownHostJurisdictionCode { get; init; }

    /// <summary>Days before a reference's expiry from which a warning is reported. Default 90.</summary>
    public int ExpiryWarningDays { get; init; } = DefaultExpiryWarningDays;

    /// <summary>The data-origin region for data without <c>[DataOrigin]</c> (<c>"CN-JS"</c>); null when not set.</summary>
    public string? DataOrigin { get; init; }

    /// <summary>Transfers without an explicit <c>validUntil</c> get one computed from <c>issuedOn</c> and the regulation's validity. Default true.</summary>
    public bool ComputeValidUntil { get; init; } = true;

    /// <summary>Every authorization must carry an id (so that the manifest and the policy file can link it). Default false.</summary>
    public bool RequireTransferIds { get; init; }
}

/// <summary>One entry of <c>endpoints</c>: mirrors <c>[ForeignEndpoint]</c> / <c>[DomesticEndpoint]</c>.</summary>
public sealed record EndpointDeclaration
{
    public string? Id { get; init; }

    /// <summary>The host or host pattern, lower case, as written (validated by <see cref="HostPattern"/>).</summary>
    public string Host { get; init; } = string.Empty;

    /// <summary>The ISO 3166-1 alpha-2 code; <c>"CN"</c> when <see cref="Domestic"/>.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>The endpoint is inside mainland China.</summary>
    public bool Domestic { get; init; }

    public string? Recipient { get; init; }

    public string? Description { get; init; }

    public TextPosition Position { get; init; }
}

/// <summary>One entry of <c>transfers</c>: mirrors <c>[CrossBorderTransfer]</c>.</summary>
public sealed record TransferDeclaration
{
    public string Id { get; init; } = string.Empty;

    public TransferMechanism Mechanism { get; init; }

    public string? Reference { get; init; }

    public IsoDate? IssuedOn { get; init; }

    /// <summary>The last day of validity as written; see <see cref="PolicyDefaults.ComputeValidUntil"/> for the computed default.</summary>
    public IsoDate? ValidUntil { get; init; }

    /// <summary>Who issued the result, filing or certificate (national CAC, provincial CAC, certification body, FTZ).</summary>
    public string? IssuingAuthority { get; init; }

    public string? Recipient { get; init; }

    public string? Jurisdiction { get; init; }

    public string? Endpoint { get; init; }

    public string? Purpose { get; init; }

    public ExemptionBasis Exemption { get; init; }

    /// <summary>The data covered; empty means all that the mechanism can cover.</summary>
    public IReadOnlyList<DataCategory> Categories { get; init; } = new DataCategory[0];

    public long EstimatedSubjectsPerYear { get; init; }

    public long EstimatedSensitiveSubjectsPerYear { get; init; }

    public bool SeparateConsent { get; init; }

    public string? RetentionPeriod { get; init; }

    public string? OverseasStorageLocation { get; init; }

    /// <summary>Third parties abroad that the recipient passes the data on to (SA Measures Art. 9(3); SCC App. 1(6)).</summary>
    public IReadOnlyList<string> OnwardRecipients { get; init; } = new string[0];

    /// <summary>SHA-256 of the approval, filing or certificate document, 64 lower-case hex digits.</summary>
    public string? DocumentSha256 { get; init; }

    public TextPosition Position { get; init; }
}

/// <summary>The <c>catalogs</c> section: an important-data catalogue (DSL Art. 21; NDSR Art. 29).</summary>
public sealed record ImportantDataCatalog
{
    public string Id { get; init; } = string.Empty;

    public string? Name { get; init; }

    public string? Version { get; init; }

    public string? Domain { get; init; }

    /// <summary>The department or region that published or notified the catalogue.</summary>
    public string? Authority { get; init; }

    public IsoDate? PublishedOn { get; init; }

    /// <summary>True when the catalogue was notified to the processor rather than publicly released.</summary>
    public bool Notified { get; init; }

    public IReadOnlyList<CatalogEntry> Entries { get; init; } = new CatalogEntry[0];

    public TextPosition Position { get; init; }
}

/// <summary>One entry of an important-data catalogue; attributes name it by <see cref="Id"/> (<c>[ImportantData("BIO-001")]</c>).</summary>
public sealed record CatalogEntry
{
    public string Id { get; init; } = string.Empty;

    public string? Name { get; init; }

    public string? Description { get; init; }

    public TextPosition Position { get; init; }
}

/// <summary>The data kinds a negative-list entry names.</summary>
public enum NegativeListDataKind
{
    ImportantData,
    PersonalInformation,
    SensitivePersonalInformation,
}

/// <summary>An FTZ data-export negative list (Provisions 2024 Art. 6; regulation §11).</summary>
public sealed record NegativeList
{
    /// <summary>The zone, matched against <see cref="ProcessorProfile.FreeTradeZone"/> (<c>"CN-TJ-FTZ"</c>).</summary>
    public string Zone { get; init; } = string.Empty;

    public string Edition { get; init; } = string.Empty;

    public string? ApprovedBy { get; init; }

    public IsoDate? PublishedOn { get; init; }

    public IsoDate? EffectiveFrom { get; init; }

    /// <summary>The list does not apply to critical information infrastructure operators. Default true (Shanghai's list; the conservative reading).</summary>
    public bool ExcludesCiio { get; init; } = true;

    public IReadOnlyList<NegativeListEntry> Entries { get; init; } = new NegativeListEntry[0];

    public TextPosition Position { get; init; }
}

/// <summary>One entry of a negative list: domain, business scenario, data category and its items (regulation §11).</summary>
public sealed record NegativeListEntry
{
    public string Id { get; init; } = string.Empty;

    public string? Domain { get; init; }

    public string? Scenario { get; init; }

    public string? Category { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Items { get; init; } = new string[0];

    public NegativeListDataKind DataKind { get; init; }

    /// <summary>The mechanism the list requires for this entry; null when the list does not say.</summary>
    public TransferMechanism? Mechanism { get; init; }

    /// <summary>Persons per calendar year from which the entry applies (scenario-specific thresholds); null means always.</summary>
    public long? Threshold { get; init; }

    public TextPosition Position { get; init; }
}
