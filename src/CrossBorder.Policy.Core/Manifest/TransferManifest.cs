using System;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Manifest;

/// <summary>
/// The transfer manifest (数据出境清单) of one assembly: the declared authorizations and the code paths that send
/// classified data abroad. Written as <c>transfers.json</c>; see <c>docs/manifest-format.md</c>.
/// </summary>
/// <remarks>
/// Cacheability: a graph of sealed records, strings, enums, <see cref="IsoDate"/> and <see cref="EquatableArray{T}"/>,
/// with no Roslyn symbol. Call <see cref="Canonicalize"/> before caching.
/// </remarks>
public sealed record TransferManifest
{
    public TransferManifest(string assembly)
    {
        Assembly = assembly;
    }

    /// <summary>The simple name of the assembly that produced the manifest.</summary>
    public string Assembly { get; init; }

    /// <summary>The exporting processor's profile, null when none is declared.</summary>
    public ProcessorProfile? Processor { get; init; }

    /// <summary>The declared authorizations, keyed by <see cref="TransferAuthorization.Id"/>.</summary>
    public EquatableArray<TransferAuthorization> Authorizations { get; init; }

    /// <summary>The code paths that reach a foreign or unresolved endpoint, keyed by <see cref="TransferFlow.Id"/>.</summary>
    public EquatableArray<TransferFlow> Flows { get; init; }

    /// <summary>
    /// The canonical form: authorizations and flows sorted by id, every set sorted ordinally with exact duplicates
    /// removed, empty strings turned into null. Call chains keep their order. Throws <see cref="ArgumentException"/>
    /// on a duplicate id or a missing required value.
    /// </summary>
    public TransferManifest Canonicalize() => Canonical.Manifest(this);
}

/// <summary>Which validity date of an authorization applies.</summary>
public enum ValidUntilSource
{
    /// <summary>Neither a declared nor a computed date exists (for example a standard contract, which has no fixed term).</summary>
    None,

    /// <summary>The declared <c>ValidUntil</c> applies.</summary>
    Declared,

    /// <summary>No date was declared; the regulation's default period counted from <c>IssuedOn</c> applies.</summary>
    Computed,
}

/// <summary>
/// One declared authorization to provide data abroad (<c>[CrossBorderTransfer]</c> or the policy file), with the
/// recipient-side facts of regulation.md §13 that the declaration records.
/// </summary>
public sealed record TransferAuthorization
{
    public TransferAuthorization(string id, TransferMechanism mechanism, string declaredOn)
    {
        Id = id;
        Mechanism = mechanism;
        DeclaredOn = declaredOn;
    }

    /// <summary>The authorization's stable id (declared, or derived by the generator when the declaration has none).</summary>
    public string Id { get; init; }

    public TransferMechanism Mechanism { get; init; }

    /// <summary>The exemption claimed; <see cref="ExemptionBasis.None"/> unless the mechanism is an exemption.</summary>
    public ExemptionBasis Exemption { get; init; }

    /// <summary>The reference number: assessment approval, filing number (备案编号) or certificate number.</summary>
    public string? Reference { get; init; }

    /// <summary>The authority that issued the reference (national CAC, provincial CAC, certification body, FTZ).</summary>
    public string? IssuingAuthority { get; init; }

    public IsoDate? IssuedOn { get; init; }

    /// <summary>The last day of validity as declared.</summary>
    public IsoDate? DeclaredValidUntil { get; init; }

    /// <summary>The last day of validity computed from <see cref="IssuedOn"/> and the regulation's default period.</summary>
    public IsoDate? ComputedValidUntil { get; init; }

    /// <summary>The validity date that applies: the declared one when present, else the computed one. Not a stored value.</summary>
    public IsoDate? ValidUntil => DeclaredValidUntil ?? ComputedValidUntil;

    /// <summary>Which date <see cref="ValidUntil"/> is. Not a stored value.</summary>
    public ValidUntilSource ValidUntilSource =>
        DeclaredValidUntil is not null ? ValidUntilSource.Declared
        : ComputedValidUntil is not null ? ValidUntilSource.Computed
        : ValidUntilSource.None;

    /// <summary>The overseas recipient (境外接收方).</summary>
    public string? Recipient { get; init; }

    /// <summary>The recipient's address (PIPL Art. 39).</summary>
    public string? RecipientAddress { get; init; }

    /// <summary>The recipient's contact person, title and channel (PIPL Art. 39; standard contract header).</summary>
    public string? RecipientContact { get; init; }

    /// <summary>The ISO 3166-1 alpha-2 code of the recipient's jurisdiction.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>The endpoint host or host pattern the authorization covers.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The purpose of processing (处理目的).</summary>
    public string? Purpose { get; init; }

    /// <summary>The method of processing (处理方式).</summary>
    public string? ProcessingMethod { get; init; }

    /// <summary>The transfer method (传输方式).</summary>
    public string? TransferMethod { get; init; }

    /// <summary>The lawful basis (PIPL Art. 13 item) or consent record reference.</summary>
    public string? LawfulBasis { get; init; }

    /// <summary>
    /// The data covered (<c>"PersonalInformation"</c>, <c>"SensitivePersonalInformation:MedicalHealth"</c>,
    /// <c>"ImportantData:BIO-001"</c>); empty means all that the mechanism can cover.
    /// </summary>
    public EquatableArray<string> Categories { get; init; }

