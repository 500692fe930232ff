using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using CrossBorder.Policy.Core.Json;
using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.Regulation;

namespace CrossBorder.Policy.Core.PolicyFile;

/// <summary>The outcome of <see cref="PolicyFileParser.Parse"/>: the model (partial when there are errors) and every problem found.</summary>
public sealed class PolicyFileParseResult
{
    internal PolicyFileParseResult(string filePath, PolicyDocument document, IReadOnlyList<PolicyDiagnostic> diagnostics)
    {
        FilePath = filePath;
        Document = document;
        Diagnostics = diagnostics;
    }

    public string FilePath { get; }

    /// <summary>The model. Values that failed validation are left out (or at their defaults); everything valid is kept.</summary>
    public PolicyDocument Document { get; }

    /// <summary>Diagnostics in document order.</summary>
    public IReadOnlyList<PolicyDiagnostic> Diagnostics { get; }

    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.Severity == PolicyDiagnosticSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>
/// Reads <c>crossborder.json</c> (JSON with comments). Never throws on bad input: every problem becomes a
/// <see cref="PolicyDiagnostic"/> with the file, line, column, id and a message naming the JSON path and what was expected.
/// </summary>
public static class PolicyFileParser
{
    /// <summary>The only file format version.</summary>
    public const int CurrentVersion = 1;

    private const long MaxSubjects = 10_000_000_000;

    private static readonly Regex CreditCode = new("^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$", RegexOptions.CultureInvariant, ReferenceFormats.MatchTimeout);
    private static readonly Regex Region = new("^[A-Z]{2}(-[A-Z0-9]{1,3})?$", RegexOptions.CultureInvariant, ReferenceFormats.MatchTimeout);
    private static readonly Regex Sha256 = new("^[0-9a-f]{64}$", RegexOptions.CultureInvariant, ReferenceFormats.MatchTimeout);

    private static readonly TransferMechanism[] NegativeListMechanisms =
    {
        TransferMechanism.SecurityAssessment, TransferMechanism.StandardContract, TransferMechanism.Certification,
    };

    /// <summary>Parses the policy file <paramref name="text"/>; <paramref name="path"/> is used in diagnostics only (no IO).</summary>
    public static PolicyFileParseResult Parse(string text, string path)
    {
        var context = new Context(path ?? string.Empty);
        JsonNode root;
        try
        {
            root = JsonReader.Parse(text ?? string.Empty, JsonReaderOptions.WithComments);
        }
        catch (JsonReadException exception)
        {
            context.Report(PolicyDiagnosticIds.SyntaxError, exception.Position, "invalid JSON: " + exception.Reason);
            return context.Result(new PolicyDocument());
        }

        if (root is not JsonObject rootObject)
        {
            context.Report(PolicyDiagnosticIds.WrongType, root.Position, $"the document: expected an object, found {Article(root.KindName)}");
            return context.Result(new PolicyDocument());
        }

        var reader = new ObjectReader(context, rootObject, string.Empty, PolicyFileSections.Root, checkNames: false);
        var version = reader.Integer("version", long.MinValue, long.MaxValue, required: true, checkRange: false);
        if (version is not null && version != CurrentVersion)
        {
            context.Report(
                PolicyDiagnosticIds.UnsupportedVersion,
                reader.ValuePosition("version"),
                $"version: {version.Value.ToString(CultureInfo.InvariantCulture)} is not a supported file format version; this tool reads version {CurrentVersion.ToString(CultureInfo.InvariantCulture)}");
            return context.Result(new PolicyDocument());
        }

        reader.CheckNames();
        var schema = reader.String("$schema");
        var referenceFormats = ParseReferenceFormats(context, reader.Object("referenceFormats"));
        var regulation = ParseRegulation(context, reader.Object("regulation"));
        var negativeLists = ParseList(context, reader.Array("negativeLists"), "negativeLists", ParseNegativeList);
        CheckDuplicates(context, negativeLists, "negativeLists", "zone and edition", l => l.Zone.Length == 0 || l.Edition.Length == 0 ? null : l.Zone + " " + l.Edition, l => l.Position);

        var endpoints = ParseEndpoints(context, reader.Array("endpoints"));
        var catalogs = ParseCatalogs(context, reader.Array("catalogs"));
        var document = new PolicyDocument
        {
            Version = CurrentVersion,
            Schema = schema,
            Processor = ParseProcessor(context, reader.Object("processor")),
            Defaults = ParseDefaults(context, reader.Object("defaults")),
            Regulation = regulation,
            ReferenceFormats = referenceFormats,
            Endpoints = endpoints,
            Transfers = ParseTransfers(context, reader.Array("transfers"), referenceFormats, endpoints, catalogs),
            Catalogs = catalogs,
            NegativeLists = negativeLists,
        };
        return context.Result(document);
    }

