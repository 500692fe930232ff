using System;
using System.Collections.Generic;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Manifest;

/// <summary>
/// Puts models into canonical form (docs/manifest-format.md, "Canonical form"): keyed collections sorted by id
/// with unique ids, unordered sets sorted ordinally by their written form without exact duplicates, call chains
/// kept in order, empty optional strings turned into null.
/// </summary>
internal static class Canonical
{
    public static DataDirectory Directory(DataDirectory directory)
    {
        if (directory is null)
        {
            throw new ArgumentNullException(nameof(directory));
        }

        return directory with
        {
            Assembly = Required(directory.Assembly, "assembly"),
            Processor = Processor(directory.Processor),
            Entries = Keyed(directory.Entries, Entry, e => e.Id, "entry"),
            Endpoints = Set(directory.Endpoints, Endpoint, EndpointKey),
        };
    }

    public static TransferManifest Manifest(TransferManifest manifest)
    {
        if (manifest is null)
        {
            throw new ArgumentNullException(nameof(manifest));
        }

        return manifest with
        {
            Assembly = Required(manifest.Assembly, "assembly"),
            Processor = Processor(manifest.Processor),
            Authorizations = Keyed(manifest.Authorizations, Authorization, a => a.Id, "authorization"),
            Flows = Keyed(manifest.Flows, Flow, f => f.Id, "flow"),
        };
    }

    public static EquatableArray<DataClass> ClassesOf(DataClassification classification)
    {
        var classes = new List<DataClass>();
        if (classification.GeneralData)
        {
            classes.Add(DataClass.GeneralData);
        }

        if (classification.PersonalInformation || !classification.SensitiveCategories.IsEmpty)
        {
            classes.Add(DataClass.PersonalInformation);
        }

        if (!classification.SensitiveCategories.IsEmpty)
        {
            classes.Add(DataClass.SensitivePersonalInformation);
        }

        if (!classification.ImportantData.IsEmpty)
        {
            classes.Add(DataClass.ImportantData);
        }

        if (classification.CoreData)
        {
            classes.Add(DataClass.CoreData);
        }

        return EnumSet(EquatableArray.From(classes));
    }

    public static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;

    public static string Required(string? value, string what) =>
        string.IsNullOrEmpty(value) ? throw new ArgumentException($"The {what} must not be null or empty.") : value!;

    public static EquatableArray<T> EnumSet<T>(EquatableArray<T> values)
        where T : struct, Enum
    {
        var list = new List<T>(values);
        list.Sort((a, b) => string.CompareOrdinal(EnumText<T>.Name(a), EnumText<T>.Name(b)));
        return Distinct(list);
    }

    public static EquatableArray<string> StringSet(EquatableArray<string> values, string what)
    {
        var list = new List<string>(values.Count);
        foreach (var value in values)
        {
            list.Add(Required(value, what));
        }

        list.Sort(StringComparer.Ordinal);
        return Distinct(list);
    }

    private static ProcessorProfile? Processor(ProcessorProfile? processor) =>
        processor is null ? null : processor with { Name = Text(processor.Name), FreeTradeZone = Text(processor.FreeTradeZone) };

    private static DirectoryEntry Entry(DirectoryEntry entry) => entry with
    {
        Id = Required(entry.Id, "entry id"),
        DisplayName = Required(entry.DisplayName, $"display name of entry '{entry.Id}'"),
        ContainingTypeId = Text(entry.ContainingTypeId),
        Description = Text(entry.Description),
        Classification = Classification(entry.Classification ?? DataClassification.None),
        Origin = entry.Origin is null ? null : entry.Origin with { Region = Required(entry.Origin.Region, $"origin region of entry '{entry.Id}'") },
        ReferencedAssembly = Text(entry.ReferencedAssembly),
        InheritedClasses = EnumSet(entry.InheritedClasses),
        InheritedFrom = StringSet(entry.InheritedFrom, $"inheritedFrom id of entry '{entry.Id}'"),
    };

    private static DataClassification Classification(DataClassification classification) => classification with
    {
        PersonalInformationCategory = Text(classification.PersonalInformationCategory),
        SensitiveCategories = EnumSet(classification.SensitiveCategories),
        ImportantData = Set(classification.ImportantData, Evidence, EvidenceKey),
        CoreDataBasis = Text(classification.CoreDataBasis),
        GeneralDataLevel = classification.GeneralDataLevel is < 0
            ? throw new ArgumentException("The general-data level must not be negative.")
            : classification.GeneralDataLevel,
        AnonymizationMethod = Text(classification.AnonymizationMethod),
    };

    private static ImportantDataEvidence Evidence(ImportantDataEvidence evidence) => evidence with
    {
        Entry = Required(evidence.Entry, "important-data catalogue entry"),
        Catalog = Text(evidence.Catalog),
        CatalogVersion = Text(evidence.CatalogVersion),
        NotifiedBy = Text(evidence.NotifiedBy),
        Domain = Text(evidence.Domain),
    };

    private static string?[] EvidenceKey(ImportantDataEvidence e) =>
        new[] { e.Entry, e.Catalog, e.CatalogVersion, e.NotifiedBy, e.NotifiedOn?.ToString(), e.Domain };

    private static EndpointBinding Endpoint(EndpointBinding binding) => binding with
    {
        DeclaredOn = Required(binding.DeclaredOn, "declaredOn of an endpoint binding"),
        Host = Text(binding.Host),
        Jurisdiction = Text(binding.Jurisdiction),
        Recipient = Text(binding.Recipient),
    };

