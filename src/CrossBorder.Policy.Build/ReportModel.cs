using System;
using System.Collections.Generic;
using System.Linq;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;
using Scriban.Runtime;

namespace CrossBorder.Policy.Build;

/// <summary>
/// Builds the variables every report template receives (documented in docs/templates.md): plain script objects of
/// strings, booleans, numbers and lists, with snake_case names and every label already in the report language. Nothing
/// depends on the clock, the machine or the current culture.
/// </summary>
internal static class ReportModel
{
    public static ScriptObject Build(EmbeddedManifest manifest, ReportLanguage language)
    {
        var globals = new ScriptObject();
        globals.Add("lang", ReportLanguages.Code(language));
        globals.Add("l", LabelObject(language));
        globals.Add("l_en", LabelObject(ReportLanguage.English));
        globals.Add("l_zh", LabelObject(ReportLanguage.Chinese));

        var report = new ScriptObject
        {
            { "assembly", manifest.AssemblyName },
            { "directory_type", manifest.DirectoryTypeName },
            { "manifest_format", manifest.Format },
            { "schema_version", ManifestSchema.CurrentVersion },
            { "html_lang", language == ReportLanguage.English ? "en" : "zh-Hans" },
            { "data_directory_digest", manifest.DataDirectoryDocument.Digest },
            { "transfers_digest", manifest.TransfersDocument.Digest },
        };
        globals.Add("report", report);

        var directory = manifest.DataDirectory;
        var transfers = manifest.Transfers;
        globals.Add("processor", Processor(directory.Processor ?? transfers.Processor, language));
        globals.Add("directory", Directory(directory, language));
        globals.Add("transfers", Transfers(transfers, language));
        return globals;
    }

    private static ScriptObject LabelObject(ReportLanguage language)
    {
        var labels = new ScriptObject();
        foreach (var pair in ReportLabels.Text)
        {
            labels.Add(pair.Key, ReportLabels.Pick(pair.Value, language));
        }

        return labels;
    }

    private static ScriptObject? Processor(ProcessorProfile? p, ReportLanguage language) => p is null
        ? null
        : new ScriptObject
        {
            { "name", p.Name },
            { "critical_information_infrastructure_operator", p.CriticalInformationInfrastructureOperator },
            { "free_trade_zone", p.FreeTradeZone },
            { "critical_information_infrastructure_operator_label", YesNo(p.CriticalInformationInfrastructureOperator, language) },
        };

    private static ScriptObject Directory(DataDirectory d, ReportLanguage language)
    {
        var entries = new ScriptArray();
        int pi = 0, sensitive = 0, important = 0, core = 0;
        foreach (var e in d.Entries)
        {
            var entry = Entry(e, language);
            entries.Add(entry);
            var classes = Effective(e);
            pi += classes.Contains(DataClass.PersonalInformation) ? 1 : 0;
            sensitive += classes.Contains(DataClass.SensitivePersonalInformation) ? 1 : 0;
            important += classes.Contains(DataClass.ImportantData) ? 1 : 0;
            core += classes.Contains(DataClass.CoreData) ? 1 : 0;
        }

        var endpoints = new ScriptArray();
        foreach (var b in d.Endpoints)
        {
            endpoints.Add(new ScriptObject
            {
                { "declared_on", b.DeclaredOn },
                { "host", b.Host },
                { "jurisdiction", b.Jurisdiction },
                { "jurisdiction_name", CountryName(b.Jurisdiction) },
                { "domestic", b.Domestic },
                { "location_label", ReportLabels.Pick(b.Domestic ? ("Domestic", "境内") : ("Foreign", "境外"), language) },
                { "recipient", b.Recipient },
            });
        }

        return new ScriptObject
        {
            { "assembly", d.Assembly },
            { "entries", entries },
            { "endpoints", endpoints },
            {
                "counts", new ScriptObject
                {
                    { "entries", d.Entries.Count },
                    { "personal_information", pi },
                    { "sensitive_personal_information", sensitive },
                    { "important_data", important },
                    { "core_data", core },
                    { "endpoints", d.Endpoints.Count },
                    { "foreign_endpoints", d.Endpoints.Count(b => !b.Domestic) },
                }
            },
        };
    }

