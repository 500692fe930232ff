using System;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Manifest;

/// <summary>
/// The data directory (重要数据目录 and personal-information inventory) of one assembly: every classified type and
/// member, every endpoint binding, and the processor profile. Written as <c>data-directory.json</c>; see
/// <c>docs/manifest-format.md</c>.
/// </summary>
/// <remarks>
/// Cacheability: a graph of sealed records, strings, enums, <see cref="IsoDate"/> and <see cref="EquatableArray{T}"/>,
/// with no Roslyn symbol, so two directories built from equal declarations are equal. Call
/// <see cref="Canonicalize"/> before caching to make equality independent of the order symbols were visited.
/// </remarks>
public sealed record DataDirectory
{
    public DataDirectory(string assembly)
    {
        Assembly = assembly;
    }

    /// <summary>The simple name of the assembly that produced the directory.</summary>
    public string Assembly { get; init; }

    /// <summary>The processor profile (<c>[assembly: DataProcessor]</c> or the policy file), null when none is declared.</summary>
    public ProcessorProfile? Processor { get; init; }

    /// <summary>Every classified type and member, keyed by <see cref="DirectoryEntry.Id"/>.</summary>
    public EquatableArray<DirectoryEntry> Entries { get; init; }

    /// <summary>Every endpoint binding (<c>[ForeignEndpoint]</c>, <c>[DomesticEndpoint]</c>, policy file).</summary>
    public EquatableArray<EndpointBinding> Endpoints { get; init; }

    /// <summary>
    /// The canonical form of this directory: entries sorted by id, endpoint bindings and every set sorted ordinally
    /// with exact duplicates removed, empty strings turned into null. Throws <see cref="ArgumentException"/>
    /// when two entries share an id or a required value is missing.
    /// </summary>
    public DataDirectory Canonicalize() => Canonical.Directory(this);
}

/// <summary>The personal-information processor's profile, which decides the mechanism (PIPL Art. 40; Provisions 2024 Arts. 6, 7).</summary>
public sealed record ProcessorProfile
{
    /// <summary>The processor's legal name.</summary>
    public string? Name { get; init; }

    /// <summary>The processor is a critical information infrastructure operator (关键信息基础设施运营者).</summary>
    public bool CriticalInformationInfrastructureOperator { get; init; }

    /// <summary>The free-trade zone the processor is registered in, for example <c>"CN-SH-FTZ"</c>.</summary>
    public string? FreeTradeZone { get; init; }
}

/// <summary>What kind of symbol a directory entry describes.</summary>
public enum DirectoryEntryKind
{
    Type,
    Property,
    Field,
    Parameter,
    ReturnValue,
}

/// <summary>One classified type or member of the data directory.</summary>
public sealed record DirectoryEntry
{
    public DirectoryEntry(string id, string displayName, DirectoryEntryKind kind)
    {
        Id = id;
        DisplayName = displayName;
        Kind = kind;
    }

    /// <summary>
    /// The stable id: the documentation comment id of the symbol (<c>T:Acme.Patient</c>, <c>P:Acme.Patient.IdNumber</c>),
    /// or for parameters and return values the forms of <see cref="ManifestIds"/>.
    /// </summary>
    public string Id { get; init; }

    /// <summary>The symbol as a reader would name it (<c>Acme.Patient.IdNumber</c>).</summary>
    public string DisplayName { get; init; }

    public DirectoryEntryKind Kind { get; init; }

    /// <summary>The id of the containing type, for members, parameters and return values; null for top-level types.</summary>
    public string? ContainingTypeId { get; init; }

    /// <summary>The description given on the classification attribute.</summary>
    public string? Description { get; init; }

    /// <summary>The classification declared on the symbol itself.</summary>
    public DataClassification Classification { get; init; } = DataClassification.None;

    /// <summary>The data-origin label (<c>[DataOrigin]</c>), null when none is declared.</summary>
    public DataOriginLabel? Origin { get; init; }

    /// <summary>The name of the referenced assembly that declares the symbol; null when it is declared in this assembly.</summary>
    public string? ReferencedAssembly { get; init; }

    /// <summary>The data classes the symbol carries through the classified members it contains, transitively.</summary>
    public EquatableArray<DataClass> InheritedClasses { get; init; }

    /// <summary>The ids of the contained members that make the symbol classified transitively.</summary>
    public EquatableArray<string> InheritedFrom { get; init; }
}

