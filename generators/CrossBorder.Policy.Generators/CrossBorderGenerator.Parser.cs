using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using ManifestIds = CrossBorder.Policy.Core.Manifest.ManifestIds;
using CrossBorder.Policy.Core.PolicyFile;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Generators.Extensions;
using CrossBorder.Policy.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ImportantDataEvidence = CrossBorder.Policy.Generators.Model.ImportantDataEvidence;

namespace CrossBorder.Policy.Generators;

public sealed partial class CrossBorderGenerator
{
    /// <summary>
    /// Turns symbols, attribute data, MSBuild options and the policy file into value-equatable models. Nothing it
    /// returns holds a symbol, a syntax node or a compilation. It never throws on bad input: invalid values are
    /// kept as written and listed in the models' <c>InvalidFields</c>, or skipped when they cannot be represented.
    /// </summary>
    internal static partial class Parser
    {
        /// <summary>The id used for declarations on the assembly (Core's <c>ManifestIds.Assembly</c>).</summary>
        public const string AssemblyTarget = ManifestIds.Assembly;

        /// <summary>The id and source of declarations that come from the policy file (Core's <c>ManifestIds.PolicyFile</c>).</summary>
        public const string PolicyFileTarget = ManifestIds.PolicyFile;

        /// <summary>The file name of the policy file.</summary>
        public const string PolicyFileName = "crossborder.json";

        public const string AttributeSource = "attribute";

        /// <summary>The namespace used when neither the options nor the compilation give a valid one.</summary>
        public const string DefaultNamespace = "CrossBorder.Generated";

        private static readonly SymbolDisplayFormat NameFormat = new(
            globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            memberOptions: SymbolDisplayMemberOptions.IncludeContainingType);

        private static readonly ConditionalWeakTable<IAssemblySymbol, StrongBox<ReferencedModel>> ReferencedCache = new();

        // ---------------------------------------------------------------- options and compilation

        public static GenerationOptions ParseOptions(AnalyzerConfigOptions options, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var problems = new List<OptionProblem>();

            var enabled = true;
            var generate = Read(options, CrossBorderMSBuildProperties.GenerateDirectory);
            if (generate is not null)
            {
                if (string.Equals(generate, "false", StringComparison.OrdinalIgnoreCase))
                {
                    enabled = false;
                }
                else if (!string.Equals(generate, "true", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new OptionProblem(CrossBorderMSBuildProperties.GenerateDirectory, generate, "true"));
                }
            }

            var isPublic = false;
            var accessibility = Read(options, CrossBorderMSBuildProperties.DirectoryAccessibility);
            if (accessibility is not null)
            {
                if (string.Equals(accessibility, "public", StringComparison.OrdinalIgnoreCase))
                {
                    isPublic = true;
                }
                else if (!string.Equals(accessibility, "internal", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new OptionProblem(CrossBorderMSBuildProperties.DirectoryAccessibility, accessibility, "internal"));
                }
            }

            var ns = Read(options, CrossBorderMSBuildProperties.DirectoryNamespace);
            if (ns is not null && !IsValidNamespace(ns))
            {
                problems.Add(new OptionProblem(CrossBorderMSBuildProperties.DirectoryNamespace, ns, DefaultNamespace));
                ns = DefaultNamespace;
            }

            var root = Read(options, CrossBorderMSBuildProperties.RootNamespace);
            return new GenerationOptions
            {
                Enabled = enabled,
                Namespace = ns,
                RootNamespace = root is not null && IsValidNamespace(root) ? root : null,
                IsPublic = isPublic,
                Problems = problems.ToEquatableArray(),
            };
        }

        public static CompilationInfo ParseCompilationInfo(Compilation compilation) =>
            new(compilation.AssemblyName ?? string.Empty, KnownTypeSymbols.Get(compilation).AttributesAvailable);

