namespace CrossBorder.Policy.Analyzers;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/>. Every flow diagnostic (<c>CBDT1001</c> to
/// <c>CBDT1006</c>) carries the facts of its flow under these keys, for the code fixes and for tools that list the
/// flows (<c>crossborder scan</c> builds the manifest's flows from them, never from the message text). A key is absent
/// when the analyzer does not know the value; list values are separated by <see cref="CategorySeparator"/>.
/// </summary>
public static class DiagnosticPropertyKeys
{
    /// <summary>The host the data reaches, as written in the URL or the binding (absent for an unnamed or unresolved endpoint).</summary>
    public const string Host = "Host";

    /// <summary>The ISO 3166-1 alpha-2 code of the recipient's jurisdiction, when it is known.</summary>
    public const string Jurisdiction = "Jurisdiction";

    /// <summary>
    /// How the jurisdiction was resolved, one of the names of the manifest's <c>JurisdictionResolution</c>:
    /// <c>PolicyFile</c>, <c>Attribute</c>, <c>KnowledgeBase</c>, <c>CountryCodeDomain</c>,
    /// <c>DefaultForUnknownHosts</c>, or <c>Unresolved</c> (CBDT1005).
    /// </summary>
    public const string JurisdictionResolution = "JurisdictionResolution";

    /// <summary>The overseas recipient named by the endpoint binding, else by the covering authorization, when there is one.</summary>
    public const string Recipient = "Recipient";

    /// <summary>
    /// The data categories of the flow in the vocabulary of <c>CrossBorderTransferAttribute.Categories</c>
    /// (<c>PersonalInformation</c>, <c>SensitivePersonalInformation:MedicalHealth</c>, <c>ImportantData:BIO-001</c>,
    /// <c>CoreData</c>), sorted ordinally, separated by <see cref="CategorySeparator"/>.
    /// </summary>
    public const string Categories = "Categories";

    /// <summary>
    /// The members the data came from (<c>HealthcareProfessional.Email</c>; a parameter of an entry point is
    /// <c>Method(parameter)</c>), sorted ordinally, separated by <see cref="CategorySeparator"/>. At most
    /// eight are kept per flow.
    /// </summary>
    public const string OriginMembers = "OriginMembers";

    /// <summary>The call chain from the reporting method to the sink: <c>SyncAsync -&gt; UpsertContactAsync -&gt; HttpClient.PutAsJsonAsync</c>.</summary>
    public const string Chain = "Chain";

    /// <summary>The sink the data reaches, the last step of <see cref="Chain"/> (<c>HttpClient.PutAsJsonAsync</c>).</summary>
    public const string Sink = "Sink";

    /// <summary>
    /// The id of the covering authorization (CBDT1003, CBDT1004, CBDT1006): its declared <c>Id</c>, else the id the
    /// manifest generator derives, <c>{declaredOn}/{Mechanism}/{Reference or Recipient}</c>.
    /// </summary>
    public const string AuthorizationId = "AuthorizationId";

    /// <summary>Where the covering authorization is declared, as the manifest's <c>declaredOn</c>: a documentation comment id, <c>assembly</c> or <c>policy-file</c>.</summary>
    public const string AuthorizationDeclaredOn = "AuthorizationDeclaredOn";

    /// <summary>The covering authorization's <c>Reference</c> (filing or approval number), when it has one.</summary>
    public const string AuthorizationReference = "AuthorizationReference";

    /// <summary>The covering authorization's <c>TransferMechanism</c> member name (<c>SecurityAssessment</c>).</summary>
    public const string Mechanism = "Mechanism";

    /// <summary>
    /// The verdict on the flow, one of the manifest's flow statuses: <see cref="StatusUnauthorized"/> (CBDT1001),
    /// <see cref="StatusBlocked"/> (CBDT1002), <see cref="StatusInadequate"/> (CBDT1003), <see cref="StatusExpired"/> or
    /// <see cref="StatusNotYetValid"/> (CBDT1004), <see cref="StatusUnknownEndpoint"/> (CBDT1005),
    /// <see cref="StatusAuthorized"/> (CBDT1006).
    /// </summary>
    public const string Status = "Status";

    /// <summary>A <see cref="Status"/> value: no authorization covers the flow.</summary>
    public const string StatusUnauthorized = "Unauthorized";

    /// <summary>A <see cref="Status"/> value: core data leaves without an authority approval.</summary>
    public const string StatusBlocked = "Blocked";

    /// <summary>A <see cref="Status"/> value: the covering authorization's mechanism is not adequate.</summary>
    public const string StatusInadequate = "Inadequate";

    /// <summary>A <see cref="Status"/> value: the covering authorization has expired.</summary>
    public const string StatusExpired = "Expired";

    /// <summary>A <see cref="Status"/> value: the covering authorization is not valid yet.</summary>
    public const string StatusNotYetValid = "NotYetValid";

    /// <summary>A <see cref="Status"/> value: the destination cannot be determined at compile time.</summary>
    public const string StatusUnknownEndpoint = "UnknownEndpoint";

    /// <summary>A <see cref="Status"/> value: an adequate authorization in force covers the flow.</summary>
    public const string StatusAuthorized = "Authorized";

    /// <summary>The separator of the values of <see cref="Categories"/> and <see cref="OriginMembers"/>.</summary>
    public const char CategorySeparator = '\n';

    /// <summary>CBDT2002: the <c>SensitiveCategory</c> member name when the name table says the member is sensitive (absent otherwise).</summary>
    public const string SensitiveCategory = "SensitiveCategory";
}
