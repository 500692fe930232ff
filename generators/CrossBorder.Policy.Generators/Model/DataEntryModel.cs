using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Generators.Model;

/// <summary>What a directory entry describes.</summary>
internal enum EntryKind
{
    Type,
    Property,
    Field,
    Parameter,
    ReturnValue,
}

/// <summary>
/// One classified type or member: its stable id (the documentation comment id, such as
/// <c>P:Contoso.Patient.Email</c>), its data classes and the evidence the attributes give.
/// </summary>
/// <remarks>
/// Cacheability: strings, bools, ints, enums and <see cref="EquatableArray{T}"/> only; no symbol, syntax node or
/// compilation, and no line numbers, so an unrelated edit yields an equal model.
/// </remarks>
internal sealed record DataEntryModel
{
    public string Id { get; init; } = string.Empty;

    public EntryKind Kind { get; init; }

    /// <summary>The fully qualified C# name (<c>Contoso.Patient.Email</c>).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The id of the containing type, for members.</summary>
    public string? ContainingTypeId { get; init; }

    /// <summary>The fully qualified name of the containing type, for members.</summary>
    public string? ContainingTypeName { get; init; }

    /// <summary>The assembly that declares the type or member; null for this compilation.</summary>
    public string? Assembly { get; init; }

    /// <summary>The type carries no classification attribute of its own and is classified by its members.</summary>
    public bool IsDerived { get; init; }

    /// <summary>Personal information, including sensitive personal information (PIPL Art. 4, 28).</summary>
    public bool PersonalInformation { get; init; }

    public string? PersonalInformationCategory { get; init; }

    /// <summary>The PIPL Art. 28 categories (names of <c>SensitiveCategory</c>), ordinally sorted.</summary>
    public EquatableArray<string> SensitiveCategories { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The important-data catalogue evidence, one item per <c>[ImportantData]</c>, ordinally sorted.</summary>
    public EquatableArray<ImportantDataEvidence> ImportantData { get; init; } = EquatableArray<ImportantDataEvidence>.Empty;

    public bool CoreData { get; init; }

    public string? CoreDataBasis { get; init; }

    public bool GeneralData { get; init; }

    public int GeneralDataLevel { get; init; }

    public bool Anonymized { get; init; }

    public string? AnonymizationMethod { get; init; }

    /// <summary>The <c>[DataOrigin]</c> region, for example <c>CN-JS</c>.</summary>
    public string? DataOrigin { get; init; }

    public bool CollectedAbroad { get; init; }

    public string? Description { get; init; }

    /// <summary>For types: the data classes (names of Core's <c>DataClass</c>) carried by the classified members declared in the type, sorted.</summary>
    public EquatableArray<string> InheritedClasses { get; init; } = EquatableArray<string>.Empty;

    /// <summary>For types: the ids of those members, sorted.</summary>
    public EquatableArray<string> InheritedFrom { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>The catalogue evidence of one <c>[ImportantData]</c> attribute.</summary>
/// <remarks>Cacheability: strings only.</remarks>
internal sealed record ImportantDataEvidence(
    string CatalogEntry,
    string? Catalog,
    string? CatalogVersion,
    string? NotifiedBy,
    string? NotifiedOn,
    string? Domain,
    string? Description);