        /// <summary>A dotted sequence of C# identifiers that are not keywords, such as <c>Contoso.Clinic</c>.</summary>
        public static bool IsValidNamespace(string value)
        {
            if (value.Length == 0)
            {
                return false;
            }

            foreach (var part in value.Split('.'))
            {
                if (!SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None ||
                    part.StartsWith("@", StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        private static string? Read(AnalyzerConfigOptions options, string property) =>
            options.TryGetValue("build_property." + property, out var value) && !string.IsNullOrWhiteSpace(value)
                ? value.Trim()
                : null;

        // ---------------------------------------------------------------- classifications

        /// <summary>Syntax-only filter: the declarations that can carry a directory entry.</summary>
        public static bool IsClassificationTarget(SyntaxNode node) => node switch
        {
            TypeDeclarationSyntax => true,
            PropertyDeclarationSyntax => true,
            VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } => true,
            ParameterSyntax { Parent: ParameterListSyntax { Parent: BaseMethodDeclarationSyntax or TypeDeclarationSyntax } } => true,
            _ => false,
        };

        public static DataEntryModel? ParseClassification(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var symbol = context.TargetSymbol;

            // A positional record parameter is the property it declares.
            if (symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType.IsRecord: true } constructor } parameter &&
                constructor.ContainingType.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
            {
                return CreateEntry(property, assembly: null);
            }

            return CreateEntry(symbol, assembly: null);
        }

        /// <summary>Syntax-only filter: a positional record parameter with a <c>property:</c>-targeted attribute list.</summary>
        public static bool IsPropertyTargetedRecordParameter(SyntaxNode node) =>
            node is ParameterSyntax { Parent.Parent: RecordDeclarationSyntax } parameter &&
            parameter.AttributeLists.Any(static list => list.Target?.Identifier.IsKind(SyntaxKind.PropertyKeyword) == true);

        /// <summary>The entry of the property a positional record parameter declares, when it is classified.</summary>
        public static DataEntryModel? ParseRecordParameter(GeneratorSyntaxContext context, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (context.SemanticModel.GetDeclaredSymbol(context.Node, cancellationToken) is not IParameterSymbol parameter)
            {
                return null;
            }

            var property = parameter.ContainingType?.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault();
            return property is null ? null : CreateEntry(property, assembly: null);
        }

        /// <summary>Syntax-only filter: a class, struct, record or interface declaration.</summary>
        /// <summary>The instance properties and fields of a type that mention user types; null when none does.</summary>
        private static TypeShapeModel? CreateShape(INamedTypeSymbol type, string? assembly)
        {
            if (type.GetDocumentationCommentId() is not { } typeId)
            {
                return null;
            }

            var members = new List<MemberShape>();
            foreach (var member in type.GetMembers())
            {
                var memberType = member switch
                {
                    IPropertySymbol { IsStatic: false, IsIndexer: false } property => property.Type,
                    IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false, IsConst: false } field => field.Type,
                    _ => null,
                };
                if (memberType is null || member.GetDocumentationCommentId() is not { } memberId)
                {
                    continue;
                }

                var ids = new SortedSet<string>(StringComparer.Ordinal);
                CollectUserTypes(memberType, ids, 0);
                if (ids.Count > 0)
                {
                    members.Add(new MemberShape(memberId, ids.ToEquatableArray()));
                }
            }

            return members.Count == 0
                ? null
                : new TypeShapeModel(typeId, type.ToDisplayString(NameFormat), members.OrderBy(static m => m.MemberId, StringComparer.Ordinal).ToEquatableArray())
                {
                    Assembly = assembly,
                };
        }

        /// <summary>
        /// The types of other assemblies a type's declaration names: base type, interfaces, type-parameter constraints,
        /// and the types of its fields, properties, events, and its methods' return and parameter types and
        /// constraints (including implicitly declared members such as record constructors). Method bodies are not read.
        /// </summary>
        private static void CollectUses(INamedTypeSymbol type, IAssemblySymbol own, ISet<string> uses)
        {
            var ids = new SortedSet<string>(StringComparer.Ordinal);
            void Add(ITypeSymbol? t)
            {
                if (t is not null)
                {
                    CollectUserTypes(t, ids, 0, own);
                }
            }

            void AddConstraints(ImmutableArray<ITypeParameterSymbol> parameters)
            {
                foreach (var parameter in parameters)
                {
                    foreach (var constraint in parameter.ConstraintTypes)
                    {
                        Add(constraint);
                    }
                }
            }

            Add(type.BaseType);
            foreach (var @interface in type.Interfaces)
            {
                Add(@interface);
            }

            AddConstraints(type.TypeParameters);
            foreach (var member in type.GetMembers())
            {
                switch (member)
                {
                    case IFieldSymbol field:
                        Add(field.Type);
                        break;
                    case IPropertySymbol property:
                        Add(property.Type);
                        foreach (var parameter in property.Parameters)
                        {
                            Add(parameter.Type);
                        }

                        break;
                    case IEventSymbol @event:
                        Add(@event.Type);
                        break;
                    case IMethodSymbol method:
                        Add(method.ReturnType);
                        foreach (var parameter in method.Parameters)
                        {
                            Add(parameter.Type);
                        }

                        AddConstraints(method.TypeParameters);
                        break;
                }
            }

            uses.UnionWith(ids);
        }

        /// <summary>The user types a member type mentions: itself, array elements and type arguments (collections, tasks, tuples, nullable).</summary>
        private static void CollectUserTypes(ITypeSymbol type, ISet<string> ids, int depth, IAssemblySymbol? excluded = null)
        {
            if (depth > 8)
            {
                return;
            }

            switch (type)
            {
                case IArrayTypeSymbol array:
                    CollectUserTypes(array.ElementType, ids, depth + 1, excluded);
                    break;
                case INamedTypeSymbol named:
                    foreach (var argument in named.TypeArguments)
                    {
                        CollectUserTypes(argument, ids, depth + 1, excluded);
                    }

                    if (named.SpecialType == SpecialType.None && !IsSystemNamespace(named.ContainingNamespace) &&
                        (excluded is null || !SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, excluded)) &&
                        named.OriginalDefinition.GetDocumentationCommentId() is { } id)
                    {
                        ids.Add(id);
                    }

                    break;
            }
        }

