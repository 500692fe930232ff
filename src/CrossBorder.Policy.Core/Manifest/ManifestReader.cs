using System;
using System.Collections.Generic;
using System.Globalization;
using CrossBorder.Policy.Core.Json;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Manifest;

/// <summary>
/// An error in a manifest file: invalid JSON, a file that is not a manifest or not the kind expected, an unsupported
/// schema version, a missing or unknown property, a bad value. <see cref="Exception.Message"/> is one line,
/// <c>(line,column): path: reason</c>.
/// </summary>
public sealed class ManifestReadException : Exception
{
    public ManifestReadException(string reason, TextPosition position, string path, Exception? inner = null)
        : base(Format(reason, position, path), inner)
    {
        Reason = reason;
        Position = position;
        Path = path;
    }

    /// <summary>The reason, without position and path.</summary>
    public string Reason { get; }

    /// <summary>Where the offending value (or property name) starts.</summary>
    public TextPosition Position { get; }

    /// <summary>The JSON path of the offending value (<c>$.entries[3].kind</c>); empty for syntax errors.</summary>
    public string Path { get; }

    private static string Format(string reason, TextPosition position, string path) =>
        string.Format(CultureInfo.InvariantCulture, "({0},{1}): {2}{3}", position.Line, position.Column, path.Length == 0 ? string.Empty : path + ": ", reason);
}

/// <summary>
/// Reads <c>data-directory.json</c> and <c>transfers.json</c> back into their models. The reader is strict (every
/// property of the document's schema version must be present, no other property is allowed, values must have their
/// documented form) but not canonical-order-sensitive: it returns canonical models whatever the order of the input.
/// Every error is a <see cref="ManifestReadException"/> with a line and column.
/// </summary>
public static class ManifestReader
{
    /// <summary>Tells which manifest document <paramref name="json"/> is, after checking its schema version.</summary>
    public static ManifestDocumentKind DetectKind(string json)
    {
        var root = Parse(json);
        return Header(root, expected: null);
    }

    /// <summary>Reads a data directory. Throws <see cref="ManifestReadException"/>.</summary>
    public static DataDirectory ReadDataDirectory(string json)
    {
        var root = Parse(json);
        Header(root, ManifestDocumentKind.DataDirectory);
        var o = new Obj(root, "$", ManifestProperties.DataDirectory, "a data directory");
        var directory = new DataDirectory(RequiredString(o, "assembly"))
        {
            Processor = Processor(o, "processor"),
            Entries = Keyed(o, "entries", Entry, e => e.Id, "entry"),
            Endpoints = List(o, "endpoints", Endpoint),
        };
        return Finish(root, () => Canonical.Directory(directory));
    }

    /// <summary>Reads a transfer manifest. Throws <see cref="ManifestReadException"/>.</summary>
    public static TransferManifest ReadTransferManifest(string json)
    {
        var root = Parse(json);
        Header(root, ManifestDocumentKind.TransferManifest);
        var o = new Obj(root, "$", ManifestProperties.TransferManifest, "a transfer manifest");
        var manifest = new TransferManifest(RequiredString(o, "assembly"))
        {
            Processor = Processor(o, "processor"),
            Authorizations = Keyed(o, "authorizations", Authorization, a => a.Id, "authorization"),
            Flows = Keyed(o, "flows", Flow, f => f.Id, "flow"),
        };
        return Finish(root, () => Canonical.Manifest(manifest));
    }

    private static T Finish<T>(JsonNode root, Func<T> canonicalize)
    {
        try
        {
            return canonicalize();
        }
        catch (ArgumentException e)
        {
            // Every rule of the canonical form is checked above with a position; this is a safety net.
            throw new ManifestReadException(e.Message, root.Position, "$", e);
        }
    }

    private static JsonNode Parse(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        try
        {
            return JsonReader.Parse(json, JsonReaderOptions.Strict);
        }
        catch (JsonReadException e)
        {
            throw new ManifestReadException("invalid JSON: " + e.Reason, e.Position, string.Empty, e);
        }
    }