    private static ProcessorProfile? ParseProcessor(Context context, ObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var code = reader.String("unifiedSocialCreditCode");
        if (code is not null && !CreditCode.IsMatch(code))
        {
            reader.ReportValue(PolicyDiagnosticIds.InvalidValue, "unifiedSocialCreditCode", $"'{code}' is not a unified social credit code (18 characters: digits and upper-case letters other than I, O, S, V, Z)");
            code = null;
        }

        return new ProcessorProfile
        {
            Name = reader.String("name"),
            CriticalInformationInfrastructureOperator = reader.Boolean("criticalInformationInfrastructureOperator") ?? false,
            FreeTradeZone = reader.String("freeTradeZone"),
            ProcessedSubjects = reader.Integer("processedSubjects", 0, MaxSubjects),
            UnifiedSocialCreditCode = code,
            Contact = reader.String("contact"),
            Position = reader.Position,
        };
    }

    private static PolicyDefaults ParseDefaults(Context context, ObjectReader? reader)
    {
        if (reader is null)
        {
            return new PolicyDefaults();
        }

        var defaults = new PolicyDefaults
        {
            ExpiryWarningDays = (int)(reader.Integer("expiryWarningDays", 0, 3650) ?? PolicyDefaults.DefaultExpiryWarningDays),
            ComputeValidUntil = reader.Boolean("computeValidUntil") ?? true,
            RequireTransferIds = reader.Boolean("requireTransferIds") ?? false,
        };

        var unknown = reader.String("unknownHostJurisdiction");
        if (unknown is not null)
        {
            if (string.Equals(unknown, "foreign", StringComparison.Ordinal))
            {
                defaults = defaults with { UnknownHostMode = UnknownHostMode.Foreign };
            }
            else if (string.Equals(unknown, "domestic", StringComparison.Ordinal))
            {
                defaults = defaults with { UnknownHostMode = UnknownHostMode.Domestic };
            }
            else if (reader.Jurisdiction("unknownHostJurisdiction", unknown, "\"foreign\", \"domestic\" or an assigned ISO 3166-1 alpha-2 code") is { } code)
            {
                defaults = string.Equals(code, "CN", StringComparison.Ordinal)
                    ? defaults with { UnknownHostMode = UnknownHostMode.Domestic }
                    : defaults with { UnknownHostMode = UnknownHostMode.Jurisdiction, UnknownHostJurisdictionCode = code };
            }
        }

        var origin = reader.String("dataOrigin");
        if (origin is not null)
        {
            if (!Region.IsMatch(origin))
            {
                reader.ReportValue(PolicyDiagnosticIds.InvalidValue, "dataOrigin", $"'{origin}' is not a region code; expected an ISO 3166-1 alpha-2 code, optionally with an ISO 3166-2 subdivision (\"CN\", \"CN-JS\")");
            }
            else if (!IsoCountries.IsAssigned(origin.Substring(0, 2)))
            {
                reader.ReportValue(PolicyDiagnosticIds.UnknownJurisdiction, "dataOrigin", $"'{origin.Substring(0, 2)}' in '{origin}' is not an assigned ISO 3166-1 alpha-2 code");
            }
            else
            {
                defaults = defaults with { DataOrigin = origin };
            }
        }

        return defaults;
    }