        private static bool IsSystemNamespace(INamespaceSymbol? ns)
        {
            while (ns is { ContainingNamespace.IsGlobalNamespace: false })
            {
                ns = ns.ContainingNamespace;
            }

            return ns is null || ns.IsGlobalNamespace ? false : ns.Name is "System" or "Microsoft";
        }

        /// <summary>Syntax-only filter: a method with a <c>return:</c>-targeted attribute list.</summary>
        public static bool IsReturnTargetedMethod(SyntaxNode node) =>
            node is MethodDeclarationSyntax method &&
            method.AttributeLists.Any(static list => list.Target?.Identifier.IsKind(SyntaxKind.ReturnKeyword) == true);

        /// <summary>The entry of a method's classified return value.</summary>
        public static DataEntryModel? ParseReturnValue(GeneratorSyntaxContext context, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return context.SemanticModel.GetDeclaredSymbol(context.Node, cancellationToken) is IMethodSymbol method
                ? CreateReturnValueEntry(method)
                : null;
        }

        /// <summary>The entry of a type, property, field or parameter, or null when it carries no classification.</summary>
        public static DataEntryModel? CreateEntry(ISymbol symbol, string? assembly)
        {
            if (symbol is IParameterSymbol parameter)
            {
                return parameter.ContainingSymbol is IMethodSymbol method && method.GetDocumentationCommentId() is { } methodId
                    ? CreateEntry(
                        ManifestIds.Parameter(methodId, parameter.Name),
                        EntryKind.Parameter,
                        method.ToDisplayString(NameFormat) + "(" + parameter.Name + ")",
                        method.ContainingType,
                        parameter.GetAttributes(),
                        assembly)
                    : null;
            }

            var kind = symbol switch
            {
                INamedTypeSymbol => EntryKind.Type,
                IPropertySymbol => EntryKind.Property,
                IFieldSymbol => EntryKind.Field,
                _ => (EntryKind?)null,
            };
            var id = symbol.GetDocumentationCommentId();
            if (kind is null || id is null)
            {
                return null;
            }

            var containing = symbol is INamedTypeSymbol type ? type.ContainingType : symbol.ContainingType;
            return CreateEntry(
                id,
                kind.Value,
                symbol.ToDisplayString(NameFormat),
                kind == EntryKind.Type ? null : containing,
                GetClassificationAttributes(symbol),
                assembly);
        }

