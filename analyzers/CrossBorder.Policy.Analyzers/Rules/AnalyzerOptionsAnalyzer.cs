using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using CrossBorder.Policy.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrossBorder.Policy.Analyzers.Rules;

/// <summary>
/// CBDT9201: an analyzer option (<see cref="AnalyzerOptionKeys"/>) read from <c>.editorconfig</c> or a global analyzer
/// config has a value the analyzers do not accept. The option is read per file, so each distinct (key, value) pair is
/// reported once per compilation, without a source location (the value lives in a config file the compiler does not
/// give positions for); the message names the key and the value.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AnalyzerOptionsAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The largest expiry window CBDT3009 accepts, in days (ten years).</summary>
    internal const int MaxWarningDays = 3650;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InvalidAnalyzerOption);

    /// <summary>Whether <paramref name="text"/> is a valid <c>CBDT3009.warning_days</c>: a whole number of days from 0 to <see cref="MaxWarningDays"/>.</summary>
    internal static bool TryParseWarningDays(string text, out int days)
    {
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out days) && days <= MaxWarningDays;
    }

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (!KnownTypeSymbols.Create(start.Compilation, start.CancellationToken).ReferencesPolicyAttributes)
            {
                return;
            }

            var reported = new ConcurrentDictionary<string, bool>(System.StringComparer.Ordinal);
            start.RegisterSyntaxTreeAction(treeContext =>
            {
                var options = treeContext.Options.AnalyzerConfigOptionsProvider.GetOptions(treeContext.Tree);
                if (options.TryGetValue(AnalyzerOptionKeys.EntryPoints, out var entryPoints) && !FlowEngine.TryParseEntryPointMode(entryPoints, out _))
                {
                    Report(treeContext, reported, AnalyzerOptionKeys.EntryPoints, entryPoints, "uncalled, public or none", "uncalled");
                }

                if (options.TryGetValue(AnalyzerOptionKeys.ExpiryWarningDays, out var warningDays) && !TryParseWarningDays(warningDays, out _))
                {
                    Report(treeContext, reported, AnalyzerOptionKeys.ExpiryWarningDays, warningDays, "a whole number of days from 0 to 3650", "the policy file's defaults.expiryWarningDays, else 90");
                }
            });
        });
    }

    private static void Report(SyntaxTreeAnalysisContext context, ConcurrentDictionary<string, bool> reported, string key, string value, string expected, string fallback)
    {
        if (reported.TryAdd(key + "\n" + value, true))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidAnalyzerOption, Location.None, key, value, expected, fallback));
        }
    }
}
