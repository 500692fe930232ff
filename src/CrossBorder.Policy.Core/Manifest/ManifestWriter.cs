using System;
using System.Collections.Generic;
using CrossBorder.Policy.Core.Json;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Manifest;

/// <summary>A canonical manifest document and the digest of its bytes.</summary>
/// <param name="Json">The canonical JSON text (UTF-16 here; its bytes are its UTF-8 encoding without BOM).</param>
/// <param name="Digest">The digest of the UTF-8 bytes of <paramref name="Json"/>, <c>sha256:&lt;64 lowercase hex&gt;</c>.</param>
public sealed record CanonicalDocument(string Json, string Digest);

/// <summary>
/// Writes the data directory and the transfer manifest in their canonical JSON form: fixed property order, every
/// property always present (absent values as <c>null</c>, empty collections as <c>[]</c>), keyed collections sorted
/// by id, sets sorted ordinally, dates <c>yyyy-MM-dd</c>, integers in invariant form, two-space indentation,
/// <c>\n</c> line ends and a final newline. The output depends only on the model's canonical form: not on input
/// order, culture, machine or time. See docs/manifest-format.md.
/// </summary>
public static class ManifestWriter
{
    /// <summary>Writes the canonical JSON of <paramref name="directory"/>. Throws <see cref="ArgumentException"/> on an invalid model.</summary>
    public static string Write(DataDirectory directory)
    {
        var d = Canonical.Directory(directory);
        var o = new Builder(ManifestProperties.DataDirectory);
        o.Add("document", new JsonString(ManifestSchema.DataDirectoryDocument));
        o.Add("schemaVersion", new JsonString(ManifestSchema.CurrentVersion));
        o.Add("assembly", new JsonString(d.Assembly));
        o.Add("processor", Processor(d.Processor));
        o.Add("entries", Array(d.Entries, Entry));
        o.Add("endpoints", Array(d.Endpoints, Endpoint));
        return JsonWriter.Write(o.Build());
    }

    /// <summary>Writes the canonical JSON of <paramref name="manifest"/>. Throws <see cref="ArgumentException"/> on an invalid model.</summary>
    public static string Write(TransferManifest manifest)
    {
        var m = Canonical.Manifest(manifest);
        var o = new Builder(ManifestProperties.TransferManifest);
        o.Add("document", new JsonString(ManifestSchema.TransferManifestDocument));
        o.Add("schemaVersion", new JsonString(ManifestSchema.CurrentVersion));
        o.Add("assembly", new JsonString(m.Assembly));
        o.Add("processor", Processor(m.Processor));
        o.Add("authorizations", Array(m.Authorizations, Authorization));
        o.Add("flows", Array(m.Flows, Flow));
        return JsonWriter.Write(o.Build());
    }

    /// <summary>The canonical JSON of <paramref name="directory"/> with its digest, as the generator embeds them.</summary>
    public static CanonicalDocument WriteDocument(DataDirectory directory)
    {
        var json = Write(directory);
        return new CanonicalDocument(json, ManifestDigest.Compute(json));
    }

    /// <summary>The canonical JSON of <paramref name="manifest"/> with its digest, as the generator embeds them.</summary>
    public static CanonicalDocument WriteDocument(TransferManifest manifest)
    {
        var json = Write(manifest);
        return new CanonicalDocument(json, ManifestDigest.Compute(json));
    }

    private static JsonNode Processor(ProcessorProfile? p)
    {
        if (p is null)
        {
            return JsonLiteral.Null();
        }

        var o = new Builder(ManifestProperties.Processor);
        o.Add("name", Text(p.Name));
        o.Add("criticalInformationInfrastructureOperator", JsonLiteral.Boolean(p.CriticalInformationInfrastructureOperator));
        o.Add("freeTradeZone", Text(p.FreeTradeZone));
        return o.Build();
    }