        /// <summary>The entry of a method's return value (<c>[return: PersonalInformation]</c>), or null when it carries no classification.</summary>
        public static DataEntryModel? CreateReturnValueEntry(IMethodSymbol method) =>
            method.GetDocumentationCommentId() is { } methodId
                ? CreateEntry(
                    ManifestIds.ReturnValue(methodId),
                    EntryKind.ReturnValue,
                    method.ToDisplayString(NameFormat) + " return",
                    method.ContainingType,
                    method.GetReturnTypeAttributes(),
                    assembly: null)
                : null;

        private static DataEntryModel? CreateEntry(
            string id,
            EntryKind kind,
            string name,
            INamedTypeSymbol? containingType,
            IEnumerable<AttributeData> attributes,
            string? assembly)
        {

            var classified = false;
            var personal = false;
            string? personalCategory = null;
            var sensitive = new SortedSet<string>(StringComparer.Ordinal);
            var important = new List<ImportantDataEvidence>();
            var core = false;
            string? coreBasis = null;
            var general = false;
            var generalLevel = 0;
            var anonymized = false;
            string? anonymizationMethod = null;
            string? origin = null;
            var collectedAbroad = false;
            string? description = null;

            foreach (var attribute in attributes)
            {
                var attributeKind = KnownTypeSymbols.GetKind(attribute.AttributeClass);
                switch (attributeKind)
                {
                    case AttributeKind.PersonalInformation:
                        personal = true;
                        personalCategory ??= attribute.NamedString("Category");
                        break;
                    case AttributeKind.SensitivePersonalInformation:
                        var category = attribute.ConstructorInt(0);
                        if (category is null || !Enum.IsDefined(typeof(SensitiveCategory), category.Value))
                        {
                            continue; // a category the attribute assembly does not define: skipped
                        }

                        personal = true;
                        sensitive.Add(((SensitiveCategory)category.Value).ToString());
                        break;
                    case AttributeKind.ImportantData:
                        var entry = attribute.ConstructorString(0);
                        if (entry is null)
                        {
                            continue;
                        }

                        important.Add(new ImportantDataEvidence(
                            entry,
                            attribute.NamedString("Catalog"),
                            attribute.NamedString("CatalogVersion"),
                            attribute.NamedString("NotifiedBy"),
                            attribute.NamedString("NotifiedOn"),
                            attribute.NamedString("Domain"),
                            attribute.NamedString("Description")));
                        break;
                    case AttributeKind.CoreData:
                        core = true;
                        coreBasis ??= attribute.NamedString("Basis");
                        break;
                    case AttributeKind.GeneralData:
                        general = true;
                        generalLevel = attribute.NamedInt("Level") ?? 0;
                        break;
                    case AttributeKind.Anonymized:
                        anonymized = true;
                        anonymizationMethod ??= attribute.NamedString("Method");
                        break;
                    case AttributeKind.DataOrigin:
                        origin ??= attribute.ConstructorString(0);
                        collectedAbroad |= attribute.NamedBool("CollectedAbroad") ?? false;
                        break;
                    default:
                        continue;
                }

                classified = true;
                if (attributeKind != AttributeKind.ImportantData)
                {
                    description ??= attribute.NamedString("Description");
                }
            }

            if (!classified)
            {
                return null;
            }

            // [ImportantData] descriptions belong to each piece of evidence; use the first only when no other
            // attribute describes the data.
            description ??= important.Select(static e => e.Description).FirstOrDefault(static d => d is not null);

            return new DataEntryModel
            {
                Id = id,
                Kind = kind,
                Name = name,
                ContainingTypeId = containingType?.GetDocumentationCommentId(),
                ContainingTypeName = containingType?.ToDisplayString(NameFormat),
                Assembly = assembly,
                PersonalInformation = personal,
                PersonalInformationCategory = personalCategory,
                SensitiveCategories = sensitive.ToEquatableArray(),
                ImportantData = important.OrderBy(static e => e.CatalogEntry, StringComparer.Ordinal)
                    .ThenBy(static e => e.Catalog ?? string.Empty, StringComparer.Ordinal)
                    .ToEquatableArray(),
                CoreData = core,
                CoreDataBasis = coreBasis,
                GeneralData = general,
                GeneralDataLevel = generalLevel,
                Anonymized = anonymized,
                AnonymizationMethod = anonymizationMethod,
                DataOrigin = origin,
                CollectedAbroad = collectedAbroad,
                Description = description,
            };
        }