    private static RegulationOptions ParseRegulation(Context context, ObjectReader? reader)
    {
        var options = RegulationOptions.Default;
        if (reader is null)
        {
            return options;
        }

        if (reader.Boolean("exemptionsApplyToCiio") is { } a)
        {
            options = options with { ExemptionsApplyToCiio = a };
        }

        if (reader.Boolean("exemptedTransfersCountTowardVolumes") is { } b)
        {
            options = options with { ExemptedTransfersCountTowardVolumes = b };
        }

        if (reader.Boolean("legacyProcessedVolumeTrigger") is { } c)
        {
            options = options with { LegacyProcessedVolumeTrigger = c };
        }

        if (reader.Boolean("coreDataAllowedWithAuthorityApproval") is { } d)
        {
            options = options with { CoreDataAllowedWithAuthorityApproval = d };
        }

        if (reader.Integer("contractThreshold", 1, MaxSubjects) is { } e)
        {
            options = options with { ContractThreshold = e };
        }

        if (reader.Integer("assessmentThreshold", 1, MaxSubjects) is { } f)
        {
            options = options with { AssessmentThreshold = f };
        }

        if (reader.Integer("sensitiveAssessmentThreshold", 1, MaxSubjects) is { } g)
        {
            options = options with { SensitiveAssessmentThreshold = g };
        }

        if (reader.Integer("assessmentValidityYears", 1, 20) is { } h)
        {
            options = options with { AssessmentValidityYears = (int)h };
        }

        if (reader.Integer("certificationValidityYears", 1, 20) is { } i)
        {
            options = options with { CertificationValidityYears = (int)i };
        }

        if (reader.Integer("assessmentExtensionWindowWorkingDays", 0, 365) is { } j)
        {
            options = options with { AssessmentExtensionWindowWorkingDays = (int)j };
        }

        if (reader.Integer("certificationRenewalMonths", 0, 60) is { } k)
        {
            options = options with { CertificationRenewalMonths = (int)k };
        }

        if (reader.Integer("processedVolumeThreshold", 1, MaxSubjects) is { } l)
        {
            options = options with { ProcessedVolumeThreshold = l };
        }

        if (reader.Integer("legacyAssessmentThreshold", 1, MaxSubjects) is { } m)
        {
            options = options with { LegacyAssessmentThreshold = m };
        }

        if (reader.Integer("legacySensitiveAssessmentThreshold", 1, MaxSubjects) is { } n)
        {
            options = options with { LegacySensitiveAssessmentThreshold = n };
        }

        if (reader.Integer("legacyAssessmentValidityYears", 1, 20) is { } o)
        {
            options = options with { LegacyAssessmentValidityYears = (int)o };
        }

        if (reader.Integer("assessmentExtensionYears", 0, 20) is { } q)
        {
            options = options with { AssessmentExtensionYears = (int)q };
        }

        if (options.ContractThreshold >= options.AssessmentThreshold)
        {
            var name = reader.Has("contractThreshold") ? "contractThreshold" : "assessmentThreshold";
            reader.ReportValue(
                PolicyDiagnosticIds.ContradictoryValues,
                name,
                string.Format(CultureInfo.InvariantCulture, "contractThreshold ({0}) must be below assessmentThreshold ({1})", options.ContractThreshold, options.AssessmentThreshold));
        }

        return options;
    }

    private static ReferenceFormats ParseReferenceFormats(Context context, ObjectReader? reader)
    {
        var formats = ReferenceFormats.Default;
        if (reader is null)
        {
            return formats;
        }

        string? Pattern(string name)
        {
            var pattern = reader.String(name);
            if (pattern is null)
            {
                return null;
            }

            if (!ReferenceFormats.TryCompile(pattern, out _, out var error))
            {
                reader.ReportValue(PolicyDiagnosticIds.InvalidRegex, name, $"'{pattern}' is not a valid .NET regular expression: {error}");
                return null;
            }

            return pattern;
        }

        return formats with
        {
            SecurityAssessment = Pattern("SecurityAssessment") ?? formats.SecurityAssessment,
            StandardContract = Pattern("StandardContract") ?? formats.StandardContract,
            Certification = Pattern("Certification") ?? formats.Certification,
            AuthorityApproval = Pattern("AuthorityApproval") ?? formats.AuthorityApproval,
        };
    }

    private static IReadOnlyList<EndpointDeclaration> ParseEndpoints(Context context, ArrayReader? array)
    {
        var endpoints = ParseList(context, array, "endpoints", (ctx, item) =>
        {
            var reader = item.AsObject(PolicyFileSections.Endpoint);
            if (reader is null)
            {
                return null;
            }

            var host = reader.Host("host", required: true);
            var domestic = reader.Boolean("domestic");
            var jurisdiction = reader.JurisdictionProperty("jurisdiction");
            if (domestic == true && jurisdiction is not null && !string.Equals(jurisdiction, "CN", StringComparison.Ordinal))
            {
                reader.ReportValue(PolicyDiagnosticIds.ContradictoryValues, "domestic", $"'domestic': true contradicts 'jurisdiction': '{jurisdiction}'; give one of them");
                return null;
            }

            if (domestic != true && jurisdiction is null)
            {
                if (!reader.Has("jurisdiction"))
                {
                    reader.ReportObject(PolicyDiagnosticIds.MissingRequiredProperty, "missing required property 'jurisdiction' (an ISO 3166-1 alpha-2 code) or 'domestic': true");
                }

                return null;
            }

            if (host is null)
            {
                return null;
            }

            var isDomestic = domestic == true || string.Equals(jurisdiction, "CN", StringComparison.Ordinal);
            return new EndpointDeclaration
            {
                Id = reader.String("id"),
                Host = host,
                Jurisdiction = isDomestic ? "CN" : jurisdiction,
                Domestic = isDomestic,
                Recipient = reader.String("recipient"),
                Description = reader.String("description"),
                Position = reader.Position,
            };
        });

        CheckDuplicates(context, endpoints, "endpoints", "id", e => e.Id, e => e.Position);
        CheckDuplicates(context, endpoints, "endpoints", "host", e => e.Host, e => e.Position);
        return endpoints;
    }