    private static ManifestDocumentKind Header(JsonNode root, ManifestDocumentKind? expected)
    {
        var expectedName = expected switch
        {
            ManifestDocumentKind.DataDirectory => ManifestSchema.DataDirectoryDocument,
            ManifestDocumentKind.TransferManifest => ManifestSchema.TransferManifestDocument,
            _ => ManifestSchema.DataDirectoryDocument + "' or '" + ManifestSchema.TransferManifestDocument,
        };
        if (root is not JsonObject obj)
        {
            throw Error(root, "$", $"not a CrossBorder manifest: the document is a JSON {root.KindName}; expected an object with \"document\": '{expectedName}'");
        }

        if (!obj.TryGetProperty("document", out var document))
        {
            throw Error(root, "$", $"not a CrossBorder manifest: the object has no \"document\" property; expected \"document\": '{expectedName}'");
        }

        ManifestDocumentKind kind;
        if (document.Value is JsonString { Value: ManifestSchema.DataDirectoryDocument })
        {
            kind = ManifestDocumentKind.DataDirectory;
        }
        else if (document.Value is JsonString { Value: ManifestSchema.TransferManifestDocument })
        {
            kind = ManifestDocumentKind.TransferManifest;
        }
        else
        {
            throw Error(document.Value, "$.document", $"not a CrossBorder manifest: \"document\" is {Show(document.Value)}; expected '{expectedName}'");
        }

        if (expected is { } e && e != kind)
        {
            throw Error(document.Value, "$.document", $"expected a {Describe(e)} ('{expectedName}') but this file is a {Describe(kind)} ('{((JsonString)document.Value).Value}')");
        }

        if (!obj.TryGetProperty("schemaVersion", out var version))
        {
            throw Error(root, "$", "missing required property 'schemaVersion'");
        }

        var supported = $"this reader supports {ManifestSchema.CurrentMajorVersion.ToString(CultureInfo.InvariantCulture)}.0 to {ManifestSchema.CurrentVersion}";
        if (version.Value is not JsonString versionText || !TryParseVersion(versionText.Value, out var major, out var minor))
        {
            throw Error(version.Value, "$.schemaVersion", $"schemaVersion {Show(version.Value)} is not of the form 'major.minor' (for example '{ManifestSchema.CurrentVersion}')");
        }

        if (major != ManifestSchema.CurrentMajorVersion)
        {
            throw Error(version.Value, "$.schemaVersion", $"unsupported schema version '{versionText.Value}'; {supported}");
        }

        if (minor > ManifestSchema.CurrentMinorVersion)
        {
            throw Error(version.Value, "$.schemaVersion", $"schema version '{versionText.Value}' is newer than this reader; {supported}: update CrossBorder.Policy");
        }

        return kind;
    }

    private static string Describe(ManifestDocumentKind kind) =>
        kind == ManifestDocumentKind.DataDirectory ? "data directory" : "transfer manifest";

    private static bool TryParseVersion(string text, out int major, out int minor)
    {
        major = minor = 0;
        var dot = text.IndexOf('.');
        return dot > 0 &&
            TryParseNatural(text.Substring(0, dot), out major) &&
            TryParseNatural(text.Substring(dot + 1), out minor);
    }