    private static ScriptObject Entry(DirectoryEntry e, ReportLanguage language)
    {
        var c = e.Classification;
        var evidence = new ScriptArray();
        foreach (var x in c.ImportantData)
        {
            evidence.Add(new ScriptObject
            {
                { "entry", x.Entry },
                { "catalog", x.Catalog },
                { "catalog_version", x.CatalogVersion },
                { "notified_by", x.NotifiedBy },
                { "notified_on", Date(x.NotifiedOn) },
                { "domain", x.Domain },
            });
        }

        var declared = c.DeclaredClasses.ToList();
        var effective = Effective(e);
        return new ScriptObject
        {
            { "id", e.Id },
            { "kind", e.Kind.ToString() },
            { "kind_label", ReportLabels.Pick(ReportLabels.Of(e.Kind), language) },
            { "display_name", e.DisplayName },
            { "containing_type_id", e.ContainingTypeId },
            { "referenced_assembly", e.ReferencedAssembly },
            { "description", e.Description },
            { "personal_information", c.PersonalInformation },
            { "personal_information_category", c.PersonalInformationCategory },
            { "sensitive_categories", Names(c.SensitiveCategories) },
            { "sensitive_category_labels", Labels(c.SensitiveCategories.Select(s => ReportLabels.Of(s)), language) },
            { "important_data", evidence },
            { "core_data", c.CoreData },
            { "core_data_label", YesNo(c.CoreData, language) },
            { "core_data_basis", c.CoreDataBasis },
            { "general_data", c.GeneralData },
            { "general_data_level", c.GeneralDataLevel },
            { "anonymized", c.Anonymized },
            { "anonymized_label", YesNo(c.Anonymized, language) },
            { "anonymization_method", c.AnonymizationMethod },
            { "origin_region", e.Origin?.Region },
            { "origin_collected_abroad", e.Origin?.CollectedAbroad ?? false },
            { "origin_collected_abroad_label", e.Origin is null ? null : YesNo(e.Origin.CollectedAbroad, language) },
            { "declared_classes", Names(declared) },
            { "declared_class_labels", Labels(declared.Select(x => ReportLabels.Of(x)), language) },
            { "inherited_classes", Names(e.InheritedClasses) },
            { "inherited_class_labels", Labels(e.InheritedClasses.Select(x => ReportLabels.Of(x)), language) },
            { "inherited_from", Strings(e.InheritedFrom) },
            { "classes", Names(effective) },
            { "class_labels", Labels(effective.Select(x => ReportLabels.Of(x)), language) },
            { "highest_class", Highest(effective) },
        };
    }

    private static ScriptObject Transfers(TransferManifest m, ReportLanguage language)
    {
        var byId = new Dictionary<string, ScriptObject>(StringComparer.Ordinal);
        var authorizations = new ScriptArray();
        foreach (var a in m.Authorizations)
        {
            var o = Authorization(a, m, language);
            byId[a.Id] = o;
            authorizations.Add(o);
        }

        var flows = new ScriptArray();
        var needingAction = 0;
        var statusCounts = new ScriptArray();
        foreach (var f in m.Flows)
        {
            needingAction += f.Status == FlowStatus.Authorized ? 0 : 1;
            flows.Add(Flow(f, language, f.AuthorizationId is { } id && byId.TryGetValue(id, out var a) ? a : null));
        }

        foreach (FlowStatus status in Enum.GetValues(typeof(FlowStatus)))
        {
            var n = m.Flows.Count(f => f.Status == status);
            if (n > 0)
            {
                statusCounts.Add(new ScriptObject
                {
                    { "status", status.ToString() },
                    { "status_label", ReportLabels.Pick(ReportLabels.Of(status), language) },
                    { "status_class", StatusClass(status) },
                    { "count", n },
                });
            }
        }

        var unused = new ScriptArray();
        foreach (var a in m.Authorizations)
        {
            if (!m.Flows.Any(f => string.Equals(f.AuthorizationId, a.Id, StringComparison.Ordinal)))
            {
                unused.Add(byId[a.Id]);
            }
        }

        return new ScriptObject
        {
            { "assembly", m.Assembly },
            { "authorizations", authorizations },
            { "flows", flows },
            { "authorizations_without_flows", unused },
            {
                "counts", new ScriptObject
                {
                    { "authorizations", m.Authorizations.Count },
                    { "flows", m.Flows.Count },
                    { "flows_needing_action", needingAction },
                    { "by_status", statusCounts },
                }
            },
        };
    }

