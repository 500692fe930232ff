namespace CrossBorder.Policy.Analyzers;

/// <summary>
/// The severity rubric every descriptor is created with (idea from roslyn-analyzers' <c>RuleLevel</c>).
/// Unlike NetAnalyzers' dataflow rules, the transfer rules are the product: they are on by default, which
/// obliges them to be fast and precise.
/// </summary>
internal enum RuleLevel
{
    /// <summary>An error in the build and the IDE: a flow that no authorization can make lawful (core data abroad).</summary>
    BuildError,

    /// <summary>A warning in the build and the IDE: a flow that needs an authorization or a fix.</summary>
    BuildWarning,

    /// <summary>A suggestion in the IDE only: heuristics (a member whose name looks like personal information).</summary>
    IdeSuggestion,

    /// <summary>
    /// Reported with the hidden severity: no squiggle, no build output, but in the analyzer's results for tools
    /// (traceability records such as an authorized transfer).
    /// </summary>
    Traceability,

    /// <summary>Off unless configured.</summary>
    Disabled,
}