    private static JsonNode Entry(DirectoryEntry e)
    {
        var o = new Builder(ManifestProperties.Entry);
        o.Add("id", new JsonString(e.Id));
        o.Add("kind", Enum(e.Kind));
        o.Add("displayName", new JsonString(e.DisplayName));
        o.Add("containingTypeId", Text(e.ContainingTypeId));
        o.Add("referencedAssembly", Text(e.ReferencedAssembly));
        o.Add("description", Text(e.Description));
        o.Add("classification", Classification(e.Classification));
        o.Add("origin", e.Origin is null ? JsonLiteral.Null() : Origin(e.Origin));
        o.Add("inheritedClasses", Enums(e.InheritedClasses));
        o.Add("inheritedFrom", Strings(e.InheritedFrom));
        return o.Build();
    }

    private static JsonNode Classification(DataClassification c)
    {
        var o = new Builder(ManifestProperties.Classification);
        o.Add("personalInformation", JsonLiteral.Boolean(c.PersonalInformation));
        o.Add("personalInformationCategory", Text(c.PersonalInformationCategory));
        o.Add("sensitiveCategories", Enums(c.SensitiveCategories));
        o.Add("importantData", Array(c.ImportantData, Evidence));
        o.Add("coreData", JsonLiteral.Boolean(c.CoreData));
        o.Add("coreDataBasis", Text(c.CoreDataBasis));
        o.Add("generalData", JsonLiteral.Boolean(c.GeneralData));
        o.Add("generalDataLevel", c.GeneralDataLevel is { } level ? new JsonNumber(level) : JsonLiteral.Null());
        o.Add("anonymized", JsonLiteral.Boolean(c.Anonymized));
        o.Add("anonymizationMethod", Text(c.AnonymizationMethod));
        return o.Build();
    }

    private static JsonNode Evidence(ImportantDataEvidence e)
    {
        var o = new Builder(ManifestProperties.ImportantData);
        o.Add("entry", new JsonString(e.Entry));
        o.Add("catalog", Text(e.Catalog));
        o.Add("catalogVersion", Text(e.CatalogVersion));
        o.Add("notifiedBy", Text(e.NotifiedBy));
        o.Add("notifiedOn", Date(e.NotifiedOn));
        o.Add("domain", Text(e.Domain));
        return o.Build();
    }

    private static JsonNode Origin(DataOriginLabel origin)
    {
        var o = new Builder(ManifestProperties.Origin);
        o.Add("region", new JsonString(origin.Region));
        o.Add("collectedAbroad", JsonLiteral.Boolean(origin.CollectedAbroad));
        return o.Build();
    }

    private static JsonNode Endpoint(EndpointBinding b)
    {
        var o = new Builder(ManifestProperties.Endpoint);
        o.Add("declaredOn", new JsonString(b.DeclaredOn));
        o.Add("host", Text(b.Host));
        o.Add("jurisdiction", Text(b.Jurisdiction));
        o.Add("domestic", JsonLiteral.Boolean(b.Domestic));
        o.Add("recipient", Text(b.Recipient));
        return o.Build();
    }

    private static JsonNode Authorization(TransferAuthorization a)
    {
        var o = new Builder(ManifestProperties.Authorization);
        o.Add("id", new JsonString(a.Id));
        o.Add("mechanism", Enum(a.Mechanism));
        o.Add("exemption", Enum(a.Exemption));
        o.Add("reference", Text(a.Reference));
        o.Add("issuingAuthority", Text(a.IssuingAuthority));
        o.Add("issuedOn", Date(a.IssuedOn));
        o.Add("validUntil", Date(a.ValidUntil));
        o.Add("validUntilSource", Enum(a.ValidUntilSource));
        o.Add("declaredValidUntil", Date(a.DeclaredValidUntil));
        o.Add("computedValidUntil", Date(a.ComputedValidUntil));
        o.Add("recipient", Text(a.Recipient));
        o.Add("recipientAddress", Text(a.RecipientAddress));
        o.Add("recipientContact", Text(a.RecipientContact));
        o.Add("jurisdiction", Text(a.Jurisdiction));
        o.Add("endpoint", Text(a.Endpoint));
        o.Add("purpose", Text(a.Purpose));
        o.Add("processingMethod", Text(a.ProcessingMethod));
        o.Add("transferMethod", Text(a.TransferMethod));
        o.Add("lawfulBasis", Text(a.LawfulBasis));
        o.Add("categories", Strings(a.Categories));
        o.Add("estimatedSubjectsPerYear", Integer(a.EstimatedSubjectsPerYear));
        o.Add("estimatedSensitiveSubjectsPerYear", Integer(a.EstimatedSensitiveSubjectsPerYear));
        o.Add("separateConsent", JsonLiteral.Boolean(a.SeparateConsent));
        o.Add("retentionPeriod", Text(a.RetentionPeriod));
        o.Add("overseasStorageLocation", Text(a.OverseasStorageLocation));
        o.Add("onwardRecipients", Strings(a.OnwardRecipients));
        o.Add("securityMeasures", Strings(a.SecurityMeasures));
        o.Add("impactAssessmentReference", Text(a.ImpactAssessmentReference));
        o.Add("impactAssessmentCompletedOn", Date(a.ImpactAssessmentCompletedOn));
        o.Add("declaredOn", new JsonString(a.DeclaredOn));
        return o.Build();
    }