    private static ScriptObject Authorization(TransferAuthorization a, TransferManifest m, ReportLanguage language)
    {
        var flowIds = new ScriptArray();
        foreach (var f in m.Flows)
        {
            if (string.Equals(f.AuthorizationId, a.Id, StringComparison.Ordinal))
            {
                flowIds.Add(f.Id);
            }
        }

        return new ScriptObject
        {
            { "id", a.Id },
            { "mechanism", a.Mechanism.ToString() },
            { "mechanism_label", ReportLabels.Pick(ReportLabels.Of(a.Mechanism), language) },
            { "exemption", a.Exemption.ToString() },
            { "exemption_label", a.Exemption == ExemptionBasis.None ? null : ReportLabels.Pick(ReportLabels.Of(a.Exemption), language) },
            { "reference", a.Reference },
            { "reference_label", ReportLabels.Pick(ReportLabels.ReferenceOf(a.Mechanism), language) },
            { "issuing_authority", a.IssuingAuthority },
            { "issued_on", Date(a.IssuedOn) },
            { "valid_until", Date(a.ValidUntil) },
            { "valid_until_source", a.ValidUntilSource.ToString() },
            { "valid_until_source_label", ReportLabels.Pick(ReportLabels.Of(a.ValidUntilSource), language) },
            { "declared_valid_until", Date(a.DeclaredValidUntil) },
            { "computed_valid_until", Date(a.ComputedValidUntil) },
            { "recipient", a.Recipient },
            { "recipient_address", a.RecipientAddress },
            { "recipient_contact", a.RecipientContact },
            { "jurisdiction", a.Jurisdiction },
            { "jurisdiction_name", CountryName(a.Jurisdiction) },
            { "endpoint", a.Endpoint },
            { "purpose", a.Purpose },
            { "processing_method", a.ProcessingMethod },
            { "transfer_method", a.TransferMethod },
            { "lawful_basis", a.LawfulBasis },
            { "categories", Strings(a.Categories) },
            { "category_labels", Labels(a.Categories.Select(ReportLabels.Category), language) },
            { "estimated_subjects_per_year", a.EstimatedSubjectsPerYear },
            { "estimated_sensitive_subjects_per_year", a.EstimatedSensitiveSubjectsPerYear },
            { "separate_consent", a.SeparateConsent },
            { "separate_consent_label", YesNo(a.SeparateConsent, language) },
            { "retention_period", a.RetentionPeriod },
            { "overseas_storage_location", a.OverseasStorageLocation },
            { "onward_recipients", Strings(a.OnwardRecipients) },
            { "security_measures", Strings(a.SecurityMeasures) },
            { "impact_assessment_reference", a.ImpactAssessmentReference },
            { "impact_assessment_completed_on", Date(a.ImpactAssessmentCompletedOn) },
            { "declared_on", a.DeclaredOn },
            { "flow_ids", flowIds },
        };
    }

