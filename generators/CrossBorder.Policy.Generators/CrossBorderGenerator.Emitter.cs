using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CrossBorder.Policy.Generators;

public sealed partial class CrossBorderGenerator
{
    /// <summary>
    /// Writes the typed directory, its entry types and the embedded manifest from a <see cref="DirectoryModel"/>.
    /// Pure: the same model gives the same text, whatever the culture of the host.
    /// </summary>
    internal static class Emitter
    {
        /// <summary>The prefix of the <c>AssemblyMetadata</c> keys that carry the embedded manifest.</summary>
        public const string MetadataPrefix = "CrossBorder.Policy.";

        /// <summary>The version of the embedding (the metadata keys below); the documents carry their own <c>schemaVersion</c>.</summary>
        public const int FormatVersion = 1;

        private const string ManifestHintName = "CrossBorder.Policy.Manifest.g.cs";

        private static readonly string GeneratedCodeAttribute =
            "[global::System.CodeDom.Compiler.GeneratedCode(\"CrossBorder.Policy.Generators\", \"" +
            (typeof(CrossBorderGenerator).Assembly.GetName().Version?.ToString() ?? "0.0.0.0") + "\")]";

        public static void Emit(SourceProductionContext context, DirectoryModel model)
        {
            foreach (var (hintName, text) in EmitAll(model))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                context.AddSource(hintName, SourceText.From(text, Encoding.UTF8));
            }
        }

        /// <summary>Every generated file, as (hint name, text), in a fixed order.</summary>
        public static IReadOnlyList<(string HintName, string Text)> EmitAll(DirectoryModel model)
        {
            var directoryJson = WriteDataDirectory(model);
            var transfersJson = WriteTransfers(model);
            var prefix = model.Namespace + ".";
            return new[]
            {
                (prefix + "CrossBorderDirectory.g.cs", EmitDirectory(model, directoryJson, transfersJson)),
                (prefix + "CrossBorderEntryKind.g.cs", EmitEntryKind(model)),
                (prefix + "CrossBorderDataEntry.g.cs", EmitDataEntryType(model)),
                (prefix + "CrossBorderImportantDataEvidence.g.cs", EmitEvidenceType(model)),
                (prefix + "CrossBorderEndpointEntry.g.cs", EmitEndpointType(model)),
                (prefix + "CrossBorderTransferEntry.g.cs", EmitTransferType(model)),
                (prefix + "CrossBorderProcessorEntry.g.cs", EmitProcessorType(model)),
                (ManifestHintName, EmitManifest(model)),
            };
        }

        // ------------------------------------------------------------------ the directory class

        private static string EmitDirectory(DirectoryModel model, CanonicalDocument directoryJson, CanonicalDocument transfersJson)
        {
            var w = Begin(model);
            w.WriteLine("/// <summary>");
            w.WriteLine("/// The cross-border data directory of this assembly: every classified type and member (including those used");
            w.WriteLine("/// from referenced libraries), every endpoint binding and every declared transfer, with the canonical JSON of");
            w.WriteLine("/// the data directory and of the transfer manifest that are also embedded as assembly metadata.");
            w.WriteLine("/// </summary>");
            w.WriteLine(GeneratedCodeAttribute);
            w.WriteLine(Accessibility(model) + " static partial class CrossBorderDirectory");
            w.OpenBlock();
            w.WriteLine("/// <summary>The assembly the directory describes.</summary>");
            w.WriteLine("public const string AssemblyName = " + Literal(model.AssemblyName) + ";");
            w.WriteLine();
            w.WriteLine("/// <summary>The canonical JSON of the data directory (<c>data-directory.json</c>, docs/manifest-format.md).</summary>");
            w.WriteLine("public const string DataDirectoryJson = " + Verbatim(directoryJson.Json) + ";");
            w.WriteLine();
            w.WriteLine("/// <summary>The digest of <see cref=\"DataDirectoryJson\"/>: <c>sha256:</c> and the lowercase hexadecimal SHA-256 of its UTF-8 bytes.</summary>");
            w.WriteLine("public const string DataDirectorySha256 = " + Literal(directoryJson.Digest) + ";");
            w.WriteLine();
            w.WriteLine("/// <summary>The canonical JSON of the transfer manifest (<c>transfers.json</c>, docs/manifest-format.md).</summary>");
            w.WriteLine("public const string TransfersJson = " + Verbatim(transfersJson.Json) + ";");
            w.WriteLine();
            w.WriteLine("/// <summary>The digest of <see cref=\"TransfersJson\"/>: <c>sha256:</c> and the lowercase hexadecimal SHA-256 of its UTF-8 bytes.</summary>");
            w.WriteLine("public const string TransfersSha256 = " + Literal(transfersJson.Digest) + ";");
            w.WriteLine();

            w.WriteLine("/// <summary>Classified types and members, ordered by <see cref=\"CrossBorderDataEntry.Id\"/>.</summary>");
            w.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<CrossBorderDataEntry> Entries { get; } = " +
                (model.Entries.IsEmpty ? "global::System.Array.Empty<CrossBorderDataEntry>();" : "new CrossBorderDataEntry[]"));
            if (!model.Entries.IsEmpty)
            {
                w.OpenBlock();
                foreach (var entry in model.Entries)
                {
                    WriteDataEntry(w, entry);
                }

                w.CloseBlock(";");
            }