        /// <summary>The symbol's attributes; for a record property, also those on its positional parameter.</summary>
        private static IEnumerable<AttributeData> GetClassificationAttributes(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                yield return attribute;
            }

            if (symbol is IPropertySymbol { ContainingType: { IsRecord: true } record } property)
            {
                foreach (var constructor in record.InstanceConstructors)
                {
                    foreach (var parameter in constructor.Parameters)
                    {
                        if (parameter.Name == property.Name && SymbolEqualityComparer.Default.Equals(parameter.Type, property.Type))
                        {
                            foreach (var attribute in parameter.GetAttributes())
                            {
                                yield return attribute;
                            }

                            break;
                        }
                    }
                }
            }
        }

        // ---------------------------------------------------------------- endpoints, transfers, processor

        public static EquatableArray<EndpointModel> ParseEndpoints(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = TargetId(context.TargetSymbol);
            if (target is null)
            {
                return EquatableArray<EndpointModel>.Empty;
            }

            var result = new List<EndpointModel>();
            foreach (var attribute in context.Attributes)
            {
                var kind = KnownTypeSymbols.GetKind(attribute.AttributeClass);
                if (kind == AttributeKind.ForeignEndpoint)
                {
                    var jurisdiction = attribute.ConstructorString(0);
                    result.Add(new EndpointModel
                    {
                        TargetId = target,
                        Source = AttributeSource,
                        Foreign = true,
                        Jurisdiction = jurisdiction,
                        Host = attribute.NamedString("Host"),
                        Recipient = attribute.NamedString("Recipient"),
                        InvalidFields = Invalid(("jurisdiction", !IsoCountries.IsAssigned(jurisdiction))),
                    });
                }
                else if (kind == AttributeKind.DomesticEndpoint)
                {
                    result.Add(new EndpointModel
                    {
                        TargetId = target,
                        Source = AttributeSource,
                        Foreign = false,
                        Host = attribute.NamedString("Host"),
                    });
                }
            }

            return result.ToEquatableArray();
        }

        public static EquatableArray<TransferModel> ParseTransfers(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = TargetId(context.TargetSymbol);
            if (target is null)
            {
                return EquatableArray<TransferModel>.Empty;
            }

            var result = new List<TransferModel>();
            foreach (var attribute in context.Attributes)
            {
                if (KnownTypeSymbols.GetKind(attribute.AttributeClass) != AttributeKind.CrossBorderTransfer)
                {
                    continue;
                }

                result.Add(CreateTransfer(
                    id: attribute.NamedString("Id"),
                    declaredOn: target,
                    source: AttributeSource,
                    mechanism: attribute.NamedInt("Mechanism") ?? 0,
                    reference: attribute.NamedString("Reference"),
                    issuedOn: attribute.NamedString("IssuedOn"),
                    validUntil: attribute.NamedString("ValidUntil"),
                    recipient: attribute.NamedString("Recipient"),
                    jurisdiction: attribute.NamedString("Jurisdiction"),
                    endpoint: attribute.NamedString("Endpoint"),
                    purpose: attribute.NamedString("Purpose"),
                    exemption: attribute.NamedInt("Exemption") ?? 0,
                    categories: attribute.NamedStrings("Categories"),
                    subjects: attribute.NamedLong("EstimatedSubjectsPerYear"),
                    sensitiveSubjects: attribute.NamedLong("EstimatedSensitiveSubjectsPerYear"),
                    separateConsent: attribute.NamedBool("SeparateConsent") ?? false,
                    retention: attribute.NamedString("RetentionPeriod"),
                    storage: attribute.NamedString("OverseasStorageLocation"),
                    issuingAuthority: null,
                    onwardRecipients: Array.Empty<string>()));
            }

            return result.ToEquatableArray();
        }