    private static string?[] EndpointKey(EndpointBinding b) =>
        new[] { b.DeclaredOn, b.Host, b.Jurisdiction, b.Domestic ? "true" : "false", b.Recipient };

    private static TransferAuthorization Authorization(TransferAuthorization a)
    {
        var what = $"authorization '{a.Id}'";
        _ = EnumText<TransferMechanism>.Name(a.Mechanism);
        _ = EnumText<ExemptionBasis>.Name(a.Exemption);
        return a with
        {
            Id = Required(a.Id, "authorization id"),
            Reference = Text(a.Reference),
            IssuingAuthority = Text(a.IssuingAuthority),
            Recipient = Text(a.Recipient),
            RecipientAddress = Text(a.RecipientAddress),
            RecipientContact = Text(a.RecipientContact),
            Jurisdiction = Text(a.Jurisdiction),
            Endpoint = Text(a.Endpoint),
            Purpose = Text(a.Purpose),
            ProcessingMethod = Text(a.ProcessingMethod),
            TransferMethod = Text(a.TransferMethod),
            LawfulBasis = Text(a.LawfulBasis),
            Categories = StringSet(a.Categories, "category of " + what),
            EstimatedSubjectsPerYear = NonNegative(a.EstimatedSubjectsPerYear, "estimatedSubjectsPerYear of " + what),
            EstimatedSensitiveSubjectsPerYear = NonNegative(a.EstimatedSensitiveSubjectsPerYear, "estimatedSensitiveSubjectsPerYear of " + what),
            RetentionPeriod = Text(a.RetentionPeriod),
            OverseasStorageLocation = Text(a.OverseasStorageLocation),
            OnwardRecipients = StringSet(a.OnwardRecipients, "onward recipient of " + what),
            SecurityMeasures = StringSet(a.SecurityMeasures, "security measure of " + what),
            ImpactAssessmentReference = Text(a.ImpactAssessmentReference),
            DeclaredOn = Required(a.DeclaredOn, "declaredOn of " + what),
        };
    }

    private static TransferFlow Flow(TransferFlow f)
    {
        var what = $"flow '{f.Id}'";
        _ = EnumText<JurisdictionResolution>.Name(f.JurisdictionResolution);
        _ = EnumText<FlowStatus>.Name(f.Status);
        var chain = new List<CallStep>(f.CallChain.Count);
        foreach (var step in f.CallChain)
        {
            if (step is null)
            {
                throw new ArgumentException($"The call chain of {what} holds a null step.");
            }

            chain.Add(step with
            {
                Id = Required(step.Id, "call-chain method id of " + what),
                Display = Required(step.Display, "call-chain display of " + what),
            });
        }

        return f with
        {
            Id = Required(f.Id, "flow id"),
            SourceMethodId = Required(f.SourceMethodId, "sourceMethodId of " + what),
            CallChain = EquatableArray.From(chain),
            SinkId = Required(f.SinkId, "sinkId of " + what),
            SinkDisplay = Text(f.SinkDisplay),
            EndpointHost = Text(f.EndpointHost),
            Jurisdiction = Text(f.Jurisdiction),
            DataClasses = EnumSet(f.DataClasses),
            Categories = StringSet(f.Categories, "category of " + what),
            OriginMemberIds = StringSet(f.OriginMemberIds, "origin member id of " + what),
            AuthorizationId = Text(f.AuthorizationId),
        };
    }

    private static long? NonNegative(long? value, string what) =>
        value is < 0 ? throw new ArgumentException($"The {what} must not be negative.") : value;

    private static EquatableArray<T> Keyed<T>(EquatableArray<T> items, Func<T, T> canonicalize, Func<T, string> id, string what)
        where T : class
    {
        var list = new List<T>(items.Count);
        foreach (var item in items)
        {
            if (item is null)
            {
                throw new ArgumentException($"A null {what} is not allowed.");
            }

            list.Add(canonicalize(item));
        }

        list.Sort((a, b) => string.CompareOrdinal(id(a), id(b)));
        for (var i = 1; i < list.Count; i++)
        {
            if (string.Equals(id(list[i - 1]), id(list[i]), StringComparison.Ordinal))
            {
                throw new ArgumentException($"Two {what} items have the id '{id(list[i])}'; ids must be unique.");
            }
        }

        return EquatableArray.From(list);
    }

    private static EquatableArray<T> Set<T>(EquatableArray<T> items, Func<T, T> canonicalize, Func<T, string?[]> key)
        where T : class
    {
        var list = new List<T>(items.Count);
        foreach (var item in items)
        {
            if (item is null)
            {
                throw new ArgumentException($"A null {typeof(T).Name} is not allowed.");
            }

            list.Add(canonicalize(item));
        }

        list.Sort((a, b) => CompareKeys(key(a), key(b)));
        return Distinct(list);
    }

    // Null sorts before any string; strings compare ordinally; the first difference decides.
    private static int CompareKeys(string?[] left, string?[] right)
    {
        for (var i = 0; i < left.Length; i++)
        {
            var l = left[i];
            var r = right[i];
            if (l is null || r is null)
            {
                if (l is null && r is null)
                {
                    continue;
                }

                return l is null ? -1 : 1;
            }

            var c = string.CompareOrdinal(l, r);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    // Items are sorted, so exact duplicates are adjacent.
    private static EquatableArray<T> Distinct<T>(List<T> sorted)
    {
        var result = new List<T>(sorted.Count);
        var comparer = EqualityComparer<T>.Default;
        foreach (var item in sorted)
        {
            if (result.Count == 0 || !comparer.Equals(result[result.Count - 1], item))
            {
                result.Add(item);
            }
        }

        return EquatableArray.From(result);
    }
}
