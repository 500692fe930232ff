using System.Collections.Immutable;
using System.Linq;
using CrossBorder.Policy.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CrossBorder.Policy.Generators;

/// <summary>
/// Generates <c>CrossBorderDirectory</c> (every classified type and member, endpoint binding and declared transfer of
/// the compilation, plus the classified types of referenced libraries that the compilation's declarations use) and embeds the canonical JSON of the data
/// directory and of the transfer manifest, with their SHA-256 digests, in the assembly.
/// </summary>
/// <remarks>
/// Pipeline only; see <c>CrossBorderGenerator.Parser.cs</c> (symbols to models) and
/// <c>CrossBorderGenerator.Emitter.cs</c> (models to source). Every step is named in <see cref="StepNames"/>.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class CrossBorderGenerator : IIncrementalGenerator
{
    /// <summary>The tracking names of the pipeline's steps, asserted by the incremental tests.</summary>
    public static class StepNames
    {
        public const string Options = nameof(Options);
        public const string CompilationInfo = nameof(CompilationInfo);
        public const string Classifications = nameof(Classifications);
        public const string Endpoints = nameof(Endpoints);
        public const string Transfers = nameof(Transfers);
        public const string Processor = nameof(Processor);
        public const string ReferencedAssemblies = nameof(ReferencedAssemblies);
        public const string PolicyFile = nameof(PolicyFile);
        public const string TypeDeclarations = nameof(TypeDeclarations);
        public const string TypeShapeCandidates = nameof(TypeShapeCandidates);
        public const string TypeShapes = nameof(TypeShapes);
        public const string DirectoryModel = nameof(DirectoryModel);
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, ct) => Parser.ParseOptions(provider.GlobalOptions, ct))
            .WithTrackingName(StepNames.Options);

        // C# 7.3 (the default for netstandard2.0 and .NET Framework projects) has no nullable annotations.
        var nullableAnnotations = context.ParseOptionsProvider
            .Select(static (parse, _) => parse is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 });

        var compilationInfo = context.CompilationProvider
            .Select(static (compilation, ct) => Parser.ParseCompilationInfo(compilation))
            .WithTrackingName(StepNames.CompilationInfo);

        // Classifications of this compilation: one input per attribute; each yields the whole entry of its target,
        // so a member with two attributes appears twice and is de-duplicated when the directory is built.
        IncrementalValueProvider<ImmutableArray<DataEntryModel>>? classifications = null;
        foreach (var attribute in KnownTypeSymbols.ClassificationAttributes)
        {
            var entries = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    attribute,
                    static (node, _) => Parser.IsClassificationTarget(node),
                    static (ctx, ct) => Parser.ParseClassification(ctx, ct))
                .Where(static entry => entry is not null)
                .Select(static (entry, _) => entry!)
                .WithTrackingName(StepNames.Classifications)
                .Collect();
            classifications = classifications is null
                ? entries
                : classifications.Value.Combine(entries).Select(static (pair, _) => pair.Left.AddRange(pair.Right));
        }

        // [property: PersonalInformation] on a positional record parameter binds to the property, which has no
        // syntax of its own for ForAttributeWithMetadataName to find; a syntax-only predicate picks those out.
        var recordProperties = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => Parser.IsPropertyTargetedRecordParameter(node),
                static (ctx, ct) => Parser.ParseRecordParameter(ctx, ct))
            .Where(static entry => entry is not null)
            .Select(static (entry, _) => entry!)
            .WithTrackingName(StepNames.Classifications)
            .Collect();
        classifications = classifications!.Value.Combine(recordProperties).Select(static (pair, _) => pair.Left.AddRange(pair.Right));

        // [return: PersonalInformation] is not among the method's own attributes, so it too has a syntax-only filter.
        var returnValues = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => Parser.IsReturnTargetedMethod(node),
                static (ctx, ct) => Parser.ParseReturnValue(ctx, ct))
            .Where(static entry => entry is not null)
            .Select(static (entry, _) => entry!)
            .WithTrackingName(StepNames.Classifications)
            .Collect();
        classifications = classifications.Value.Combine(returnValues).Select(static (pair, _) => pair.Left.AddRange(pair.Right));

        var foreignEndpoints = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeSymbols.ForeignEndpointAttribute,
                static (_, _) => true,
                static (ctx, ct) => Parser.ParseEndpoints(ctx, ct))
            .WithTrackingName(StepNames.Endpoints)
            .Collect();
        var domesticEndpoints = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeSymbols.DomesticEndpointAttribute,
                static (_, _) => true,
                static (ctx, ct) => Parser.ParseEndpoints(ctx, ct))
            .WithTrackingName(StepNames.Endpoints)
            .Collect();
        var transfers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeSymbols.CrossBorderTransferAttribute,
                static (_, _) => true,
                static (ctx, ct) => Parser.ParseTransfers(ctx, ct))
            .WithTrackingName(StepNames.Transfers)
            .Collect();
        var processor = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypeSymbols.DataProcessorAttribute,
                static (_, _) => true,
                static (ctx, ct) => Parser.ParseProcessor(ctx, ct))
            .WithTrackingName(StepNames.Processor)
            .Collect();

        var referenced = context.CompilationProvider
            .Select(static (compilation, ct) => Parser.ParseReferencedAssemblies(compilation, ct))
            .WithTrackingName(StepNames.ReferencedAssemblies);

        // Type shapes (members that mention user types, for transitive classification, and the types of other assemblies
        // a declaration names, which select the referenced types the directory lists). Binding every type on every edit
        // would cost the whole compilation's signatures, so each tree's declarations are read without binding (only the
        // trees an edit replaced are read again), candidates are chosen by name, and only those are bound.
        var treeDeclarations = context.CompilationProvider
            .SelectMany<Compilation, (int Index, SyntaxTree Tree)>(static (compilation, _) => compilation.SyntaxTrees.Select(static (tree, index) => (index, tree)))
            .Select(static (pair, ct) => Parser.ParseTreeDeclarations(pair.Index, pair.Tree, ct))
            .WithTrackingName(StepNames.TypeDeclarations)
            .Collect();
        var shapeCandidates = treeDeclarations
            .Combine(classifications!.Value.Combine(referenced))
            .Select(static (input, ct) => Parser.SelectShapeCandidates(input.Left, input.Right.Left, input.Right.Right, ct))
            .WithTrackingName(StepNames.TypeShapeCandidates);
        var typeShapes = shapeCandidates
            .Combine(context.CompilationProvider)
            .Select(static (input, ct) => Parser.BindShapes(input.Left, input.Right, ct))
            .WithTrackingName(StepNames.TypeShapes);

        // The policy file: the AdditionalFile the package marks (CrossBorderKind=PolicyFile, any name), else one
        // named crossborder.json.
        var policyFile = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => Parser.ParsePolicyFileCandidate(pair.Left, pair.Right, ct))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(StepNames.PolicyFile)
            .Collect();

        var declarations = classifications!.Value
            .Combine(foreignEndpoints.Combine(domesticEndpoints))
            .Combine(transfers.Combine(processor))
            .Combine(referenced.Combine(policyFile).Combine(typeShapes));

        var directory = declarations
            .Combine(options.Combine(compilationInfo).Combine(nullableAnnotations))
            .Select(static (input, ct) =>
            {
                var (((local, (foreign, domestic)), (declaredTransfers, processors)), ((external, files), shapes)) = input.Left;
                var ((generationOptions, info), nullable) = input.Right;
                return Parser.BuildDirectory(
                    generationOptions,
                    info,
                    local,
                    external,
                    foreign.AddRange(domestic),
                    declaredTransfers,
                    processors,
                    files,
                    ImmutableArray.CreateRange(shapes),
                    ct) is { } model ? model with { NullableAnnotations = nullable } : null;
            })
            .WithTrackingName(StepNames.DirectoryModel);

        context.RegisterSourceOutput(directory, static (spc, model) =>
        {
            if (model is not null)
            {
                Emitter.Emit(spc, model);
            }
        });

        // Diagnostics come from their own output, over the options only: reporting never re-emits source.
        context.RegisterSourceOutput(options, static (spc, generationOptions) =>
        {
            foreach (var problem in generationOptions.Problems)
            {
                spc.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.For(problem.Property),
                    Location.None,
                    problem.Value,
                    problem.Fallback));
            }
        });
    }
}