/// <summary>
/// The classes declared on one symbol. It records declarations as written: conflicts (for example personal
/// information marked anonymized) are diagnostics of the analyzers, not corrected here.
/// </summary>
public sealed record DataClassification
{
    /// <summary>No class declared.</summary>
    public static DataClassification None { get; } = new();

    /// <summary>Personal information (<c>[PersonalInformation]</c>, PIPL Art. 4).</summary>
    public bool PersonalInformation { get; init; }

    /// <summary>The personal-information category of the organisation's taxonomy (<c>"contact"</c>).</summary>
    public string? PersonalInformationCategory { get; init; }

    /// <summary>The PIPL Art. 28 categories of sensitive personal information.</summary>
    public EquatableArray<SensitiveCategory> SensitiveCategories { get; init; }

    /// <summary>The important-data catalogue entries that classify the symbol, with their evidence.</summary>
    public EquatableArray<ImportantDataEvidence> ImportantData { get; init; }

    /// <summary>Core data (<c>[CoreData]</c>, DSL Art. 21 para. 2).</summary>
    public bool CoreData { get; init; }

    /// <summary>The catalogue or decision that makes the data core data.</summary>
    public string? CoreDataBasis { get; init; }

    /// <summary>Explicitly general data (<c>[GeneralData]</c>).</summary>
    public bool GeneralData { get; init; }

    /// <summary>The general-data sub-level (GB/T 43697-2024); null when not graded.</summary>
    public int? GeneralDataLevel { get; init; }

    /// <summary>The values are anonymized (<c>[Anonymized]</c>, PIPL Art. 73(4)).</summary>
    public bool Anonymized { get; init; }

    /// <summary>How the data was anonymized.</summary>
    public string? AnonymizationMethod { get; init; }

    /// <summary>
    /// The data classes these declarations name: sensitive categories imply sensitive personal information and
    /// personal information; important-data evidence implies important data. Sorted by name; not serialized.
    /// </summary>
    public EquatableArray<DataClass> DeclaredClasses => Canonical.ClassesOf(this);
}

/// <summary>
/// Catalogue evidence that makes data important data (Provisions 2024 Art. 2; NDSR Arts. 29, 37): the entry, the
/// catalogue and its version, or the department that notified the processor and when.
/// </summary>
public sealed record ImportantDataEvidence
{
    public ImportantDataEvidence(string entry)
    {
        Entry = entry;
    }

    /// <summary>The catalogue entry id or name (<c>"BIO-001"</c>).</summary>
    public string Entry { get; init; }

    public string? Catalog { get; init; }

    public string? CatalogVersion { get; init; }

    public string? NotifiedBy { get; init; }

    public IsoDate? NotifiedOn { get; init; }

    /// <summary>The industry domain (<c>"biomedicine"</c>).</summary>
    public string? Domain { get; init; }
}

/// <summary>Where data was collected or generated (<c>[DataOrigin]</c>).</summary>
public sealed record DataOriginLabel
{
    public DataOriginLabel(string region)
    {
        Region = region;
    }

    /// <summary>An ISO 3166-1 alpha-2 code, optionally with an ISO 3166-2 subdivision (<c>"CN-JS"</c>).</summary>
    public string Region { get; init; }

    /// <summary>Collected or generated outside mainland China (Provisions 2024 Art. 4).</summary>
    public bool CollectedAbroad { get; init; }
}

/// <summary>A binding of code to an endpoint (<c>[ForeignEndpoint]</c>, <c>[DomesticEndpoint]</c> or the policy file).</summary>
public sealed record EndpointBinding
{
    public EndpointBinding(string declaredOn)
    {
        DeclaredOn = declaredOn;
    }

    /// <summary>Where the binding is declared: a symbol id, <see cref="ManifestIds.Assembly"/> or <see cref="ManifestIds.PolicyFile"/>.</summary>
    public string DeclaredOn { get; init; }

    /// <summary>The host or host pattern (<c>"*.partner.sg"</c>); null when the binding names no host.</summary>
    public string? Host { get; init; }

    /// <summary>The ISO 3166-1 alpha-2 jurisdiction; null for domestic bindings that name none.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>The overseas recipient named by the binding.</summary>
    public string? Recipient { get; init; }

    /// <summary>The endpoint is inside mainland China (<c>[DomesticEndpoint]</c>).</summary>
    public bool Domestic { get; init; }
}
