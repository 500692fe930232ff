using System;

namespace CrossBorder.Policy;

/// <summary>
/// Marks a type or member as personal information (个人信息): "any information, recorded electronically or
/// otherwise, relating to an identified or identifiable natural person, excluding anonymized information"
/// (PIPL Art. 4). Providing it abroad needs a mechanism of PIPL Art. 38 or a named exemption of the
/// 2024 Provisions, plus notice and separate consent (PIPL Art. 39).
/// </summary>
/// <remarks>
/// A type is classified by its own attribute and, transitively, by the classified members it contains,
/// through nested objects, arrays, collections, dictionaries, <see cref="Nullable{T}"/>, tasks and tuples.
/// </remarks>
[AttributeUsage(ClassificationTargets.All, AllowMultiple = false, Inherited = true)]
public sealed class PersonalInformationAttribute : Attribute
{
    /// <summary>Free-text category from the organisation's taxonomy, for example <c>"contact"</c> or <c>"identity"</c>.</summary>
    public string? Category { get; set; }

    /// <summary>What the data is, for the generated data directory.</summary>
    public string? Description { get; set; }
}

/// <summary>
/// Marks a type or member as sensitive personal information (敏感个人信息), PIPL Art. 28: information whose leak
/// or illegal use easily harms the dignity or the personal or property safety of a natural person.
/// Sensitive personal information is also personal information. It needs separate consent (PIPL Art. 29)
/// and counts toward the 10 000-person security-assessment threshold (Provisions 2024 Art. 7(2)); it is
/// excluded from the low-volume exemption (Art. 5(4)).
/// </summary>
[AttributeUsage(ClassificationTargets.All, AllowMultiple = true, Inherited = true)]
public sealed class SensitivePersonalInformationAttribute : Attribute
{
    /// <summary>Creates the attribute for one PIPL Art. 28 category.</summary>
    /// <param name="category">The sensitive category.</param>
    public SensitivePersonalInformationAttribute(SensitiveCategory category)
    {
        Category = category;
    }

    /// <summary>The PIPL Art. 28 category.</summary>
    public SensitiveCategory Category { get; }

    /// <summary>What the data is, for the generated data directory.</summary>
    public string? Description { get; set; }
}

/// <summary>
/// Marks a type or member as important data (重要数据), DSL Art. 21 and Network Data Security Regulations
/// Art. 62(4), with the catalogue evidence that makes it so. Data becomes important data for export purposes
/// when a department or region has notified the processor or publicly released a catalogue naming it
/// (Provisions 2024 Art. 2); it cannot be inferred from types, so the evidence is required.
/// Important data leaves only after a CAC security assessment (Security Assessment Measures Art. 4(1);
/// Provisions 2024 Art. 7).
/// </summary>
[AttributeUsage(ClassificationTargets.All, AllowMultiple = true, Inherited = true)]
public sealed class ImportantDataAttribute : Attribute
{
    /// <summary>Creates the attribute with the catalogue entry that classifies the data.</summary>
    /// <param name="catalogEntry">The entry id or name in the catalogue, for example <c>"BIO-001"</c>.</param>
    public ImportantDataAttribute(string catalogEntry)
    {
        CatalogEntry = catalogEntry;
    }

    /// <summary>The entry id or name in the catalogue, for example <c>"BIO-001"</c>.</summary>
    public string CatalogEntry { get; }

    /// <summary>The catalogue or negative list that names the data, for example <c>"JS-FTZ-Biomedicine"</c>.</summary>
    public string? Catalog { get; set; }

    /// <summary>The catalogue's version or publication date.</summary>
    public string? CatalogVersion { get; set; }

    /// <summary>The department or region that notified the processor, where the data was notified rather than published.</summary>
    public string? NotifiedBy { get; set; }

    /// <summary>The date of the notification, ISO <c>yyyy-MM-dd</c>.</summary>
    public string? NotifiedOn { get; set; }

    /// <summary>The industry domain, for example <c>"biomedicine"</c>, <c>"industrial-internet"</c>, <c>"integrated-circuits"</c>, <c>"ai"</c>.</summary>
    public string? Domain { get; set; }

    /// <summary>What the data is, for the generated data directory.</summary>
    public string? Description { get; set; }
}

/// <summary>
/// Marks a type or member as core data (核心数据): data concerning national security, lifelines of the national
/// economy, important livelihood or major public interest, under a "stricter management system" (DSL Art. 21
/// para. 2). No export mechanism exists for it; the tool blocks every outbound flow unless an explicit authority
/// approval is recorded.
/// </summary>
[AttributeUsage(ClassificationTargets.All, AllowMultiple = false, Inherited = true)]
public sealed class CoreDataAttribute : Attribute
{
    /// <summary>The catalogue or decision that classifies the data as core data.</summary>
    public string? Basis { get; set; }

    /// <summary>What the data is, for the generated data directory.</summary>
    public string? Description { get; set; }
}

/// <summary>
/// Marks a type or member explicitly as general data (一般数据): data other than core and important data
/// (GB/T 43697-2024). Use it to record that a type was reviewed and found to carry no personal information.
/// </summary>
[AttributeUsage(ClassificationTargets.All, AllowMultiple = false, Inherited = true)]
public sealed class GeneralDataAttribute : Attribute
{
    /// <summary>The general-data sub-level of the organisation's grading scheme (GB/T 43697-2024), 0 when not graded.</summary>
    public int Level { get; set; }

    /// <summary>What the data is, for the generated data directory.</summary>
    public string? Description { get; set; }
}

/// <summary>
/// Values of this type or member are anonymized (匿名化): they cannot identify a natural person and cannot be
/// restored (PIPL Art. 73(4)), so they are not personal information (PIPL Art. 4). De-identified data
/// (去标识化, Art. 73(3)) is still personal information: do not use this attribute for it.
/// </summary>
[AttributeUsage(ClassificationTargets.All, AllowMultiple = false, Inherited = true)]
public sealed class AnonymizedAttribute : Attribute
{
    /// <summary>How the data was anonymized, for auditors.</summary>
    public string? Method { get; set; }

    /// <summary>What the data is, for the generated data directory.</summary>
    public string? Description { get; set; }
}

/// <summary>
/// Labels where the data was collected or generated, for traceability of what went abroad, for example
/// <c>"CN-JS"</c> (Jiangsu) or <c>"SG"</c>. Data collected abroad and re-exported without domestic personal
/// information or important data may be exempt (Provisions 2024 Art. 4).
/// </summary>
[AttributeUsage(ClassificationTargets.All, AllowMultiple = false, Inherited = true)]
public sealed class DataOriginAttribute : Attribute
{
    /// <summary>Creates the label.</summary>
    /// <param name="region">An ISO 3166-1 alpha-2 code, optionally with an ISO 3166-2 subdivision (<c>"CN-JS"</c>).</param>
    public DataOriginAttribute(string region)
    {
        Region = region;
    }

    /// <summary>An ISO 3166-1 alpha-2 code, optionally with an ISO 3166-2 subdivision (<c>"CN-JS"</c>).</summary>
    public string Region { get; }

    /// <summary>The data was collected or generated outside mainland China (Provisions 2024 Art. 4).</summary>
    public bool CollectedAbroad { get; set; }
}

internal static class ClassificationTargets
{
    public const AttributeTargets All =
        AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface |
        AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter |
        AttributeTargets.ReturnValue;
}
