using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Generators;

public sealed partial class CrossBorderGenerator
{
    /// <summary>
    /// The generator's own diagnostics: only invalid values of its MSBuild switches, under the configuration id
    /// CBDT9022 ("Invalid CrossBorder MSBuild property value", docs/rules/CBDT9022.md) that the analyzers and the
    /// build task use for the package's other properties. Declarations (dates, jurisdictions,
    /// references) are validated by the analyzers (CBDT2xxx, CBDT3xxx); the generator skips or marks bad values.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        /// <summary>
        /// Format: <c>"The MSBuild property '{0}' has the invalid value '{1}'; '{2}' is used instead"</c>.
        /// </summary>
        public static readonly DiagnosticDescriptor InvalidGeneratorProperty = new(
            id: "CBDT9022",
            title: "Invalid CrossBorder MSBuild property value",
            messageFormat: "The MSBuild property '{0}' has the invalid value '{1}'; '{2}' is used instead",
            category: "CrossBorder.Configuration",
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "CrossBorderGenerateDirectory takes true or false; CrossBorderDirectoryAccessibility takes internal or public; CrossBorderDirectoryNamespace takes a dotted C# namespace.",
            helpLinkUri: "https://github.com/crossborder-policy/crossborder-policy/blob/main/docs/rules/CBDT9022.md");
    }
}