        public static ProcessorModel? ParseProcessor(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var attribute in context.Attributes)
            {
                if (KnownTypeSymbols.GetKind(attribute.AttributeClass) == AttributeKind.DataProcessor)
                {
                    return new ProcessorModel(
                        AttributeSource,
                        attribute.NamedString("Name"),
                        attribute.NamedBool("CriticalInformationInfrastructureOperator") ?? false,
                        attribute.NamedString("FreeTradeZone"));
                }
            }

            return null;
        }

        /// <summary>
        /// A transfer model with its values as written, invalid ones listed, and its id: the declared one, else
        /// <c>{declaredOn}/{mechanism}/{reference}</c> (or <c>/{recipient}</c>), never a position in a file.
        /// </summary>
        internal static TransferModel CreateTransfer(
            string? id,
            string declaredOn,
            string source,
            int mechanism,
            string? reference,
            string? issuedOn,
            string? validUntil,
            string? recipient,
            string? jurisdiction,
            string? endpoint,
            string? purpose,
            int exemption,
            IEnumerable<string> categories,
            long? subjects,
            long? sensitiveSubjects,
            bool separateConsent,
            string? retention,
            string? storage,
            string? issuingAuthority,
            IEnumerable<string> onwardRecipients)
        {
            var mechanismName = Enum.IsDefined(typeof(TransferMechanism), mechanism) ? ((TransferMechanism)mechanism).ToString() : null;
            var exemptionName = Enum.IsDefined(typeof(ExemptionBasis), exemption) ? ((ExemptionBasis)exemption).ToString() : null;
            var issuedValid = issuedOn is null || IsoDate.TryParse(issuedOn, out _);
            var untilValid = validUntil is null || IsoDate.TryParse(validUntil, out _);

            var invalid = new SortedSet<string>(StringComparer.Ordinal);
            AddIf(invalid, "mechanism", mechanismName is null);
            AddIf(invalid, "exemption", exemptionName is null);
            AddIf(invalid, "issuedOn", !issuedValid);
            AddIf(invalid, "validUntil", !untilValid);
            AddIf(invalid, "jurisdiction", jurisdiction is not null && !IsoCountries.IsAssigned(jurisdiction));
            AddIf(invalid, "estimatedSubjectsPerYear", subjects < 0);
            AddIf(invalid, "estimatedSensitiveSubjectsPerYear", sensitiveSubjects < 0);

            var declaredId = string.IsNullOrWhiteSpace(id) ? null : id;
            var derivedId = declaredOn + "/" + (mechanismName ?? mechanism.ToString(System.Globalization.CultureInfo.InvariantCulture)) +
                (reference is not null ? "/" + reference : recipient is not null ? "/" + recipient : string.Empty);

            return new TransferModel
            {
                Id = declaredId ?? derivedId,
                IdDeclared = declaredId is not null,
                DeclaredOn = declaredOn,
                Source = source,
                Mechanism = mechanismName,
                Reference = reference,
                IssuedOn = issuedOn,
                ValidUntil = validUntil,
                IssuingAuthority = issuingAuthority,
                Recipient = recipient,
                Jurisdiction = jurisdiction,
                Endpoint = endpoint,
                Purpose = purpose,
                Exemption = exemptionName,
                Categories = categories.ToEquatableArray(),
                EstimatedSubjectsPerYear = subjects,
                EstimatedSensitiveSubjectsPerYear = sensitiveSubjects,
                SeparateConsent = separateConsent,
                RetentionPeriod = retention,
                OverseasStorageLocation = storage,
                OnwardRecipients = onwardRecipients.ToEquatableArray(),
                InvalidFields = invalid.ToEquatableArray(),
            };
        }

        private static void AddIf(ISet<string> set, string name, bool condition)
        {
            if (condition)
            {
                set.Add(name);
            }
        }

        private static EquatableArray<string> Invalid(params (string Name, bool IsInvalid)[] fields) =>
            fields.Where(static f => f.IsInvalid).Select(static f => f.Name).OrderBy(static n => n, StringComparer.Ordinal).ToEquatableArray();

        /// <summary>The stable id of a declaration target: its documentation comment id, or <c>assembly</c>.</summary>
        internal static string? TargetId(ISymbol symbol) => symbol switch
        {
            IAssemblySymbol or IModuleSymbol => AssemblyTarget,
            IParameterSymbol parameter => parameter.ContainingSymbol.GetDocumentationCommentId() is { } owner
                ? ManifestIds.Parameter(owner, parameter.Name)
                : null,
            _ => symbol.GetDocumentationCommentId(),
        };

        // ---------------------------------------------------------------- referenced assemblies

        /// <summary>
        /// The classified public types and members of every referenced assembly that references the attribute
        /// assembly, each marked with its assembly. Cached per assembly symbol: the compiler reuses metadata
        /// assembly symbols across compilations, so an edit does not walk the references again.
        /// </summary>
        public static ReferencedModel ParseReferencedAssemblies(Compilation compilation, CancellationToken cancellationToken)
        {
            var all = new List<DataEntryModel>();
            var shapes = new List<TypeShapeModel>();
            foreach (var reference in compilation.References)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly ||
                    assembly.Name == KnownTypeSymbols.AttributeAssemblyName ||
                    !ReferencesAttributeAssembly(assembly))
                {
                    continue;
                }

                var entries = ReferencedCache.GetValue(
                    assembly,
                    a => new StrongBox<ReferencedModel>(ScanAssembly(a, cancellationToken)));
                all.AddRange(entries.Value!.Entries);
                shapes.AddRange(entries.Value.Shapes);
            }

            return new ReferencedModel(
                all
                    .GroupBy(static e => e.Id, StringComparer.Ordinal)
                    .Select(static g => g.First())
                    .OrderBy(static e => e.Id, StringComparer.Ordinal)
                    .ToEquatableArray(),
                shapes
                    .GroupBy(static e => e.TypeId, StringComparer.Ordinal)
                    .Select(static g => g.First())
                    .OrderBy(static e => e.TypeId, StringComparer.Ordinal)
                    .ToEquatableArray());
        }

        private static bool ReferencesAttributeAssembly(IAssemblySymbol assembly)
        {
            foreach (var module in assembly.Modules)
            {
                foreach (var identity in module.ReferencedAssemblies)
                {
                    if (identity.Name == KnownTypeSymbols.AttributeAssemblyName)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static ReferencedModel ScanAssembly(IAssemblySymbol assembly, CancellationToken cancellationToken)
        {
            var result = new List<DataEntryModel>();
            var shapes = new List<TypeShapeModel>();
            var namespaces = new Stack<INamespaceSymbol>();
            namespaces.Push(assembly.GlobalNamespace);
            while (namespaces.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ns = namespaces.Pop();
                foreach (var member in ns.GetNamespaceMembers())
                {
                    namespaces.Push(member);
                }

                foreach (var type in ns.GetTypeMembers())
                {
                    ScanType(type, assembly.Name, result, shapes);
                }
            }

            return new ReferencedModel(
                result.OrderBy(static e => e.Id, StringComparer.Ordinal).ToEquatableArray(),
                shapes.OrderBy(static e => e.TypeId, StringComparer.Ordinal).ToEquatableArray());
        }

        private static void ScanType(INamedTypeSymbol type, string assemblyName, List<DataEntryModel> result, List<TypeShapeModel> shapes)
        {
            if (type.DeclaredAccessibility != Accessibility.Public)
            {
                return;
            }

            if (CreateShape(type, assemblyName) is { } shape)
            {
                shapes.Add(shape);
            }

            if (CreateEntry(type, assemblyName) is { } typeEntry)
            {
                result.Add(typeEntry);
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol or IFieldSymbol &&
                    member.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal &&
                    !member.IsImplicitlyDeclared &&
                    CreateEntry(member, assemblyName) is { } memberEntry)
                {
                    result.Add(memberEntry);
                }
            }

            foreach (var nested in type.GetTypeMembers())
            {
                ScanType(nested, assemblyName, result, shapes);
            }
        }

        // ---------------------------------------------------------------- crossborder.json

        /// <summary>The AdditionalFile metadata the package sets on the policy file.</summary>
        public const string PolicyFileKindMetadata = "build_metadata.AdditionalFiles.CrossBorderKind";

        /// <summary>The policy-file model of an AdditionalFile that is marked as the policy file or named <c>crossborder.json</c>; null for any other file.</summary>
        public static PolicyFileModel? ParsePolicyFileCandidate(AdditionalText text, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
        {
            var marked = options.GetOptions(text).TryGetValue(PolicyFileKindMetadata, out var kind) &&
                string.Equals(kind, "PolicyFile", StringComparison.OrdinalIgnoreCase);
            if (!marked && !IsPolicyFile(text.Path))
            {
                return null;
            }

            return ParsePolicyFile(text.GetText(cancellationToken)?.ToString(), text.Path, cancellationToken) with { Marked = marked };
        }

        public static bool IsPolicyFile(string path)
        {
            var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return string.Equals(path.Substring(slash + 1), PolicyFileName, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// Projects the policy file, read by Core's <c>PolicyFileParser</c>, onto the generator's models: endpoints,
        /// transfers, processor and the regulation options that decide computed dates. The parser drops values it
        /// reports (the analyzers surface its CBDT9xxx diagnostics); a file that does not parse gives an empty model.
        /// </summary>
        public static PolicyFileModel ParsePolicyFile(string? text, string path, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (text is null)
            {
                return PolicyFileModel.Empty;
            }

            var document = PolicyFileParser.Parse(text, path).Document;
            cancellationToken.ThrowIfCancellationRequested();

            var endpoints = document.Endpoints
                .Where(static e => !string.IsNullOrEmpty(e.Host))
                .Select(static e => new EndpointModel
                {
                    TargetId = PolicyFileTarget,
                    Source = PolicyFileTarget,
                    Foreign = !e.Domestic,
                    Jurisdiction = e.Jurisdiction,
                    Host = e.Host,
                    Recipient = e.Recipient,
                    InvalidFields = Invalid(("jurisdiction", e.Jurisdiction is not null && !IsoCountries.IsAssigned(e.Jurisdiction))),
                })
                .ToEquatableArray();

            var transfers = document.Transfers
                .Select(static t => CreateTransfer(
                    id: t.Id,
                    declaredOn: PolicyFileTarget,
                    source: PolicyFileTarget,
                    mechanism: (int)t.Mechanism,
                    reference: t.Reference,
                    issuedOn: t.IssuedOn?.ToString(),
                    validUntil: t.ValidUntil?.ToString(),
                    recipient: t.Recipient,
                    jurisdiction: t.Jurisdiction,
                    endpoint: t.Endpoint,
                    purpose: t.Purpose,
                    exemption: (int)t.Exemption,
                    categories: t.Categories.Select(static c => c.ToString()),
                    subjects: t.EstimatedSubjectsPerYear == 0 ? null : t.EstimatedSubjectsPerYear,
                    sensitiveSubjects: t.EstimatedSensitiveSubjectsPerYear == 0 ? null : t.EstimatedSensitiveSubjectsPerYear,
                    separateConsent: t.SeparateConsent,
                    retention: t.RetentionPeriod,
                    storage: t.OverseasStorageLocation,
                    issuingAuthority: t.IssuingAuthority,
                    onwardRecipients: t.OnwardRecipients))
                .ToEquatableArray();

            var processor = document.Processor is { } p
                ? new ProcessorModel(PolicyFileTarget, p.Name, p.CriticalInformationInfrastructureOperator, p.FreeTradeZone)
                : null;

            return new PolicyFileModel
            {
                Endpoints = endpoints,
                Transfers = transfers,
                Processor = processor,
                Regulation = document.Regulation,
                ComputeValidUntil = document.Defaults.ComputeValidUntil,
            };
        }
    }
}