    private static ScriptObject Flow(TransferFlow f, ReportLanguage language, ScriptObject? authorization)
    {
        var chain = new ScriptArray();
        foreach (var step in f.CallChain)
        {
            chain.Add(new ScriptObject { { "id", step.Id }, { "display", step.Display } });
        }

        return new ScriptObject
        {
            { "id", f.Id },
            { "status", f.Status.ToString() },
            { "status_label", ReportLabels.Pick(ReportLabels.Of(f.Status), language) },
            { "status_class", StatusClass(f.Status) },
            { "needs_action", f.Status != FlowStatus.Authorized },
            { "source_method_id", f.SourceMethodId },
            { "call_chain", chain },
            { "sink_id", f.SinkId },
            { "sink_display", f.SinkDisplay },
            { "endpoint_host", f.EndpointHost },
            { "jurisdiction", f.Jurisdiction },
            { "jurisdiction_name", CountryName(f.Jurisdiction) },
            { "jurisdiction_resolution", f.JurisdictionResolution.ToString() },
            { "jurisdiction_resolution_label", ReportLabels.Pick(ReportLabels.Of(f.JurisdictionResolution), language) },
            { "data_classes", Names(f.DataClasses) },
            { "data_class_labels", Labels(f.DataClasses.Select(x => ReportLabels.Of(x)), language) },
            { "categories", Strings(f.Categories) },
            { "category_labels", Labels(f.Categories.Select(ReportLabels.Category), language) },
            { "origin_member_ids", Strings(f.OriginMemberIds) },
            { "authorization_id", f.AuthorizationId },
            { "authorization", authorization },
        };
    }

    /// <summary>Declared and inherited classes, in the order of <see cref="DataClass"/>.</summary>
    private static List<DataClass> Effective(DirectoryEntry e)
    {
        var set = new HashSet<DataClass>(e.Classification.DeclaredClasses);
        set.UnionWith(e.InheritedClasses);
        if (e.Classification.Anonymized && !e.Classification.PersonalInformation && e.Classification.SensitiveCategories.IsEmpty)
        {
            set.Remove(DataClass.PersonalInformation);
        }

        return set.OrderBy(x => (int)x).ToList();
    }

    /// <summary>The most restricted class (core, important, sensitive, personal, general), for styling; null when none.</summary>
    private static string? Highest(List<DataClass> classes)
    {
        DataClass[] order = { DataClass.CoreData, DataClass.ImportantData, DataClass.SensitivePersonalInformation, DataClass.PersonalInformation, DataClass.GeneralData };
        foreach (var c in order)
        {
            if (classes.Contains(c))
            {
                return c.ToString();
            }
        }

        return null;
    }

    /// <summary>A style class for a status: <c>ok</c> (authorized), <c>bad</c> (no valid authorization, core data), <c>warn</c> (the rest).</summary>
    private static string StatusClass(FlowStatus status) => status switch
    {
        FlowStatus.Authorized => "ok",
        FlowStatus.Unauthorized or FlowStatus.Blocked or FlowStatus.Expired => "bad",
        _ => "warn",
    };

    private static string? CountryName(string? code) => code is null ? null : IsoCountries.GetName(code);

    private static string? Date(IsoDate? date) => date?.ToString();

    private static string YesNo(bool value, ReportLanguage language) => ReportLabels.Pick(value ? ("Yes", "是") : ("No", "否"), language);

    private static ScriptArray Names<T>(IEnumerable<T> values)
        where T : struct, Enum
    {
        var array = new ScriptArray();
        foreach (var v in values)
        {
            array.Add(v.ToString());
        }

        return array;
    }

    private static ScriptArray Strings(IEnumerable<string> values)
    {
        var array = new ScriptArray();
        foreach (var v in values)
        {
            array.Add(v);
        }

        return array;
    }

    private static ScriptArray Labels(IEnumerable<(string En, string Zh)> labels, ReportLanguage language)
    {
        var array = new ScriptArray();
        foreach (var l in labels)
        {
            array.Add(ReportLabels.Pick(l, language));
        }

        return array;
    }
}
