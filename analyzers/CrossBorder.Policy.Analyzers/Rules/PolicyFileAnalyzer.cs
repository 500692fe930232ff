using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using CrossBorder.Policy.Analyzers.Flow;
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
        var policy = PolicyContext.Create(context.Options, context.TryGetValue);
        if (policy.Files.IsEmpty)
        {
            return;
        }

        var compilation = context.Compilation;
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

            var conflicts = FindConflicts(compilation, result, fileContext.CancellationToken);
            foreach (var diagnostic in result.Diagnostics.Concat(conflicts))
            {
                if (DiagnosticDescriptors.PolicyFile.TryGetValue(diagnostic.Id, out var descriptor))
                {
                    var message = diagnostic.AdditionalLocation is { Length: > 0 } other && diagnostic.Message.IndexOf(other, StringComparison.Ordinal) < 0
                        ? diagnostic.Message + " (" + other + ")"
                        : diagnostic.Message;
                    Report(fileContext, descriptor, PolicyContext.GetLocation(file, text, diagnostic.Position), diagnostic.Severity, message);
                }
            }
        });
    }

    /// <summary>CBDT9014/CBDT9015: the policy file and the attributes of the compilation disagree (Core's <see cref="PolicyConflicts"/>).</summary>
    private static IReadOnlyList<PolicyDiagnostic> FindConflicts(Compilation compilation, PolicyFileParseResult result, System.Threading.CancellationToken cancellationToken)
    {
        if (result.Document.Endpoints.Count == 0 && result.Document.Transfers.Count == 0)
        {
            return Array.Empty<PolicyDiagnostic>();
        }

        var endpoints = new List<AttributeEndpointBinding>();
        var transfers = new List<AttributeTransferDeclaration>();
        DeclaringSymbols.Visit(
            compilation,
            (symbol, _) =>
            {
                foreach (var attribute in symbol.GetAttributes())
                {
                    var where = Where(attribute);
                    if (EndpointBindings.FromAttribute(attribute, string.Empty) is { Host: { Length: > 0 } host } binding)
                    {
                        endpoints.Add(new AttributeEndpointBinding(host, binding.Jurisdiction, binding.IsDomestic, where));
                    }
                    else if (PolicyAttributeNames.Is(attribute, PolicyAttributeNames.CrossBorderTransfer))
                    {
                        var authorization = Authorization.FromAttribute(attribute, string.Empty);
                        if (authorization.Id is { Length: > 0 } id && Enum.IsDefined(typeof(Core.Model.TransferMechanism), authorization.Mechanism))
                        {
                            transfers.Add(new AttributeTransferDeclaration(id, (Core.Model.TransferMechanism)authorization.Mechanism, authorization.Reference, authorization.IssuedOn, authorization.ValidUntil, where));
                        }
                    }
                }
            },
            cancellationToken);

        return PolicyConflicts.Find(result.Document, result.FilePath, endpoints, transfers);
    }

    private static string Where(AttributeData attribute)
    {
        if (attribute.ApplicationSyntaxReference is not { } reference)
        {
            return "an attribute";
        }

        var span = reference.SyntaxTree.GetLineSpan(reference.Span);
        return string.Format(
            CultureInfo.InvariantCulture,
            "{0}({1},{2})",
            System.IO.Path.GetFileName(span.Path),
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1);
    }

    private static void Report(AdditionalFileAnalysisContext context, DiagnosticDescriptor descriptor, Location location, PolicyDiagnosticSeverity severity, string message)
    {
        var effective = severity == PolicyDiagnosticSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location, effective, additionalLocations: null, properties: null, message));
    }
}
