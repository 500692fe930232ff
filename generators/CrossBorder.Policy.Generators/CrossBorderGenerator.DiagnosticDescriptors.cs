using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Generators;

public sealed partial class CrossBorderGenerator
{
    /// <summary>
    /// The generator's own diagnostics: only invalid values of its MSBuild switches. They share their ids with the
    /// warnings the package's <c>buildTransitive</c> targets raise for the same properties (CBDT9103 to CBDT9105). The
    /// targets replace an invalid value by its default before the compiler sees it, so the generator reports only
    /// what they cannot catch (a namespace part that is a C# keyword) or builds without the package's targets (a
    /// ProjectReference to the generator); the two never report the same value twice. Declarations (dates,
    /// jurisdictions, references) are validated by the analyzers; the generator skips or marks bad values.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "CrossBorder.Configuration";
        private const string HelpUriBase = "https://github.com/crossborder-policy/crossborder-policy/blob/main/docs/rules/";

        /// <summary>Format: <c>"CrossBorderDirectoryNamespace '{0}' is not a C# namespace (identifiers separated by dots); the data directory is generated in namespace {1} instead"</c>.</summary>
        public static readonly DiagnosticDescriptor InvalidDirectoryNamespace = new(
            id: "CBDT9103",
            title: "Invalid CrossBorderDirectoryNamespace",
            messageFormat: "CrossBorderDirectoryNamespace '{0}' is not a C# namespace (identifiers separated by dots); the data directory is generated in namespace {1} instead",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: HelpUriBase + "CBDT9103.md");

        /// <summary>Format: <c>"CrossBorderDirectoryAccessibility '{0}' is neither internal nor public; the data directory is generated {1}"</c>.</summary>
        public static readonly DiagnosticDescriptor InvalidDirectoryAccessibility = new(
            id: "CBDT9104",
            title: "Invalid CrossBorderDirectoryAccessibility",
            messageFormat: "CrossBorderDirectoryAccessibility '{0}' is neither internal nor public; the data directory is generated {1}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: HelpUriBase + "CBDT9104.md");

        /// <summary>Format: <c>"CrossBorderGenerateDirectory '{0}' is neither true nor false; the data directory is generated ({1})"</c>.</summary>
        public static readonly DiagnosticDescriptor InvalidGenerateDirectory = new(
            id: "CBDT9105",
            title: "Invalid CrossBorderGenerateDirectory",
            messageFormat: "CrossBorderGenerateDirectory '{0}' is neither true nor false; the data directory is generated ({1})",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: HelpUriBase + "CBDT9105.md");

        public static DiagnosticDescriptor For(string property) => property switch
        {
            CrossBorderMSBuildProperties.DirectoryNamespace => InvalidDirectoryNamespace,
            CrossBorderMSBuildProperties.DirectoryAccessibility => InvalidDirectoryAccessibility,
            _ => InvalidGenerateDirectory,
        };
    }
}
