using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.PolicyFile;
using Microsoft.CodeAnalysis.Diagnostics;
using System.Collections.Immutable;

namespace CrossBorder.Policy.Analyzers;

/// <summary>
/// Every analyzer config key the analyzers read: the one list. The analyzers read options only through these
/// constants; the analyzer tests (<c>RuleDocumentationTests</c>) fail when an analyzer source names a key outside this
/// class, or when a key of <see cref="All"/> is not named on the pages of the rules it affects and in
/// docs/configuration.md.
/// </summary>
public static class AnalyzerOptionKeys
{
    /// <summary>The as-of date, <c>yyyy-MM-dd</c>: the MSBuild property <c>CrossBorderAsOfDate</c>, made compiler-visible by the package.</summary>
    public const string AsOfDate = "build_property.CrossBorderAsOfDate";

    /// <summary>The metadata that marks the policy file among the additional files (<c>CrossBorderKind=PolicyFile</c>, set by the package's targets).</summary>
    public const string PolicyFileKind = "build_metadata.AdditionalFiles.CrossBorderKind";

    /// <summary>The expiry window of CBDT3009, in days, from <c>.editorconfig</c>.</summary>
    public const string ExpiryWarningDays = "CBDT3009.warning_days";

    /// <summary>Which methods report the flows of their parameters themselves: <c>uncalled</c> (default), <c>public</c> or <c>none</c>.</summary>
    public const string EntryPoints = "crossborder.entry_points";

    /// <summary>
    /// The as-of date a project configures (<see cref="AsOfDate"/>, surrounding spaces ignored); false when it is missing
    /// or not a valid <c>yyyy-MM-dd</c> date. The analyzers then use today; <c>crossborder scan</c> reads it the same way.
    /// </summary>
    public static bool TryGetAsOfDate(AnalyzerConfigOptions globalOptions, out IsoDate date)
    {
        date = default;
        return globalOptions.TryGetValue(AsOfDate, out var text) && IsoDate.TryParse(text.Trim(), out date);
    }

    /// <summary>Every key, with the name a user writes and the rules whose results it changes.</summary>
    internal static ImmutableArray<AnalyzerOptionKey> All { get; } = ImmutableArray.Create(
        new AnalyzerOptionKey(AsOfDate, "CrossBorderAsOfDate", RuleIdentifiers.AuthorizationMechanismNotAdequate, RuleIdentifiers.AuthorizationNotInForce, RuleIdentifiers.AuthorizationExpiresSoon),
        new AnalyzerOptionKey(PolicyFileKind, "CrossBorderKind", PolicyDiagnosticIds.MultiplePolicyFiles),
        new AnalyzerOptionKey(ExpiryWarningDays, "CBDT3009.warning_days", RuleIdentifiers.AuthorizationExpiresSoon, RuleIdentifiers.InvalidAnalyzerOption),
        new AnalyzerOptionKey(EntryPoints, "crossborder.entry_points", RuleIdentifiers.ClassifiedDataReachesForeignEndpoint, RuleIdentifiers.InvalidAnalyzerOption));
}

/// <summary>One analyzer config key.</summary>
internal sealed class AnalyzerOptionKey
{
    public AnalyzerOptionKey(string key, string documentedName, params string[] rules)
    {
        Key = key;
        DocumentedName = documentedName;
        Rules = ImmutableArray.Create(rules);
    }

    /// <summary>The key as the analyzers read it from the analyzer config options.</summary>
    public string Key { get; }

    /// <summary>The name a user writes (an MSBuild property or metadata, or the <c>.editorconfig</c> key); the documentation must name it.</summary>
    public string DocumentedName { get; }

    /// <summary>The rules whose pages must name <see cref="DocumentedName"/>.</summary>
    public ImmutableArray<string> Rules { get; }
}
