using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Generators;

public sealed partial class CrossBorderGenerator
{
    /// <summary>
    /// The generator's own diagnostics: only invalid MSBuild switches. Declarations (dates, jurisdictions,
    /// references) are validated by the analyzers (CBDT2xxx, CBDT3xxx); the generator skips or marks bad values.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        /// <summary>
        /// Format: <c>"The MSBuild property '{0}' has the invalid value '{1}'; '{2}' is used instead"</c>.
        /// </summary>
        public static readonly DiagnosticDescriptor InvalidGeneratorProperty = new(
            id: "CBDT9050",
            title: "Invalid CrossBorder generator MSBuild property",
            messageFormat: "The MSBuild property '{0}' has the invalid value '{1}'; '{2}' is used instead",
            category: "CrossBorder.Configuration",
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "CrossBorderGenerateDirectory takes true or false; CrossBorderDirectoryAccessibility takes internal or public; CrossBorderDirectoryNamespace takes a dotted C# namespace.",
            helpLinkUri: "https://github.com/crossborder-policy/crossborder-policy/blob/main/docs/rules/CBDT9050.md");
    }
}