    /// <summary>Estimated natural persons per calendar year whose non-sensitive personal information is provided; null when not declared.</summary>
    public long? EstimatedSubjectsPerYear { get; init; }

    /// <summary>Estimated natural persons per calendar year whose sensitive personal information is provided; null when not declared.</summary>
    public long? EstimatedSensitiveSubjectsPerYear { get; init; }

    /// <summary>Separate consent (单独同意) is obtained.</summary>
    public bool SeparateConsent { get; init; }

    /// <summary>How long the recipient keeps the data (<c>"P3Y"</c> or free text).</summary>
    public string? RetentionPeriod { get; init; }

    /// <summary>Where the recipient stores the data.</summary>
    public string? OverseasStorageLocation { get; init; }

    /// <summary>Third parties abroad that receive the data onward (SA Measures Art. 9(3); SCC App. 1(6)).</summary>
    public EquatableArray<string> OnwardRecipients { get; init; }

    /// <summary>Security measures (encryption, de-identification, access control).</summary>
    public EquatableArray<string> SecurityMeasures { get; init; }

    /// <summary>The personal-information protection impact assessment (PIPIA) report reference (PIPL Arts. 55, 56).</summary>
    public string? ImpactAssessmentReference { get; init; }

    public IsoDate? ImpactAssessmentCompletedOn { get; init; }

    /// <summary>Where the authorization is declared: a symbol id, <see cref="ManifestIds.Assembly"/> or <see cref="ManifestIds.PolicyFile"/>.</summary>
    public string DeclaredOn { get; init; }
}

/// <summary>How the jurisdiction of a flow's endpoint was determined (architecture.md, "Endpoints and jurisdictions").</summary>
public enum JurisdictionResolution
{
    /// <summary>The endpoint could not be determined at compile time.</summary>
    Unresolved,

    /// <summary>An endpoint in the policy file.</summary>
    PolicyFile,

    /// <summary>A <c>[ForeignEndpoint]</c> or <c>[DomesticEndpoint]</c> attribute.</summary>
    Attribute,

    /// <summary>The built-in knowledge base (mainland TLDs, cloud regional endpoints).</summary>
    KnowledgeBase,

    /// <summary>The host's country-code top-level domain.</summary>
    CountryCodeDomain,

    /// <summary>The configured default for unknown hosts.</summary>
    DefaultForUnknownHosts,
}

/// <summary>The verdict on one flow.</summary>
public enum FlowStatus
{
    /// <summary>An adequate, valid authorization covers the flow.</summary>
    Authorized,

    /// <summary>No authorization covers the flow (CBDT1001).</summary>
    Unauthorized,

    /// <summary>The covering authorization's mechanism is not adequate (CBDT1003).</summary>
    Inadequate,

    /// <summary>The covering authorization has expired (CBDT1004).</summary>
    Expired,

    /// <summary>The covering authorization is not yet valid (CBDT1004).</summary>
    NotYetValid,

    /// <summary>The flow carries core data (CBDT1002).</summary>
    Blocked,

    /// <summary>The endpoint's destination cannot be determined (CBDT1005).</summary>
    UnknownEndpoint,
}

/// <summary>One method of a call chain.</summary>
public sealed record CallStep
{
    public CallStep(string id, string display)
    {
        Id = id;
        Display = display;
    }

    /// <summary>The method's documentation comment id.</summary>
    public string Id { get; init; }

    /// <summary>The method as shown in messages (<c>TrialUploader.Upload(Patient)</c>).</summary>
    public string Display { get; init; }
}

/// <summary>One code path that sends classified data to a foreign or unresolved endpoint.</summary>
public sealed record TransferFlow
{
    public TransferFlow(string id, string sourceMethodId, string sinkId)
    {
        Id = id;
        SourceMethodId = sourceMethodId;
        SinkId = sinkId;
    }

    /// <summary>The flow's stable id.</summary>
    public string Id { get; init; }

    /// <summary>The id of the method where classified data enters the path.</summary>
    public string SourceMethodId { get; init; }

    /// <summary>The methods from the source to the method that calls the sink, in call order (not sorted).</summary>
    public EquatableArray<CallStep> CallChain { get; init; }

    /// <summary>The id of the sink method (<c>M:System.Net.Http.HttpClient.PostAsync(...)</c>).</summary>
    public string SinkId { get; init; }

    /// <summary>The sink as shown in messages.</summary>
    public string? SinkDisplay { get; init; }

    /// <summary>The endpoint host, null when unresolved.</summary>
    public string? EndpointHost { get; init; }

    /// <summary>The ISO 3166-1 alpha-2 jurisdiction of the endpoint, null when unresolved.</summary>
    public string? Jurisdiction { get; init; }

    public JurisdictionResolution JurisdictionResolution { get; init; }

    /// <summary>The data classes the flow carries.</summary>
    public EquatableArray<DataClass> DataClasses { get; init; }

    /// <summary>The categories the flow carries, in the vocabulary of <see cref="TransferAuthorization.Categories"/>.</summary>
    public EquatableArray<string> Categories { get; init; }

    /// <summary>The ids of the directory entries the data comes from.</summary>
    public EquatableArray<string> OriginMemberIds { get; init; }

    /// <summary>The id of the covering authorization, null when none covers the flow.</summary>
    public string? AuthorizationId { get; init; }

    public FlowStatus Status { get; init; }
}