    private static bool TryParseNatural(string text, out int value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 9 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static ProcessorProfile? Processor(Obj parent, string name)
    {
        var node = parent.Node(name);
        if (node.Kind == JsonKind.Null)
        {
            return null;
        }

        var o = new Obj(node, parent.PathOf(name), ManifestProperties.Processor, "a processor");
        return new ProcessorProfile
        {
            Name = OptionalString(o, "name"),
            CriticalInformationInfrastructureOperator = Bool(o, "criticalInformationInfrastructureOperator"),
            FreeTradeZone = OptionalString(o, "freeTradeZone"),
        };
    }

    private static DirectoryEntry Entry(JsonNode node, string path)
    {
        var o = new Obj(node, path, ManifestProperties.Entry, "an entry");
        var origin = o.Node("origin");
        return new DirectoryEntry(RequiredString(o, "id"), RequiredString(o, "displayName"), Enum<DirectoryEntryKind>(o, "kind", "an entry kind"))
        {
            ContainingTypeId = OptionalString(o, "containingTypeId"),
            ReferencedAssembly = OptionalString(o, "referencedAssembly"),
            Description = OptionalString(o, "description"),
            Classification = Classification(o.Node("classification"), o.PathOf("classification")),
            Origin = origin.Kind == JsonKind.Null ? null : Origin(origin, o.PathOf("origin")),
            InheritedClasses = Enums<DataClass>(o, "inheritedClasses", "a data class"),
            InheritedFrom = Strings(o, "inheritedFrom"),
        };
    }

    private static DataClassification Classification(JsonNode node, string path)
    {
        var o = new Obj(node, path, ManifestProperties.Classification, "a classification");
        return new DataClassification
        {
            PersonalInformation = Bool(o, "personalInformation"),
            PersonalInformationCategory = OptionalString(o, "personalInformationCategory"),
            SensitiveCategories = Enums<SensitiveCategory>(o, "sensitiveCategories", "a sensitive category"),
            ImportantData = List(o, "importantData", Evidence),
            CoreData = Bool(o, "coreData"),
            CoreDataBasis = OptionalString(o, "coreDataBasis"),
            GeneralData = Bool(o, "generalData"),
            GeneralDataLevel = (int?)OptionalInteger(o, "generalDataLevel", int.MaxValue),
            Anonymized = Bool(o, "anonymized"),
            AnonymizationMethod = OptionalString(o, "anonymizationMethod"),
        };
    }

    private static ImportantDataEvidence Evidence(JsonNode node, string path)
    {
        var o = new Obj(node, path, ManifestProperties.ImportantData, "an important-data evidence");
        return new ImportantDataEvidence(RequiredString(o, "entry"))
        {
            Catalog = OptionalString(o, "catalog"),
            CatalogVersion = OptionalString(o, "catalogVersion"),
            NotifiedBy = OptionalString(o, "notifiedBy"),
            NotifiedOn = OptionalDate(o, "notifiedOn"),
            Domain = OptionalString(o, "domain"),
        };
    }

    private static DataOriginLabel Origin(JsonNode node, string path)
    {
        var o = new Obj(node, path, ManifestProperties.Origin, "an origin");
        return new DataOriginLabel(RequiredString(o, "region")) { CollectedAbroad = Bool(o, "collectedAbroad") };
    }

    private static EndpointBinding Endpoint(JsonNode node, string path)
    {
        var o = new Obj(node, path, ManifestProperties.Endpoint, "an endpoint binding");
        return new EndpointBinding(RequiredString(o, "declaredOn"))
        {
            Host = OptionalString(o, "host"),
            Jurisdiction = OptionalString(o, "jurisdiction"),
            Domestic = Bool(o, "domestic"),
            Recipient = OptionalString(o, "recipient"),
        };
    }

    private static TransferAuthorization Authorization(JsonNode node, string path)
    {
        var o = new Obj(node, path, ManifestProperties.Authorization, "an authorization");
        var authorization = new TransferAuthorization(
            RequiredString(o, "id"),
            Enum<TransferMechanism>(o, "mechanism", "a transfer mechanism"),
            RequiredString(o, "declaredOn"))
        {
            Exemption = Enum<ExemptionBasis>(o, "exemption", "an exemption basis"),
            Reference = OptionalString(o, "reference"),
            IssuingAuthority = OptionalString(o, "issuingAuthority"),
            IssuedOn = OptionalDate(o, "issuedOn"),
            DeclaredValidUntil = OptionalDate(o, "declaredValidUntil"),
            ComputedValidUntil = OptionalDate(o, "computedValidUntil"),
            Recipient = OptionalString(o, "recipient"),
            RecipientAddress = OptionalString(o, "recipientAddress"),
            RecipientContact = OptionalString(o, "recipientContact"),
            Jurisdiction = OptionalString(o, "jurisdiction"),
            Endpoint = OptionalString(o, "endpoint"),
            Purpose = OptionalString(o, "purpose"),
            ProcessingMethod = OptionalString(o, "processingMethod"),
            TransferMethod = OptionalString(o, "transferMethod"),
            LawfulBasis = OptionalString(o, "lawfulBasis"),
            Categories = Strings(o, "categories"),
            EstimatedSubjectsPerYear = OptionalInteger(o, "estimatedSubjectsPerYear", long.MaxValue),
            EstimatedSensitiveSubjectsPerYear = OptionalInteger(o, "estimatedSensitiveSubjectsPerYear", long.MaxValue),
            SeparateConsent = Bool(o, "separateConsent"),
            RetentionPeriod = OptionalString(o, "retentionPeriod"),
            OverseasStorageLocation = OptionalString(o, "overseasStorageLocation"),
            OnwardRecipients = Strings(o, "onwardRecipients"),
            SecurityMeasures = Strings(o, "securityMeasures"),
            ImpactAssessmentReference = OptionalString(o, "impactAssessmentReference"),
            ImpactAssessmentCompletedOn = OptionalDate(o, "impactAssessmentCompletedOn"),
        };

        // validUntil and validUntilSource are derived; a file where they disagree with the stored dates was edited by hand.
        var validUntil = OptionalDate(o, "validUntil");
        if (validUntil != authorization.ValidUntil)
        {
            throw Error(o.Node("validUntil"), o.PathOf("validUntil"),
                $"validUntil must equal declaredValidUntil when present, else computedValidUntil ({Show(authorization.ValidUntil)})");
        }

        var source = Enum<ValidUntilSource>(o, "validUntilSource", "a validity source");
        if (source != authorization.ValidUntilSource)
        {
            throw Error(o.Node("validUntilSource"), o.PathOf("validUntilSource"),
                $"validUntilSource must be '{EnumText<ValidUntilSource>.Name(authorization.ValidUntilSource)}' for the dates given");
        }

        return authorization;
    }

    private static TransferFlow Flow(JsonNode node, string path)
    {
        var o = new Obj(node, path, ManifestProperties.Flow, "a flow");
        return new TransferFlow(RequiredString(o, "id"), RequiredString(o, "sourceMethodId"), RequiredString(o, "sinkId"))
        {
            Status = Enum<FlowStatus>(o, "status", "a flow status"),
            CallChain = List(o, "callChain", Step),
            SinkDisplay = OptionalString(o, "sinkDisplay"),
            EndpointHost = OptionalString(o, "endpointHost"),
            Jurisdiction = OptionalString(o, "jurisdiction"),
            JurisdictionResolution = Enum<JurisdictionResolution>(o, "jurisdictionResolution", "a jurisdiction resolution"),
            DataClasses = Enums<DataClass>(o, "dataClasses", "a data class"),
            Categories = Strings(o, "categories"),
            OriginMemberIds = Strings(o, "originMemberIds"),
            AuthorizationId = OptionalString(o, "authorizationId"),
        };
    }

    private static CallStep Step(JsonNode node, string path)
    {
        var o = new Obj(node, path, ManifestProperties.CallStep, "a call step");
        return new CallStep(RequiredString(o, "id"), RequiredString(o, "display"));
    }

    private static string RequiredString(Obj o, string name)
    {
        var node = o.Node(name);
        return node switch
        {
            JsonString { Value.Length: > 0 } s => s.Value,
            JsonString => throw Error(node, o.PathOf(name), "must not be empty"),
            _ => throw Error(node, o.PathOf(name), $"expected a string, found {node.KindName}"),
        };
    }

    private static string? OptionalString(Obj o, string name) => OptionalString(o.Node(name), o.PathOf(name));

    private static string? OptionalString(JsonNode node, string path) => node switch
    {
        JsonString s => s.Value.Length == 0 ? null : s.Value,
        { Kind: JsonKind.Null } => null,
        _ => throw Error(node, path, $"expected a string or null, found {node.KindName}"),
    };

    private static bool Bool(Obj o, string name)
    {
        var node = o.Node(name);
        return node.Kind switch
        {
            JsonKind.True => true,
            JsonKind.False => false,
            _ => throw Error(node, o.PathOf(name), $"expected true or false, found {node.KindName}"),
        };
    }

    private static IsoDate? OptionalDate(Obj o, string name)
    {
        var node = o.Node(name);
        if (node.Kind == JsonKind.Null)
        {
            return null;
        }

        if (node is JsonString s && IsoDate.TryParse(s.Value, out var date))
        {
            return date;
        }

        throw Error(node, o.PathOf(name), $"{Show(node)} is not a date of the form yyyy-MM-dd");
    }

    private static long? OptionalInteger(Obj o, string name, long max)
    {
        var node = o.Node(name);
        if (node.Kind == JsonKind.Null)
        {
            return null;
        }

        if (node is not JsonNumber number)
        {
            throw Error(node, o.PathOf(name), $"expected a whole number or null, found {node.KindName}");
        }

        foreach (var c in number.Text)
        {
            if ((c < '0' || c > '9') && c != '-')
            {
                throw Error(node, o.PathOf(name), $"{number.Text} is not a whole number");
            }
        }

        if (number.Text.StartsWith("-", StringComparison.Ordinal))
        {
            throw Error(node, o.PathOf(name), $"{number.Text} is negative; expected 0 or more");
        }

        if (!number.TryGetInt64(out var value) || value > max)
        {
            throw Error(node, o.PathOf(name), $"{number.Text} is too large");
        }

        return value;
    }

    private static T Enum<T>(Obj o, string name, string what)
        where T : struct, System.Enum => Enum<T>(o.Node(name), o.PathOf(name), what);

    private static T Enum<T>(JsonNode node, string path, string what)
        where T : struct, System.Enum
    {
        if (node is JsonString s && EnumText<T>.TryParse(s.Value, out var value))
        {
            return value;
        }

        throw Error(node, path, $"{Show(node)} is not {what}; expected one of {EnumText<T>.Expected}");
    }

    private static EquatableArray<T> Enums<T>(Obj o, string name, string what)
        where T : struct, System.Enum =>
        List(o, name, (node, path) => Enum<T>(node, path, what));

    private static EquatableArray<string> Strings(Obj o, string name) =>
        List(o, name, (node, path) => node switch
        {
            JsonString { Value.Length: > 0 } s => s.Value,
            JsonString => throw Error(node, path, "must not be empty"),
            _ => throw Error(node, path, $"expected a string, found {node.KindName}"),
        });

    // Items in input order: sets are sorted by the final canonicalization, call chains keep their order.
    private static EquatableArray<T> List<T>(Obj o, string name, Func<JsonNode, string, T> read)
    {
        var node = o.Node(name);
        if (node is not JsonArray array)
        {
            throw Error(node, o.PathOf(name), $"expected an array, found {node.KindName}");
        }

        var items = new T[array.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(array.Items[i], o.PathOf(name) + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
        }

        return new EquatableArray<T>(items, copy: false);
    }

    private static EquatableArray<T> Keyed<T>(Obj o, string name, Func<JsonNode, string, T> read, Func<T, string> id, string what)
    {
        var items = List(o, name, read);
        var array = (JsonArray)o.Node(name);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (!seen.Add(id(items[i])))
            {
                var idNode = ((JsonObject)array.Items[i])["id"]!;
                throw Error(idNode, o.PathOf(name) + "[" + i.ToString(CultureInfo.InvariantCulture) + "].id", $"duplicate {what} id '{id(items[i])}'; ids must be unique");
            }
        }

        return items;
    }

    private static string Show(JsonNode node) => node switch
    {
        JsonString s => "'" + s.Value + "'",
        JsonNumber n => n.Text,
        _ => node.KindName,
    };

    private static string Show(IsoDate? date) => date?.ToString() ?? "null";

    private static ManifestReadException Error(JsonNode node, string path, string reason) => new(reason, node.Position, path);

    /// <summary>An object being read: checks its property names once, then hands out its values with their paths.</summary>
    private sealed class Obj
    {
        private readonly JsonObject _node;
        private readonly string _path;

        public Obj(JsonNode node, string path, string[] known, string what)
        {
            if (node is not JsonObject obj)
            {
                throw Error(node, path, $"expected {what} (an object), found {node.KindName}");
            }

            foreach (var property in obj.Properties)
            {
                if (System.Array.IndexOf(known, property.Name) < 0)
                {
                    throw new ManifestReadException($"unknown property '{property.Name}' in {what}", property.NamePosition, path);
                }
            }

            foreach (var name in known)
            {
                if (!obj.TryGetProperty(name, out _))
                {
                    throw Error(node, path, $"missing required property '{name}' in {what}");
                }
            }

            _node = obj;
            _path = path;
        }

        public JsonNode Node(string name) => _node[name]!;

        public string PathOf(string name) => _path + "." + name;
    }
}
