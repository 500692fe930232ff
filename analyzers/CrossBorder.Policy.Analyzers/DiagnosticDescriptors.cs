using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers;

/// <summary>The descriptors of the analyzer assembly. Strings are literals here, one file per assembly.</summary>
internal static class DiagnosticDescriptors
{
    /// <summary>
    /// <c>CBDT1001</c>. Format: <c>"{0} from {1} reaches '{2}' ({3}) via {4} with no covering [CrossBorderTransfer] authorization"</c>.
    /// </summary>
    public static readonly DiagnosticDescriptor ClassifiedDataReachesForeignEndpoint = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.ClassifiedDataReachesForeignEndpoint,
        title: "Classified data reaches a foreign endpoint without an authorization",
        messageFormat: "{0} from {1} reaches '{2}' ({3}) via {4} with no covering [CrossBorderTransfer] authorization",
        DiagnosticDescriptorHelper.TransferCategory,
        RuleLevel.BuildWarning,
        description: "Personal information, sensitive personal information or important data flows to an endpoint outside mainland China, and no [CrossBorderTransfer] on the sending method, its type, the client type or the assembly covers the endpoint and the data (PIPL Art. 38, DSL Art. 31, Provisions 2024).");

    /// <summary>
    /// <c>CBDT1002</c>. Format: <c>"Core data from {0} reaches '{1}' ({2}) via {3}; core data must not leave mainland China without an authority approval"</c>.
    /// </summary>
    public static readonly DiagnosticDescriptor CoreDataReachesForeignEndpoint = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.CoreDataReachesForeignEndpoint,
        title: "Core data reaches a foreign endpoint",
        messageFormat: "Core data from {0} reaches '{1}' ({2}) via {3}; core data must not leave mainland China without an authority approval",
        DiagnosticDescriptorHelper.TransferCategory,
        RuleLevel.BuildError,
        description: "Core data is under a stricter management system (DSL Art. 21 para. 2); no transfer mechanism covers it. Only a [CrossBorderTransfer(Mechanism = TransferMechanism.AuthorityApproval)] that names the endpoint suppresses this rule.");

    /// <summary>
    /// <c>CBDT1005</c>. Format: <c>"{0} from {1} reaches an endpoint whose destination cannot be determined at compile time ({2}) via {3}"</c>.
    /// </summary>
    public static readonly DiagnosticDescriptor ClassifiedDataReachesUnresolvedEndpoint = DiagnosticDescriptorHelper.Create(
        RuleIdentifiers.ClassifiedDataReachesUnresolvedEndpoint,
        title: "Classified data reaches an endpoint whose destination is unknown at compile time",
        messageFormat: "{0} from {1} reaches an endpoint whose destination cannot be determined at compile time ({2}) via {3}",
        DiagnosticDescriptorHelper.TransferCategory,
        RuleLevel.BuildWarning,
        description: "Classified data flows to an outbound sink whose URL is neither a constant, nor a client BaseAddress, nor bound by [ForeignEndpoint]/[DomesticEndpoint]. Bind the client or the method to its endpoint so the transfer can be checked.");
}