    private static IReadOnlyList<TransferDeclaration> ParseTransfers(
        Context context,
        ArrayReader? array,
        ReferenceFormats formats,
        IReadOnlyList<EndpointDeclaration> endpoints,
        IReadOnlyList<ImportantDataCatalog> catalogs)
    {
        var entries = new HashSet<string>(StringComparer.Ordinal);
        var catalogIds = new List<string>();
        foreach (var catalog in catalogs)
        {
            catalogIds.Add(catalog.Id);
            foreach (var entry in catalog.Entries)
            {
                entries.Add(entry.Id);
            }
        }

        var transfers = ParseList(context, array, "transfers", (ctx, item) =>
        {
            var reader = item.AsObject(PolicyFileSections.Transfer);
            if (reader is null)
            {
                return null;
            }

            var id = reader.String("id", required: true);
            var mechanism = reader.Enum<TransferMechanism>("mechanism", required: true);
            var exemption = reader.Enum<ExemptionBasis>("exemption");
            var reference = reader.String("reference", required: mechanism is not null && mechanism != TransferMechanism.Exemption);
            if (mechanism == TransferMechanism.Exemption && (exemption is null || exemption == ExemptionBasis.None) && !reader.Has("exemption"))
            {
                reader.ReportObject(PolicyDiagnosticIds.MissingRequiredProperty, "missing required property 'exemption' (mechanism is Exemption; name the basis, one of " + string.Join(", ", ExemptionNames()) + ")");
            }
            else if (mechanism == TransferMechanism.Exemption && exemption == ExemptionBasis.None)
            {
                reader.ReportValue(PolicyDiagnosticIds.ContradictoryValues, "exemption", "'None' claims no exemption, but mechanism is Exemption; name the basis, one of " + string.Join(", ", ExemptionNames()));
            }
            else if (mechanism is not null && mechanism != TransferMechanism.Exemption && exemption is not null && exemption != ExemptionBasis.None)
            {
                reader.ReportValue(PolicyDiagnosticIds.ContradictoryValues, "exemption", $"an exemption ('{EnumNames.Name(exemption.Value)}') is claimed but mechanism is {EnumNames.Name(mechanism.Value)}; set mechanism to Exemption or remove exemption");
            }

            if (reference is not null && mechanism is { } m && formats.For(m) is { } pattern)
            {
                if (!ReferenceFormats.TryMatch(pattern, reference, out var matched, out var error))
                {
                    reader.ReportValue(PolicyDiagnosticIds.ReferenceFormatMismatch, "reference", $"'{reference}' could not be checked against the {EnumNames.Name(m)} format '{pattern}': {error}");
                }
                else if (!matched)
                {
                    var isDefault = string.Equals(pattern, ReferenceFormats.DefaultPattern, StringComparison.Ordinal);
                    reader.ReportValue(
                        PolicyDiagnosticIds.ReferenceFormatMismatch,
                        "reference",
                        isDefault
                            ? $"'{reference}' is not a valid {EnumNames.Name(m)} reference; expected 1 to 64 characters without leading or trailing white space"
                            : $"'{reference}' does not match the {EnumNames.Name(m)} reference format '{pattern}' (referenceFormats.{EnumNames.Name(m)})");
                }
            }

            var issuedOn = reader.Date("issuedOn");
            var validUntil = reader.Date("validUntil");
            if (issuedOn is { } start && validUntil is { } end && end < start)
            {
                reader.ReportValue(PolicyDiagnosticIds.InvertedDates, "validUntil", $"'{end}' is before issuedOn '{start}'; validUntil is the last day of validity and cannot precede the issue date");
                validUntil = null;
            }

            var jurisdiction = reader.JurisdictionProperty("jurisdiction");
            if (string.Equals(jurisdiction, "CN", StringComparison.Ordinal))
            {
                reader.ReportValue(PolicyDiagnosticIds.ContradictoryValues, "jurisdiction", "'CN' is mainland China; a cross-border transfer goes to a jurisdiction outside the mainland (HK, MO and TW included)");
                jurisdiction = null;
            }

            var digest = reader.String("documentSha256");
            if (digest is not null && !Sha256.IsMatch(digest))
            {
                reader.ReportValue(PolicyDiagnosticIds.InvalidValue, "documentSha256", $"'{digest}' is not a SHA-256 digest; expected 64 lower-case hexadecimal digits");
                digest = null;
            }

            var categories = new List<DataCategory>();
            if (reader.Array("categories") is { } categoryArray)
            {
                foreach (var categoryItem in categoryArray.Items())
                {
                    if (categoryItem.AsString() is not { } text)
                    {
                        continue;
                    }

                    if (DataCategory.TryParse(text, out var category, out var error))
                    {
                        categories.Add(category!);
                        if (category!.CatalogEntry is { } entryId && catalogs.Count > 0 && !entries.Contains(entryId))
                        {
                            categoryItem.Report(
                                PolicyDiagnosticIds.UnknownCatalogEntry,
                                $"'{entryId}' is not an entry of the catalogues declared in this file ({string.Join(", ", catalogIds)})",
                                PolicyDiagnosticSeverity.Warning);
                        }
                    }
                    else
                    {
                        categoryItem.Report(PolicyDiagnosticIds.InvalidCategory, $"'{text}' is not a data category: {error}");
                    }
                }
            }

            var endpoint = reader.Host("endpoint", required: false);
            if (endpoint is not null && FindEndpoint(endpoints, endpoint) is { } bound)
            {
                if (bound.Endpoint.Domestic)
                {
                    reader.ReportValue(PolicyDiagnosticIds.ContradictoryValues, "endpoint", string.Format(CultureInfo.InvariantCulture, "'{0}' is domestic (endpoints[{1}]); a cross-border transfer cannot cover a domestic endpoint", endpoint, bound.Index));
                }
                else if (jurisdiction is not null && !string.Equals(jurisdiction, bound.Endpoint.Jurisdiction, StringComparison.Ordinal))
                {
                    reader.ReportValue(PolicyDiagnosticIds.ContradictoryValues, "jurisdiction", string.Format(CultureInfo.InvariantCulture, "'{0}' differs from the jurisdiction '{1}' that endpoints[{2}] binds '{3}' to", jurisdiction, bound.Endpoint.Jurisdiction, bound.Index, bound.Endpoint.Host));
                }
            }

            var onward = reader.StringArray("onwardRecipients");
            var result = new TransferDeclaration
            {
                Id = id ?? string.Empty,
                Mechanism = mechanism ?? default,
                Reference = reference,
                IssuedOn = issuedOn,
                ValidUntil = validUntil,
                IssuingAuthority = reader.String("issuingAuthority"),
                Recipient = reader.String("recipient"),
                Jurisdiction = jurisdiction,
                Endpoint = endpoint,
                Purpose = reader.String("purpose"),
                Exemption = exemption ?? ExemptionBasis.None,
                Categories = categories,
                EstimatedSubjectsPerYear = reader.Integer("estimatedSubjectsPerYear", 0, MaxSubjects) ?? 0,
                EstimatedSensitiveSubjectsPerYear = reader.Integer("estimatedSensitiveSubjectsPerYear", 0, MaxSubjects) ?? 0,
                SeparateConsent = reader.Boolean("separateConsent") ?? false,
                RetentionPeriod = reader.String("retentionPeriod"),
                OverseasStorageLocation = reader.String("overseasStorageLocation"),
                OnwardRecipients = onward,
                DocumentSha256 = digest,
                Position = reader.Position,
            };
            return id is null || mechanism is null ? null : result;
        });

        CheckDuplicates(context, transfers, "transfers", "id", t => t.Id, t => t.Position);
        return transfers;
    }