            w.WriteLine();
            w.WriteLine("/// <summary>Endpoint bindings, ordered by target.</summary>");
            w.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<CrossBorderEndpointEntry> Endpoints { get; } = " +
                (model.Endpoints.IsEmpty ? "global::System.Array.Empty<CrossBorderEndpointEntry>();" : "new CrossBorderEndpointEntry[]"));
            if (!model.Endpoints.IsEmpty)
            {
                w.OpenBlock();
                foreach (var endpoint in model.Endpoints)
                {
                    w.WriteLine("new CrossBorderEndpointEntry(");
                    w.Indent();
                    Args(
                        w,
                        ("target", Literal(endpoint.TargetId)),
                        ("source", Literal(endpoint.Source)),
                        ("isForeign", Bool(endpoint.Foreign)),
                        ("jurisdiction", Literal(endpoint.Jurisdiction)),
                        ("host", Literal(endpoint.Host)),
                        ("recipient", Literal(endpoint.Recipient)),
                        ("invalidFields", Strings(endpoint.InvalidFields)));
                    w.Unindent();
                    w.WriteLine("),");
                }

                w.CloseBlock(";");
            }

            w.WriteLine();
            w.WriteLine("/// <summary>Declared transfers (attributes and crossborder.json), ordered by <see cref=\"CrossBorderTransferEntry.Id\"/>.</summary>");
            w.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<CrossBorderTransferEntry> Transfers { get; } = " +
                (model.Transfers.IsEmpty ? "global::System.Array.Empty<CrossBorderTransferEntry>();" : "new CrossBorderTransferEntry[]"));
            if (!model.Transfers.IsEmpty)
            {
                w.OpenBlock();
                foreach (var transfer in model.Transfers)
                {
                    WriteTransfer(w, transfer);
                }

                w.CloseBlock(";");
            }

            w.WriteLine();
            w.WriteLine("/// <summary>The personal-information processor's profile, when declared.</summary>");
            if (model.Processor is { } processor)
            {
                w.WriteLine("public static " + Annotate(model, "CrossBorderProcessorEntry?") + " Processor { get; } = new CrossBorderProcessorEntry(");
                w.Indent();
                Args(
                    w,
                    ("source", Literal(processor.Source)),
                    ("name", Literal(processor.Name)),
                    ("isCriticalInformationInfrastructureOperator", Bool(processor.CriticalInformationInfrastructureOperator)),
                    ("freeTradeZone", Literal(processor.FreeTradeZone)));
                w.Unindent();
                w.WriteLine(");");
            }
            else
            {
                w.WriteLine("public static " + Annotate(model, "CrossBorderProcessorEntry?") + " Processor => null;");
            }

            w.WriteLine();
            w.WriteLine("/// <summary>The entry with that id (<c>T:</c>, <c>P:</c>, <c>F:</c>, or <c>M:...#p:name</c>, <c>M:...#return</c>), or null.</summary>");
            w.WriteLine("public static " + Annotate(model, "CrossBorderDataEntry?") + " FindEntry(string id)");
            w.OpenBlock();
            w.WriteLine("foreach (var entry in Entries)");
            w.OpenBlock();
            w.WriteLine("if (global::System.String.Equals(entry.Id, id, global::System.StringComparison.Ordinal))");
            w.OpenBlock();
            w.WriteLine("return entry;");
            w.CloseBlock();
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("return null;");
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("/// <summary>The transfer with that id, or null.</summary>");
            w.WriteLine("public static " + Annotate(model, "CrossBorderTransferEntry?") + " FindTransfer(string id)");
            w.OpenBlock();
            w.WriteLine("foreach (var transfer in Transfers)");
            w.OpenBlock();
            w.WriteLine("if (global::System.String.Equals(transfer.Id, id, global::System.StringComparison.Ordinal))");
            w.OpenBlock();
            w.WriteLine("return transfer;");
            w.CloseBlock();
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("return null;");
            w.CloseBlock();
            w.CloseBlock();
            return End(w);
        }

        private static void WriteDataEntry(SourceWriter w, DataEntryModel entry)
        {
            w.WriteLine("new CrossBorderDataEntry(");
            w.Indent();
            string evidence;
            if (entry.ImportantData.IsEmpty)
            {
                evidence = "global::System.Array.Empty<CrossBorderImportantDataEvidence>()";
            }
            else
            {
                evidence = "new CrossBorderImportantDataEvidence[] { " + string.Join(", ", entry.ImportantData.Select(static e =>
                    "new CrossBorderImportantDataEvidence(" + string.Join(", ", new[]
                    {
                        Literal(e.CatalogEntry), Literal(e.Catalog), Literal(e.CatalogVersion), Literal(e.NotifiedBy),
                        Literal(e.NotifiedOn), Literal(e.Domain), Literal(e.Description),
                    }) + ")")) + " }";
            }

            Args(
                w,
                ("id", Literal(entry.Id)),
                ("kind", "CrossBorderEntryKind." + entry.Kind.ToString()),
                ("name", Literal(entry.Name)),
                ("containingTypeId", Literal(entry.ContainingTypeId)),
                ("assembly", Literal(entry.Assembly)),
                ("isDerived", Bool(entry.IsDerived)),
                ("isPersonalInformation", Bool(entry.PersonalInformation)),
                ("personalInformationCategory", Literal(entry.PersonalInformationCategory)),
                ("sensitiveCategories", entry.SensitiveCategories.IsEmpty
                    ? "global::System.Array.Empty<global::CrossBorder.Policy.SensitiveCategory>()"
                    : "new global::CrossBorder.Policy.SensitiveCategory[] { " +
                      string.Join(", ", entry.SensitiveCategories.Select(static c => "global::CrossBorder.Policy.SensitiveCategory." + c)) + " }"),
                ("importantData", evidence),
                ("isCoreData", Bool(entry.CoreData)),
                ("coreDataBasis", Literal(entry.CoreDataBasis)),
                ("isGeneralData", Bool(entry.GeneralData)),
                ("generalDataLevel", entry.GeneralDataLevel.ToString(CultureInfo.InvariantCulture)),
                ("isAnonymized", Bool(entry.Anonymized)),
                ("anonymizationMethod", Literal(entry.AnonymizationMethod)),
                ("dataOrigin", Literal(entry.DataOrigin)),
                ("collectedAbroad", Bool(entry.CollectedAbroad)),
                ("description", Literal(entry.Description)));
            w.Unindent();
            w.WriteLine("),");
        }

        private static void WriteTransfer(SourceWriter w, TransferModel t)
        {
            w.WriteLine("new CrossBorderTransferEntry(");
            w.Indent();
            Args(
                w,
                ("id", Literal(t.Id)),
                ("isIdDeclared", Bool(t.IdDeclared)),
                ("declaredOn", Literal(t.DeclaredOn)),
                ("source", Literal(t.Source)),
                ("mechanism", t.Mechanism is null ? "null" : "global::CrossBorder.Policy.TransferMechanism." + t.Mechanism),
                ("reference", Literal(t.Reference)),
                ("issuedOn", Literal(t.IssuedOn)),
                ("validUntil", Literal(t.ValidUntil ?? t.ComputedValidUntil)),
                ("isValidUntilComputed", Bool(t.ValidUntil is null && t.ComputedValidUntil is not null)),
                ("computedValidUntil", Literal(t.ComputedValidUntil)),
                ("issuingAuthority", Literal(t.IssuingAuthority)),
                ("recipient", Literal(t.Recipient)),
                ("jurisdiction", Literal(t.Jurisdiction)),
                ("endpoint", Literal(t.Endpoint)),
                ("purpose", Literal(t.Purpose)),
                ("exemption", t.Exemption is null ? "null" : "global::CrossBorder.Policy.ExemptionBasis." + t.Exemption),
                ("categories", Strings(t.Categories)),
                ("estimatedSubjectsPerYear", Long(t.EstimatedSubjectsPerYear)),
                ("estimatedSensitiveSubjectsPerYear", Long(t.EstimatedSensitiveSubjectsPerYear)),
                ("separateConsent", Bool(t.SeparateConsent)),
                ("retentionPeriod", Literal(t.RetentionPeriod)),
                ("overseasStorageLocation", Literal(t.OverseasStorageLocation)),
                ("invalidFields", Strings(t.InvalidFields)));
            w.Unindent();
            w.WriteLine("),");
        }

        // ------------------------------------------------------------------ the entry types

        private static string EmitEntryKind(DirectoryModel model)
        {
            var w = Begin(model);
            w.WriteLine("/// <summary>What a <see cref=\"CrossBorderDataEntry\"/> describes.</summary>");
            w.WriteLine(GeneratedCodeAttribute);
            w.WriteLine(Accessibility(model) + " enum CrossBorderEntryKind");
            w.OpenBlock();
            w.WriteLine("/// <summary>A class, struct, record or interface.</summary>");
            w.WriteLine("Type,");
            w.WriteLine();
            w.WriteLine("/// <summary>A property.</summary>");
            w.WriteLine("Property,");
            w.WriteLine();
            w.WriteLine("/// <summary>A field.</summary>");
            w.WriteLine("Field,");
            w.WriteLine();
            w.WriteLine("/// <summary>A method parameter (id <c>M:...#p:name</c>).</summary>");
            w.WriteLine("Parameter,");
            w.WriteLine();
            w.WriteLine("/// <summary>A method's return value (id <c>M:...#return</c>).</summary>");
            w.WriteLine("ReturnValue,");
            w.CloseBlock();
            return End(w);
        }

        private static string EmitDataEntryType(DirectoryModel model) => EmitClass(
            model,
            "CrossBorderDataEntry",
            "One classified type or member of <see cref=\"CrossBorderDirectory\"/>.",
            new[]
            {
                P("string", "Id", "The documentation comment id (<c>T:Contoso.Patient</c>, <c>P:Contoso.Patient.Email</c>; <c>M:...#p:name</c> for a parameter, <c>M:...#return</c> for a return value): stable across unrelated edits."),
                P("CrossBorderEntryKind", "Kind", "Whether the entry is a type, a property or a field."),
                P("string", "Name", "The fully qualified C# name."),
                P("string?", "ContainingTypeId", "The id of the containing type, for members, parameters and return values."),
                P("string?", "Assembly", "The referenced assembly that declares the type or member; null when this assembly declares it."),
                P("bool", "IsDerived", "The type has no classification attribute of its own and is classified by the members it contains."),
                P("bool", "IsPersonalInformation", "Personal information (PIPL Art. 4), including sensitive personal information."),
                P("string?", "PersonalInformationCategory", "The taxonomy category of <c>[PersonalInformation(Category = ...)]</c>."),
                P("global::System.Collections.Generic.IReadOnlyList<global::CrossBorder.Policy.SensitiveCategory>", "SensitiveCategories", "The PIPL Art. 28 categories; empty when not sensitive."),
                P("global::System.Collections.Generic.IReadOnlyList<CrossBorderImportantDataEvidence>", "ImportantData", "The important-data catalogue evidence; empty when not important data."),
                P("bool", "IsCoreData", "Core data (DSL Art. 21 para. 2)."),
                P("string?", "CoreDataBasis", "The catalogue or decision that classifies the data as core data."),
                P("bool", "IsGeneralData", "Explicitly general data."),
                P("int", "GeneralDataLevel", "The general-data sub-level, 0 when not graded."),
                P("bool", "IsAnonymized", "Values are anonymized (PIPL Art. 73(4))."),
                P("string?", "AnonymizationMethod", "How the data was anonymized."),
                P("string?", "DataOrigin", "The data-origin region, for example <c>CN-JS</c>."),
                P("bool", "CollectedAbroad", "The data was collected outside mainland China."),
                P("string?", "Description", "What the data is."),
            },
            new[]
            {
                "/// <summary>The type or member comes from a referenced assembly.</summary>",
                "public bool IsExternal => Assembly != null;",
                string.Empty,
                "/// <summary>Sensitive personal information (PIPL Art. 28).</summary>",
                "public bool IsSensitivePersonalInformation => SensitiveCategories.Count != 0;",
                string.Empty,
                "/// <summary>Important data with catalogue evidence.</summary>",
                "public bool IsImportantData => ImportantData.Count != 0;",
                string.Empty,
                "/// <inheritdoc />",
                "public override string ToString() => Id;",
            });

        private static string EmitEvidenceType(DirectoryModel model) => EmitClass(
            model,
            "CrossBorderImportantDataEvidence",
            "The catalogue evidence of one <c>[ImportantData]</c> classification.",
            new[]
            {
                P("string", "CatalogEntry", "The entry id or name in the catalogue."),
                P("string?", "Catalog", "The catalogue or negative list."),
                P("string?", "CatalogVersion", "The catalogue's version or publication date."),
                P("string?", "NotifiedBy", "The department or region that notified the processor."),
                P("string?", "NotifiedOn", "The date of the notification, as written."),
                P("string?", "Domain", "The industry domain."),
                P("string?", "Description", "What the data is."),
            },
            Array.Empty<string>());

        private static string EmitEndpointType(DirectoryModel model) => EmitClass(
            model,
            "CrossBorderEndpointEntry",
            "One endpoint binding: code or the policy file bound to a foreign or domestic host.",
            new[]
            {
                P("string", "Target", "The documentation comment id of what carries the binding (<c>M:...#p:name</c> for a parameter), <c>assembly</c>, or <c>policy-file</c>."),
                P("string", "Source", "<c>attribute</c> or <c>policy-file</c>."),
                P("bool", "IsForeign", "The endpoint is outside mainland China."),
                P("string?", "Jurisdiction", "The ISO 3166-1 alpha-2 code, as written; null for domestic bindings."),
                P("string?", "Host", "The host or host pattern."),
                P("string?", "Recipient", "The overseas recipient."),
                P("global::System.Collections.Generic.IReadOnlyList<string>", "InvalidFields", "Fields whose values are invalid (for example <c>jurisdiction</c>); the analyzers report them."),
            },
            Array.Empty<string>());

        private static string EmitTransferType(DirectoryModel model) => EmitClass(
            model,
            "CrossBorderTransferEntry",
            "One declared cross-border transfer authorization.",
            new[]
            {
                P("string", "Id", "The declared id, or <c>{DeclaredOn}/{Mechanism}/{Reference or Recipient}</c> when none is declared; a repeated id gets <c>~2</c>, <c>~3</c>."),
                P("bool", "IsIdDeclared", "Whether <see cref=\"Id\"/> was declared."),
                P("string", "DeclaredOn", "The documentation comment id of the declaring method or type, <c>assembly</c>, or <c>policy-file</c>."),
                P("string", "Source", "<c>attribute</c> or <c>policy-file</c>."),
                P("global::CrossBorder.Policy.TransferMechanism?", "Mechanism", "The legal mechanism; null when the declared value is not a mechanism."),
                P("string?", "Reference", "The approval, filing or certificate number."),
                P("string?", "IssuedOn", "The issue date, <c>yyyy-MM-dd</c> as written."),
                P("string?", "ValidUntil", "The last day of validity that applies: the declared one as written, else the computed one (see <see cref=\"IsValidUntilComputed\"/>)."),
                P("bool", "IsValidUntilComputed", "Whether <see cref=\"ValidUntil\"/> was computed rather than declared."),
                P("string?", "ComputedValidUntil", "The default computed by the regulation rules from <see cref=\"IssuedOn\"/> (three years for assessments and certificates); null for mechanisms without a fixed term."),
                P("string?", "IssuingAuthority", "The authority that issued the reference (policy file)."),
                P("string?", "Recipient", "The overseas recipient."),
                P("string?", "Jurisdiction", "The recipient's ISO 3166-1 alpha-2 code, as written."),
                P("string?", "Endpoint", "The host or host pattern covered."),
                P("string?", "Purpose", "The purpose of the transfer."),
                P("global::CrossBorder.Policy.ExemptionBasis?", "Exemption", "The exemption claimed; null when the declared value is not an exemption basis."),
                P("global::System.Collections.Generic.IReadOnlyList<string>", "Categories", "The covered data categories as written; empty means all the mechanism can cover."),
                P("long?", "EstimatedSubjectsPerYear", "Estimated natural persons (non-sensitive) per calendar year; null when not declared."),
                P("long?", "EstimatedSensitiveSubjectsPerYear", "Estimated natural persons (sensitive) per calendar year; null when not declared."),
                P("bool", "SeparateConsent", "Separate consent is obtained."),
                P("string?", "RetentionPeriod", "How long the recipient keeps the data."),
                P("string?", "OverseasStorageLocation", "Where the recipient stores the data."),
                P("global::System.Collections.Generic.IReadOnlyList<string>", "InvalidFields", "Fields whose values are invalid (<c>issuedOn</c>, <c>validUntil</c>, <c>jurisdiction</c>, ...); the analyzers report them."),
            },
            new[]
            {
                "/// <inheritdoc />",
                "public override string ToString() => Id;",
            });

        private static string EmitProcessorType(DirectoryModel model) => EmitClass(
            model,
            "CrossBorderProcessorEntry",
            "The personal-information processor's profile.",
            new[]
            {
                P("string", "Source", "<c>attribute</c> or <c>policy-file</c>."),
                P("string?", "Name", "The processor's legal name."),
                P("bool", "IsCriticalInformationInfrastructureOperator", "The processor is a critical information infrastructure operator."),
                P("string?", "FreeTradeZone", "The free-trade zone the processor is registered in."),
            },
            Array.Empty<string>());

        private static (string Type, string Name, string Doc) P(string type, string name, string doc) => (type, name, doc);

        private static string EmitClass(
            DirectoryModel model,
            string typeName,
            string summary,
            (string Type, string Name, string Doc)[] properties,
            string[] extraMembers)
        {
            var w = Begin(model);
            w.WriteLine("/// <summary>" + summary + "</summary>");
            w.WriteLine(GeneratedCodeAttribute);
            w.WriteLine(Accessibility(model) + " sealed class " + typeName);
            w.OpenBlock();
            w.WriteLine("/// <summary>Creates the entry; the generated <see cref=\"CrossBorderDirectory\"/> is its only intended caller.</summary>");
            w.WriteLine("public " + typeName + "(");
            w.Indent();
            for (var i = 0; i < properties.Length; i++)
            {
                w.WriteLine(Annotate(model, properties[i].Type) + " " + Camel(properties[i].Name) + (i + 1 < properties.Length ? "," : ")"));
            }

            w.Unindent();
            w.OpenBlock();
            foreach (var property in properties)
            {
                w.WriteLine("this." + property.Name + " = " + Camel(property.Name) + ";");
            }

            w.CloseBlock();
            foreach (var property in properties)
            {
                w.WriteLine();
                w.WriteLine("/// <summary>" + property.Doc + "</summary>");
                w.WriteLine("public " + Annotate(model, property.Type) + " " + property.Name + " { get; }");
            }

            if (extraMembers.Length > 0)
            {
                w.WriteLine();
                foreach (var line in extraMembers)
                {
                    w.WriteLine(line);
                }
            }

            w.CloseBlock();
            return End(w);
        }

        // ------------------------------------------------------------------ the manifest attributes

        private static string EmitManifest(DirectoryModel model)
        {
            var directoryType = "global::" + model.Namespace + ".CrossBorderDirectory";
            var w = new SourceWriter();
            w.WriteLine("// <auto-generated/>");
            if (model.NullableAnnotations)
            {
                w.WriteLine("#nullable enable");
            }

            w.WriteLine();
            w.WriteLine("// The embedded manifest: tools read these AssemblyMetadata attributes with System.Reflection.Metadata,");
            w.WriteLine("// without loading the assembly. See docs/generator.md.");
            Metadata(w, "ManifestFormat", Literal(FormatVersion.ToString(CultureInfo.InvariantCulture)));
            Metadata(w, "Directory", Literal(model.Namespace + ".CrossBorderDirectory"));
            Metadata(w, "DataDirectoryJson", directoryType + ".DataDirectoryJson");
            Metadata(w, "DataDirectorySha256", directoryType + ".DataDirectorySha256");
            Metadata(w, "TransfersJson", directoryType + ".TransfersJson");
            Metadata(w, "TransfersSha256", directoryType + ".TransfersSha256");
            return w.ToString();
        }

        private static void Metadata(SourceWriter w, string key, string valueExpression) =>
            w.WriteLine("[assembly: global::System.Reflection.AssemblyMetadata(" + Literal(MetadataPrefix + key) + ", " + valueExpression + ")]");

        // ------------------------------------------------------------------ JSON

        /// <summary>The canonical JSON and digest of the data directory (Core's <c>ManifestWriter</c>).</summary>
        public static CanonicalDocument WriteDataDirectory(DirectoryModel model) =>
            ManifestWriter.WriteDocument(ManifestMapper.ToDataDirectory(model));

        /// <summary>The canonical JSON and digest of the transfer manifest (Core's <c>ManifestWriter</c>).</summary>
        public static CanonicalDocument WriteTransfers(DirectoryModel model) =>
            ManifestWriter.WriteDocument(ManifestMapper.ToTransferManifest(model));

        // ------------------------------------------------------------------ C# text helpers

        private static SourceWriter Begin(DirectoryModel model)
        {
            var w = new SourceWriter();
            w.WriteLine("// <auto-generated/>");
            if (model.NullableAnnotations)
            {
                w.WriteLine("#nullable enable");
            }

            w.WriteLine();
            w.WriteLine("namespace " + model.Namespace);
            w.OpenBlock();
            return w;
        }

        private static string End(SourceWriter w)
        {
            w.CloseBlock();
            return w.ToString();
        }

        private static string Accessibility(DirectoryModel model) => model.IsPublic ? "public" : "internal";

        private static void Args(SourceWriter w, params (string Name, string Value)[] arguments)
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                w.WriteLine(arguments[i].Name + ": " + arguments[i].Value + (i + 1 < arguments.Length ? "," : string.Empty));
            }
        }

        /// <summary>Drops the <c>?</c> of a nullable reference type for consumers before C# 8 (value types keep it).</summary>
        private static string Annotate(DirectoryModel model, string type) =>
            model.NullableAnnotations || !type.EndsWith("?", StringComparison.Ordinal) || type.StartsWith("global::CrossBorder.Policy.", StringComparison.Ordinal)
                ? type
                : type.Substring(0, type.Length - 1);

        private static string Long(long? value) => value is null ? "null" : value.Value.ToString(CultureInfo.InvariantCulture) + "L";

        private static string Bool(bool value) => value ? "true" : "false";

        private static string Camel(string name) =>
            name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

        private static string Strings(EquatableArray<string> values) => values.IsEmpty
            ? "global::System.Array.Empty<string>()"
            : "new string[] { " + string.Join(", ", values.Select(static v => Literal(v))) + " }";

        /// <summary>A verbatim string literal; used for the JSON, which the writer keeps free of lone surrogates and of control characters other than <c>\n</c>.</summary>
        private static string Verbatim(string value) => "@\"" + value.Replace("\"", "\"\"") + "\"";

        /// <summary>A regular C# string literal (or <c>null</c>), escaping quotes, backslashes, control characters and lone surrogates.</summary>
        internal static string Literal(string? value)
        {
            if (value is null)
            {
                return "null";
            }

            var builder = new StringBuilder(value.Length + 2);
            builder.Append('"');
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case '\0': builder.Append("\\0"); break;
                    default:
                        var lone = (char.IsHighSurrogate(c) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))) ||
                                   (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1])));
                        if (c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029' || lone)
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            builder.Append('"');
            return builder.ToString();
        }
    }
}
