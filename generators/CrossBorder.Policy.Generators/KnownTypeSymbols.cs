using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Generators;

/// <summary>The CrossBorder.Policy attributes the generator reads.</summary>
internal enum AttributeKind
{
    None,
    PersonalInformation,
    SensitivePersonalInformation,
    ImportantData,
    CoreData,
    GeneralData,
    Anonymized,
    DataOrigin,
    ForeignEndpoint,
    DomesticEndpoint,
    CrossBorderTransfer,
    DataProcessor,
}

/// <summary>
/// The attribute types of CrossBorder.Policy, matched by fully-qualified metadata name (never by assembly identity,
/// so a library compiled against another version of the attribute assembly still matches). Resolved once per
/// compilation and cached.
/// </summary>
internal sealed class KnownTypeSymbols
{
    public const string AttributeNamespace = "CrossBorder.Policy";
    public const string PersonalInformationAttribute = "CrossBorder.Policy.PersonalInformationAttribute";
    public const string SensitivePersonalInformationAttribute = "CrossBorder.Policy.SensitivePersonalInformationAttribute";
    public const string ImportantDataAttribute = "CrossBorder.Policy.ImportantDataAttribute";
    public const string CoreDataAttribute = "CrossBorder.Policy.CoreDataAttribute";
    public const string GeneralDataAttribute = "CrossBorder.Policy.GeneralDataAttribute";
    public const string AnonymizedAttribute = "CrossBorder.Policy.AnonymizedAttribute";
    public const string DataOriginAttribute = "CrossBorder.Policy.DataOriginAttribute";
    public const string ForeignEndpointAttribute = "CrossBorder.Policy.ForeignEndpointAttribute";
    public const string DomesticEndpointAttribute = "CrossBorder.Policy.DomesticEndpointAttribute";
    public const string CrossBorderTransferAttribute = "CrossBorder.Policy.CrossBorderTransferAttribute";
    public const string DataProcessorAttribute = "CrossBorder.Policy.DataProcessorAttribute";

    /// <summary>The simple name of the attribute assembly, used to skip references that cannot carry classifications.</summary>
    public const string AttributeAssemblyName = "CrossBorder.Policy";

    /// <summary>The classification attributes, one <c>ForAttributeWithMetadataName</c> input each.</summary>
    public static readonly string[] ClassificationAttributes =
    {
        PersonalInformationAttribute,
        SensitivePersonalInformationAttribute,
        ImportantDataAttribute,
        CoreDataAttribute,
        GeneralDataAttribute,
        AnonymizedAttribute,
        DataOriginAttribute,
    };

    private static readonly ConditionalWeakTable<Compilation, KnownTypeSymbols> Cache = new();

    private KnownTypeSymbols(Compilation compilation)
    {
        PersonalInformation = GetBestTypeByMetadataName(compilation, PersonalInformationAttribute);
        TransferMechanism = GetBestTypeByMetadataName(compilation, "CrossBorder.Policy.TransferMechanism");
    }

    /// <summary><c>PersonalInformationAttribute</c>, or null when the attribute assembly is not referenced.</summary>
    public INamedTypeSymbol? PersonalInformation { get; }

    /// <summary>The <c>TransferMechanism</c> enum the generated code names.</summary>
    public INamedTypeSymbol? TransferMechanism { get; }

    /// <summary>Whether the compilation can use the generated directory (it names the public enums of CrossBorder.Policy).</summary>
    public bool AttributesAvailable => PersonalInformation is not null && TransferMechanism is not null;

    public static KnownTypeSymbols Get(Compilation compilation) =>
        Cache.GetValue(compilation, static c => new KnownTypeSymbols(c));

    /// <summary>Which CrossBorder.Policy attribute a class is, by namespace and metadata name.</summary>
    public static AttributeKind GetKind(INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null || attributeClass.TypeKind == TypeKind.Error || attributeClass.ContainingType is not null)
        {
            return AttributeKind.None;
        }

        var ns = attributeClass.ContainingNamespace;
        if (ns is null || ns.Name != "Policy" || ns.ContainingNamespace is not { Name: "CrossBorder" } parent ||
            parent.ContainingNamespace is not { IsGlobalNamespace: true })
        {
            return AttributeKind.None;
        }

        return attributeClass.MetadataName switch
        {
            "PersonalInformationAttribute" => AttributeKind.PersonalInformation,
            "SensitivePersonalInformationAttribute" => AttributeKind.SensitivePersonalInformation,
            "ImportantDataAttribute" => AttributeKind.ImportantData,
            "CoreDataAttribute" => AttributeKind.CoreData,
            "GeneralDataAttribute" => AttributeKind.GeneralData,
            "AnonymizedAttribute" => AttributeKind.Anonymized,
            "DataOriginAttribute" => AttributeKind.DataOrigin,
            "ForeignEndpointAttribute" => AttributeKind.ForeignEndpoint,
            "DomesticEndpointAttribute" => AttributeKind.DomesticEndpoint,
            "CrossBorderTransferAttribute" => AttributeKind.CrossBorderTransfer,
            "DataProcessorAttribute" => AttributeKind.DataProcessor,
            _ => AttributeKind.None,
        };
    }

    /// <summary>
    /// The type of that metadata name: the compilation's own first, else the single referenced one (a name defined in
    /// several references resolves to the one in the attribute assembly, else to none).
    /// </summary>
    private static INamedTypeSymbol? GetBestTypeByMetadataName(Compilation compilation, string metadataName)
    {
        var own = compilation.Assembly.GetTypeByMetadataName(metadataName);
        if (own is not null)
        {
            return own;
        }

        INamedTypeSymbol? found = null;
        var count = 0;
        foreach (var type in compilation.GetTypesByMetadataName(metadataName))
        {
            if (type.ContainingAssembly?.Name == AttributeAssemblyName)
            {
                return type;
            }

            found = type;
            count++;
        }

        return count == 1 ? found : null;
    }
}