    /// <summary>The file endpoint with the same host, or whose pattern matches a concrete transfer endpoint.</summary>
    private static (int Index, EndpointDeclaration Endpoint)? FindEndpoint(IReadOnlyList<EndpointDeclaration> endpoints, string host)
    {
        for (var i = 0; i < endpoints.Count; i++)
        {
            if (string.Equals(endpoints[i].Host, host, StringComparison.Ordinal))
            {
                return (i, endpoints[i]);
            }
        }

        if (!HostPattern.IsPattern(host))
        {
            for (var i = 0; i < endpoints.Count; i++)
            {
                if (HostPattern.IsPattern(endpoints[i].Host) && HostPattern.Matches(endpoints[i].Host, host))
                {
                    return (i, endpoints[i]);
                }
            }
        }

        return null;
    }

    private static IReadOnlyList<ImportantDataCatalog> ParseCatalogs(Context context, ArrayReader? array)
    {
        var catalogs = ParseList(context, array, "catalogs", (ctx, item) =>
        {
            var reader = item.AsObject(PolicyFileSections.Catalog);
            if (reader is null)
            {
                return null;
            }

            var id = reader.String("id", required: true);
            var name = reader.String("name", required: true);
            var entries = ParseList(ctx, reader.Array("entries"), reader.Path + ".entries", (c, entryItem) =>
            {
                var entry = entryItem.AsObject(PolicyFileSections.CatalogEntry);
                if (entry is null)
                {
                    return null;
                }

                var entryId = entry.String("id", required: true);
                var entryName = entry.String("name", required: true);
                var description = entry.String("description");
                return entryId is null ? null : new CatalogEntry { Id = entryId, Name = entryName, Description = description, Position = entry.Position };
            });
            CheckDuplicates(ctx, entries, reader.Path + ".entries", "id", e => e.Id, e => e.Position);

            var catalog = new ImportantDataCatalog
            {
                Id = id ?? string.Empty,
                Name = name,
                Version = reader.String("version"),
                Domain = reader.String("domain"),
                Authority = reader.String("authority"),
                PublishedOn = reader.Date("publishedOn"),
                Notified = reader.Boolean("notified") ?? false,
                Entries = entries,
                Position = reader.Position,
            };
            return id is null ? null : catalog;
        });

        CheckDuplicates(context, catalogs, "catalogs", "id", c => c.Id, c => c.Position);
        return catalogs;
    }

