using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Extensions;

/// <summary>Type lookup that tolerates the same type name defined in several referenced assemblies.</summary>
internal static class CompilationExtensions
{
    /// <summary>
    /// Finds a type by metadata name: the compilation's own definition first, then the only accessible
    /// definition among the referenced assemblies; <see langword="null"/> when absent or ambiguous.
    /// </summary>
    public static INamedTypeSymbol? GetBestTypeByMetadataName(this Compilation compilation, string fullyQualifiedMetadataName)
    {
        var own = compilation.Assembly.GetTypeByMetadataName(fullyQualifiedMetadataName);
        if (own is not null)
        {
            return own;
        }

        INamedTypeSymbol? found = null;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            var candidate = assembly.GetTypeByMetadataName(fullyQualifiedMetadataName);
            if (candidate is null || candidate.DeclaredAccessibility != Accessibility.Public)
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = candidate;
        }

        return found;
    }
}
