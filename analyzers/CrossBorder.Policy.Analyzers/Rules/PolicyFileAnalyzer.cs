using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CrossBorder.Policy.Analyzers.Policy;
using CrossBorder.Policy.Core.PolicyFile;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrossBorder.Policy.Analyzers.Rules;

/// <summary>
/// The policy-file rules CBDT9001-CBDT9023: Core's parser reads the file once per compilation (cached by
/// <see cref="PolicyContext.Provider"/>) and each of its diagnostics is reported at its line and column in the file,
/// from an additional-file action so that the IDE shows them live. A second policy file is CBDT9021 on that file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PolicyFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.PolicyFile.Values.ToImmutableArray();

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var policy = PolicyContext.Create(context.Options, text => context.TryGetValue(text, PolicyContext.Provider, out var result) ? result : null);
        if (policy.Files.IsEmpty)
        {
            return;
        }

        var byPath = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < policy.Files.Length; i++)
        {
            byPath[policy.Files[i].Text.Path] = i;
        }

        context.RegisterAdditionalFileAction(fileContext =>
        {
            if (!byPath.TryGetValue(fileContext.AdditionalFile.Path, out var index))
            {
                return;
            }

            var (file, result) = policy.Files[index];
            var text = file.GetText(fileContext.CancellationToken);
            if (index > 0)
            {
                var first = policy.Files[0].Text.Path;
                Report(fileContext, DiagnosticDescriptors.PolicyFile[PolicyDiagnosticIds.MultiplePolicyFiles], PolicyContext.GetLocation(file, text, new Core.Json.TextPosition(1, 1)), PolicyDiagnosticSeverity.Error, "More than one policy file is given to this project; '" + file.Path + "' is ignored and '" + first + "' is used");
                return;
            }

            if (result is null)
            {
                Report(fileContext, DiagnosticDescriptors.PolicyFile[PolicyDiagnosticIds.PolicyFileUnreadable], Location.Create(file.Path, default, default), PolicyDiagnosticSeverity.Error, "The policy file '" + file.Path + "' cannot be read");
                return;
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                if (DiagnosticDescriptors.PolicyFile.TryGetValue(diagnostic.Id, out var descriptor))
                {
                    Report(fileContext, descriptor, PolicyContext.GetLocation(file, text, diagnostic.Position), diagnostic.Severity, diagnostic.Message);
                }
            }
        });
    }

    private static void Report(AdditionalFileAnalysisContext context, DiagnosticDescriptor descriptor, Location location, PolicyDiagnosticSeverity severity, string message)
    {
        var effective = severity == PolicyDiagnosticSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location, effective, additionalLocations: null, properties: null, message));
    }
}