    private static NegativeList? ParseNegativeList(Context context, ItemReader item)
    {
        var reader = item.AsObject(PolicyFileSections.NegativeList);
        if (reader is null)
        {
            return null;
        }

        var zone = reader.String("zone", required: true);
        var edition = reader.String("edition", required: true);
        var publishedOn = reader.Date("publishedOn");
        var effectiveFrom = reader.Date("effectiveFrom");
        if (publishedOn is { } p && effectiveFrom is { } e && e < p)
        {
            reader.ReportValue(PolicyDiagnosticIds.InvertedDates, "effectiveFrom", $"'{e}' is before publishedOn '{p}'");
            effectiveFrom = null;
        }

        var entries = ParseList(context, reader.Array("entries"), reader.Path + ".entries", (ctx, entryItem) =>
        {
            var entry = entryItem.AsObject(PolicyFileSections.NegativeListEntry);
            if (entry is null)
            {
                return null;
            }

            var id = entry.String("id", required: true);
            var dataKind = entry.Enum<NegativeListDataKind>("dataKind", required: true);
            var mechanism = entry.Enum("mechanism", NegativeListMechanisms);
            var result = new NegativeListEntry
            {
                Id = id ?? string.Empty,
                Domain = entry.String("domain"),
                Scenario = entry.String("scenario"),
                Category = entry.String("category"),
                Description = entry.String("description"),
                Items = entry.StringArray("items"),
                DataKind = dataKind ?? default,
                Mechanism = mechanism,
                Threshold = entry.Integer("threshold", 0, MaxSubjects),
                Position = entry.Position,
            };
            return id is null || dataKind is null ? null : result;
        });
        CheckDuplicates(context, entries, reader.Path + ".entries", "id", x => x.Id, x => x.Position);

        var list = new NegativeList
        {
            Zone = zone ?? string.Empty,
            Edition = edition ?? string.Empty,
            ApprovedBy = reader.String("approvedBy"),
            PublishedOn = publishedOn,
            EffectiveFrom = effectiveFrom,
            ExcludesCiio = reader.Boolean("excludesCiio") ?? true,
            Entries = entries,
            Position = reader.Position,
        };
        return zone is null || edition is null ? null : list;
    }

    private static string[] ExemptionNames()
    {
        var names = new List<string>(EnumNames.Names<ExemptionBasis>());
        names.Remove(nameof(ExemptionBasis.None));
        return names.ToArray();
    }

    private static List<T> ParseList<T>(Context context, ArrayReader? array, string path, Func<Context, ItemReader, T?> parse)
        where T : class
    {
        var list = new List<T>();
        if (array is null)
        {
            return list;
        }

        foreach (var item in array.Items())
        {
            if (parse(context, item) is { } value)
            {
                list.Add(value);
            }
        }

        return list;
    }

    private static void CheckDuplicates<T>(Context context, List<T> items, string path, string what, Func<T, string?> key, Func<T, TextPosition> position)
    {
        var seen = new Dictionary<string, (int Index, T Item)>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var k = key(items[i]);
            if (k is null)
            {
                continue;
            }

            var normalized = string.Equals(what, "host", StringComparison.Ordinal) ? HostPattern.Normalize(k) : k;
            if (seen.TryGetValue(normalized, out var first))
            {
                var firstPosition = position(first.Item);
                context.Report(
                    PolicyDiagnosticIds.DuplicateId,
                    position(items[i]),
                    string.Format(CultureInfo.InvariantCulture, "{0}: duplicate {1} '{2}'; it is already declared at line {3}, column {4}", path, what, k, firstPosition.Line, firstPosition.Column));
            }
            else
            {
                seen.Add(normalized, (i, items[i]));
            }
        }
    }

    internal static string Article(string kindName) => kindName switch
    {
        "object" or "array" => "an " + kindName,
        "null" => "null",
        _ => "a " + kindName,
    };

    /// <summary>Collects diagnostics.</summary>
    internal sealed class Context
    {
        private readonly List<PolicyDiagnostic> _diagnostics = new();

        public Context(string path)
        {
            FilePath = path;
        }

        public string FilePath { get; }

        public void Report(string id, TextPosition position, string message, PolicyDiagnosticSeverity severity = PolicyDiagnosticSeverity.Error) =>
            _diagnostics.Add(new PolicyDiagnostic(id, severity, FilePath, position, message));

        public PolicyFileParseResult Result(PolicyDocument document)
        {
            var sorted = new List<PolicyDiagnostic>(_diagnostics);
            StableSort(sorted);
            return new PolicyFileParseResult(FilePath, document, sorted);
        }

