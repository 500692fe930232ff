using System.Threading;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers;

/// <summary>
/// The symbols the analyzers need, resolved once per compilation. Attributes themselves are matched by fully
/// qualified metadata name (<see cref="PolicyAttributeNames"/>), not by symbol identity, so that classifications
/// compiled into referenced assemblies against another copy of the attribute assembly still count.
/// </summary>
internal sealed class KnownTypeSymbols
{
    private KnownTypeSymbols(Compilation compilation, bool referencesPolicyAttributes)
    {
        Compilation = compilation;
        ReferencesPolicyAttributes = referencesPolicyAttributes;
    }

    /// <summary>The compilation the symbols come from.</summary>
    public Compilation Compilation { get; }

    /// <summary>Whether the compilation defines or references the CrossBorder.Policy attributes; the analyzers do nothing otherwise.</summary>
    public bool ReferencesPolicyAttributes { get; }

    /// <summary>Resolves the symbols of <paramref name="compilation"/>.</summary>
    public static KnownTypeSymbols Create(Compilation compilation, CancellationToken cancellationToken)
    {
        const string probe = PolicyAttributeNames.Namespace + "." + PolicyAttributeNames.PersonalInformation;
        var found = compilation.Assembly.GetTypeByMetadataName(probe) is not null;
        if (!found)
        {
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (assembly.GetTypeByMetadataName(probe) is not null)
                {
                    found = true;
                    break;
                }
            }
        }

        return new KnownTypeSymbols(compilation, found);
    }
}

/// <summary>The metadata names of the public attributes of <c>CrossBorder.Policy</c>, and the matcher.</summary>
internal static class PolicyAttributeNames
{
    public const string Namespace = "CrossBorder.Policy";
    public const string PersonalInformation = "PersonalInformationAttribute";
    public const string SensitivePersonalInformation = "SensitivePersonalInformationAttribute";
    public const string ImportantData = "ImportantDataAttribute";
    public const string CoreData = "CoreDataAttribute";
    public const string Anonymized = "AnonymizedAttribute";
    public const string Anonymizer = "AnonymizerAttribute";
    public const string DataSink = "DataSinkAttribute";
    public const string ForeignEndpoint = "ForeignEndpointAttribute";
    public const string DomesticEndpoint = "DomesticEndpointAttribute";
    public const string CrossBorderTransfer = "CrossBorderTransferAttribute";
    public const string DataProcessor = "DataProcessorAttribute";
    public const string GeneralData = "GeneralDataAttribute";

    /// <summary>Whether <paramref name="attribute"/> is <c>CrossBorder.Policy.{name}</c>, from any assembly.</summary>
    public static bool Is(AttributeData attribute, string name) => IsType(attribute.AttributeClass, name);

    /// <summary>Whether <paramref name="type"/> is <c>CrossBorder.Policy.{name}</c>, from any assembly.</summary>
    public static bool IsType(INamedTypeSymbol? type, string name)
    {
        return type is not null
            && string.Equals(type.MetadataName, name, System.StringComparison.Ordinal)
            && type.ContainingType is null
            && type.ContainingNamespace is { Name: "Policy" } policy
            && policy.ContainingNamespace is { Name: "CrossBorder" } root
            && root.ContainingNamespace is { IsGlobalNamespace: true };
    }

    /// <summary>Whether <paramref name="symbol"/> carries <c>CrossBorder.Policy.{name}</c>.</summary>
    public static bool Has(ISymbol symbol, string name)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (Is(attribute, name))
            {
                return true;
            }
        }

        return false;
    }
}