    private static JsonNode Flow(TransferFlow f)
    {
        var o = new Builder(ManifestProperties.Flow);
        o.Add("id", new JsonString(f.Id));
        o.Add("status", Enum(f.Status));
        o.Add("sourceMethodId", new JsonString(f.SourceMethodId));
        o.Add("callChain", Array(f.CallChain, Step));
        o.Add("sinkId", new JsonString(f.SinkId));
        o.Add("sinkDisplay", Text(f.SinkDisplay));
        o.Add("endpointHost", Text(f.EndpointHost));
        o.Add("jurisdiction", Text(f.Jurisdiction));
        o.Add("jurisdictionResolution", Enum(f.JurisdictionResolution));
        o.Add("dataClasses", Enums(f.DataClasses));
        o.Add("categories", Strings(f.Categories));
        o.Add("originMemberIds", Strings(f.OriginMemberIds));
        o.Add("authorizationId", Text(f.AuthorizationId));
        return o.Build();
    }

    private static JsonNode Step(CallStep s)
    {
        var o = new Builder(ManifestProperties.CallStep);
        o.Add("id", new JsonString(s.Id));
        o.Add("display", new JsonString(s.Display));
        return o.Build();
    }

    private static JsonNode Text(string? value) => value is null ? JsonLiteral.Null() : new JsonString(value);

    private static JsonNode Date(IsoDate? value) => value is { } date ? new JsonString(date.ToString()) : JsonLiteral.Null();

    private static JsonNode Integer(long? value) => value is { } number ? new JsonNumber(number) : JsonLiteral.Null();

    private static JsonNode Enum<T>(T value)
        where T : struct, System.Enum => new JsonString(EnumText<T>.Name(value));

    private static JsonNode Enums<T>(EquatableArray<T> values)
        where T : struct, System.Enum
    {
        var items = new List<JsonNode>(values.Count);
        foreach (var value in values)
        {
            items.Add(Enum(value));
        }

        return new JsonArray(items);
    }

    private static JsonNode Strings(EquatableArray<string> values)
    {
        var items = new List<JsonNode>(values.Count);
        foreach (var value in values)
        {
            items.Add(new JsonString(value));
        }

        return new JsonArray(items);
    }

    private static JsonNode Array<T>(EquatableArray<T> values, Func<T, JsonNode> write)
    {
        var items = new List<JsonNode>(values.Count);
        foreach (var value in values)
        {
            items.Add(write(value));
        }

        return new JsonArray(items);
    }

    /// <summary>Builds an object whose properties must be exactly the given names, in order.</summary>
    private sealed class Builder
    {
        private readonly string[] _names;
        private readonly List<JsonProperty> _properties;

        public Builder(string[] names)
        {
            _names = names;
            _properties = new List<JsonProperty>(names.Length);
        }

        public void Add(string name, JsonNode value)
        {
            if (_properties.Count >= _names.Length || !string.Equals(_names[_properties.Count], name, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Property '{name}' is out of the canonical order.");
            }

            _properties.Add(new JsonProperty(name, value));
        }

        public JsonObject Build() =>
            _properties.Count == _names.Length
                ? new JsonObject(_properties)
                : throw new InvalidOperationException($"Property '{_names[_properties.Count]}' was not written.");
    }
}