        private static void StableSort(List<PolicyDiagnostic> list)
        {
            // Insertion sort keeps equal positions in report order.
            for (var i = 1; i < list.Count; i++)
            {
                var current = list[i];
                var j = i - 1;
                while (j >= 0 && Compare(list[j].Position, current.Position) > 0)
                {
                    list[j + 1] = list[j];
                    j--;
                }

                list[j + 1] = current;
            }
        }

        private static int Compare(TextPosition a, TextPosition b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column);
    }

    /// <summary>One array item with its path.</summary>
    internal sealed class ItemReader
    {
        private readonly Context _context;

        public ItemReader(Context context, JsonNode node, string path)
        {
            _context = context;
            Node = node;
            Path = path;
        }

        public JsonNode Node { get; }

        public string Path { get; }

        public void Report(string id, string message, PolicyDiagnosticSeverity severity = PolicyDiagnosticSeverity.Error) =>
            _context.Report(id, Node.Position, Path + ": " + message, severity);

        public ObjectReader? AsObject(string section)
        {
            if (Node is JsonObject obj)
            {
                return new ObjectReader(_context, obj, Path, section);
            }

            Report(PolicyDiagnosticIds.WrongType, $"expected an object, found {Article(Node.KindName)}");
            return null;
        }

        public string? AsString()
        {
            if (Node is JsonString s)
            {
                if (s.Value.Trim().Length == 0)
                {
                    Report(PolicyDiagnosticIds.InvalidValue, "expected a non-empty string");
                    return null;
                }

                return s.Value;
            }

            Report(PolicyDiagnosticIds.WrongType, $"expected a string, found {Article(Node.KindName)}");
            return null;
        }
    }

    /// <summary>An array with its path.</summary>
    internal sealed class ArrayReader
    {
        private readonly Context _context;
        private readonly JsonArray _array;
        private readonly string _path;

        public ArrayReader(Context context, JsonArray array, string path)
        {
            _context = context;
            _array = array;
            _path = path;
        }

        public IEnumerable<ItemReader> Items()
        {
            for (var i = 0; i < _array.Items.Count; i++)
            {
                yield return new ItemReader(_context, _array.Items[i], _path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
            }
        }
    }

    /// <summary>Reads the properties of one object, checking names against its section and types against what is asked.</summary>
    internal sealed class ObjectReader
    {
        private readonly Context _context;
        private readonly JsonObject _object;
        private readonly string _section;

        public ObjectReader(Context context, JsonObject obj, string path, string section, bool checkNames = true)
        {
            _context = context;
            _object = obj;
            Path = path;
            _section = section;
            if (checkNames)
            {
                CheckNames();
            }
        }

        public void CheckNames()
        {
            var known = PolicyFileSections.Properties[_section];
            foreach (var property in _object.Properties)
            {
                if (!Contains(known, property.Name))
                {
                    var suggestion = Closest(property.Name, known);
                    var hint = suggestion is null ? "." : $"; did you mean '{suggestion}'?";
                    _context.Report(
                        PolicyDiagnosticIds.UnknownProperty,
                        property.NamePosition,
                        $"{Join(property.Name)}: unknown property{hint} Known properties: {string.Join(", ", known)}");
                }
            }
        }

        public string Path { get; }

        public TextPosition Position => _object.Position;

        public bool Has(string name) => _object.TryGetProperty(name, out _);

        public TextPosition ValuePosition(string name) => _object.TryGetProperty(name, out var p) ? p.Value.Position : _object.Position;

        public void ReportValue(string id, string name, string message) => _context.Report(id, ValuePosition(name), Join(name) + ": " + message);

        public void ReportObject(string id, string message) => _context.Report(id, _object.Position, (Path.Length == 0 ? "the document" : Path) + ": " + message);

        public string? String(string name, bool required = false)
        {
            if (Get(name, required, "a string") is not { } node)
            {
                return null;
            }

            if (node is not JsonString s)
            {
                WrongType(name, node, "a string");
                return null;
            }

            if (s.Value.Trim().Length == 0)
            {
                ReportValue(PolicyDiagnosticIds.InvalidValue, name, "expected a non-empty string");
                return null;
            }

            return s.Value;
        }

        public bool? Boolean(string name)
        {
            if (Get(name, false, "a boolean") is not { } node)
            {
                return null;
            }

            if (node.Kind is JsonKind.True or JsonKind.False)
            {
                return node.Kind == JsonKind.True;
            }

            WrongType(name, node, "a boolean (true or false)");
            return null;
        }

        public long? Integer(string name, long min, long max, bool required = false, bool checkRange = true)
        {
            if (Get(name, required, "an integer") is not { } node)
            {
                return null;
            }

            if (node is not JsonNumber number)
            {
                WrongType(name, node, "an integer");
                return null;
            }

            var range = string.Format(CultureInfo.InvariantCulture, "an integer from {0} to {1}", min, max);
            if (!number.TryGetInt64(out var value))
            {
                ReportValue(PolicyDiagnosticIds.NumberOutOfRange, name, checkRange ? $"{number.Text} is not {range}" : $"{number.Text} is not an integer");
                return null;
            }

            if (checkRange && (value < min || value > max))
            {
                ReportValue(PolicyDiagnosticIds.NumberOutOfRange, name, $"{number.Text} is out of range; expected {range}");
                return null;
            }

            return value;
        }

        public IsoDate? Date(string name)
        {
            var text = String(name);
            if (text is null)
            {
                return null;
            }

            if (!IsoDate.TryParse(text, out var date))
            {
                ReportValue(PolicyDiagnosticIds.InvalidDate, name, $"'{text}' is not a date of the form yyyy-MM-dd");
                return null;
            }

            return date;
        }

        public T? Enum<T>(string name, bool required = false)
            where T : struct, Enum => Enum(name, (T[])System.Enum.GetValues(typeof(T)), required);

        public T? Enum<T>(string name, T[] allowed, bool required = false)
            where T : struct, Enum
        {
            var text = String(name, required);
            if (text is null)
            {
                return null;
            }

            foreach (var value in allowed)
            {
                if (string.Equals(EnumNames.Name(value), text, StringComparison.Ordinal))
                {
                    return value;
                }
            }

            var names = new List<string>();
            foreach (var value in allowed)
            {
                names.Add(EnumNames.Name(value));
            }

            var closest = Closest(text, names);
            var hint = closest is null ? string.Empty : $" (did you mean '{closest}'?)";
            ReportValue(PolicyDiagnosticIds.InvalidEnumValue, name, $"'{text}' is not allowed{hint}; expected one of {string.Join(", ", names)}");
            return null;
        }

        public string? JurisdictionProperty(string name)
        {
            var text = String(name);
            return text is null ? null : Jurisdiction(name, text, "an assigned ISO 3166-1 alpha-2 code");
        }

        public string? Jurisdiction(string name, string text, string expected)
        {
            if (IsoCountries.IsAssigned(text))
            {
                return text;
            }

            var upper = text.ToUpperInvariant();
            string hint;
            if (IsoCountries.IsAssigned(upper))
            {
                hint = $" (codes are upper case: '{upper}')";
            }
            else if (string.Equals(upper, "UK", StringComparison.Ordinal))
            {
                hint = " (the United Kingdom is 'GB')";
            }
            else
            {
                hint = string.Empty;
            }

            ReportValue(PolicyDiagnosticIds.UnknownJurisdiction, name, $"'{text}' is not {expected}{hint}");
            return null;
        }

        public string? Host(string name, bool required)
        {
            var text = String(name, required);
            if (text is null)
            {
                return null;
            }

            if (!HostPattern.IsValid(text, out var error))
            {
                ReportValue(PolicyDiagnosticIds.InvalidHostPattern, name, $"'{text}' is not a host or host pattern: {error}");
                return null;
            }

            return HostPattern.Normalize(text);
        }

        public ObjectReader? Object(string name)
        {
            if (Get(name, false, "an object") is not { } node)
            {
                return null;
            }

            if (node is JsonObject obj)
            {
                var section = Path.Length == 0 ? name : Path + "." + name;
                return new ObjectReader(_context, obj, Join(name), section);
            }

            WrongType(name, node, "an object");
            return null;
        }

        public ArrayReader? Array(string name)
        {
            if (Get(name, false, "an array") is not { } node)
            {
                return null;
            }

            if (node is JsonArray array)
            {
                return new ArrayReader(_context, array, Join(name));
            }

            WrongType(name, node, "an array");
            return null;
        }

        public IReadOnlyList<string> StringArray(string name)
        {
            var list = new List<string>();
            if (Array(name) is { } array)
            {
                foreach (var item in array.Items())
                {
                    if (item.AsString() is { } text)
                    {
                        list.Add(text);
                    }
                }
            }

            return list;
        }

        private JsonNode? Get(string name, bool required, string expected)
        {
            if (_object.TryGetProperty(name, out var property))
            {
                return property.Value;
            }

            if (required)
            {
                ReportObject(PolicyDiagnosticIds.MissingRequiredProperty, $"missing required property '{name}' ({expected})");
            }

            return null;
        }

        private void WrongType(string name, JsonNode node, string expected) =>
            ReportValue(PolicyDiagnosticIds.WrongType, name, $"expected {expected}, found {Article(node.KindName)}");

        private string Join(string name) => Path.Length == 0 ? name : Path + "." + name;

        private static bool Contains(IReadOnlyList<string> names, string name)
        {
            foreach (var candidate in names)
            {
                if (string.Equals(candidate, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The known name closest to <paramref name="name"/> (case-insensitive edit distance), or null when none is close.</summary>
    internal static string? Closest(string name, IReadOnlyList<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        var limit = Math.Max(2, name.Length / 3);
        return bestDistance <= limit ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
