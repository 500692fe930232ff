using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;
using CsCheck;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Manifest;

/// <summary>Property-based round trips over generated models (arbitrary Unicode text, dates, enums and sizes).</summary>
public sealed class ManifestPropertyTests
{
    // Arbitrary UTF-16 text, control characters, quotes, non-BMP characters and lone surrogates included.
    private static readonly Gen<string> Text = Gen.String[0, 10];
    private static readonly Gen<string> Required = Gen.OneOf(Gen.String[1, 10], Gen.OneOf("T:A", "T:B", "P:A.X", "M:A.M(System.String)#p:x", "é", "ı", "İ", "\"", "\\", "\u2028", "𝔸"));
    private static readonly Gen<string?> Optional = Text.Null(0.3);
    private static readonly Gen<IsoDate?> Date = Gen.Int[-700_000, 2_900_000].Select(d => new IsoDate(1, 1, 1).AddDays(d + 700_000)).Nullable(0.3);
    private static readonly Gen<long?> Count = Gen.Long[0, long.MaxValue].Nullable(0.3);

    private static readonly Gen<ProcessorProfile?> Processor =
        Gen.Select(Optional, Gen.Bool, Optional, (name, ciio, ftz) => new ProcessorProfile
        {
            Name = name,
            CriticalInformationInfrastructureOperator = ciio,
            FreeTradeZone = ftz,
        }).Null(0.3);

    private static readonly Gen<ImportantDataEvidence> Evidence =
        Gen.Select(Required, Optional, Optional, Optional, Date, Optional, (entry, catalog, version, by, on, domain) =>
            new ImportantDataEvidence(entry) { Catalog = catalog, CatalogVersion = version, NotifiedBy = by, NotifiedOn = on, Domain = domain });

    private static readonly Gen<DataClassification> Classification =
        Gen.Select(
            Gen.Select(Gen.Bool, Optional, Array(Gen.Enum<SensitiveCategory>(), 4), Array(Evidence, 3)),
            Gen.Select(Gen.Bool, Optional, Gen.Bool, Gen.Int[0, 100].Nullable(0.5), Gen.Bool, Optional),
            (a, b) => new DataClassification
            {
                PersonalInformation = a.Item1,
                PersonalInformationCategory = a.Item2,
                SensitiveCategories = a.Item3,
                ImportantData = a.Item4,
                CoreData = b.Item1,
                CoreDataBasis = b.Item2,
                GeneralData = b.Item3,
                GeneralDataLevel = b.Item4,
                Anonymized = b.Item5,
                AnonymizationMethod = b.Item6,
            });

    private static readonly Gen<DirectoryEntry> Entry =
        Gen.Select(
            Gen.Select(Required, Required, Gen.Enum<DirectoryEntryKind>(), Optional, Optional, Optional),
            Gen.Select(Classification, Gen.Select(Required, Gen.Bool, (r, abroad) => new DataOriginLabel(r) { CollectedAbroad = abroad }).Null(0.5)),
            Gen.Select(Array(Gen.Enum<DataClass>(), 5), Array(Required, 4)),
            (a, b, c) => new DirectoryEntry(a.Item1, a.Item2, a.Item3)
            {
                ContainingTypeId = a.Item4,
                Description = a.Item5,
                ReferencedAssembly = a.Item6,
                Classification = b.Item1,
                Origin = b.Item2,
                InheritedClasses = c.Item1,
                InheritedFrom = c.Item2,
            });

    private static readonly Gen<EndpointBinding> Endpoint =
        Gen.Select(Required, Optional, Optional, Optional, Gen.Bool, (on, host, jurisdiction, recipient, domestic) =>
            new EndpointBinding(on) { Host = host, Jurisdiction = jurisdiction, Recipient = recipient, Domestic = domestic });

    private static readonly Gen<DataDirectory> Directory =
        Gen.Select(Required, Processor, Array(Entry, 6), Array(Endpoint, 4), (assembly, processor, entries, endpoints) =>
            new DataDirectory(assembly) { Processor = processor, Entries = UniqueBy(entries, e => e.Id), Endpoints = endpoints });

    private static readonly Gen<TransferAuthorization> Authorization =
        Gen.Select(
            Gen.Select(Required, Gen.Enum<TransferMechanism>(), Required, Gen.Enum<ExemptionBasis>(), Optional, Optional, Date, Date),
            Gen.Select(Date, Optional, Optional, Optional, Optional, Optional, Optional, Optional),
            Gen.Select(Optional, Optional, Array(Required, 4), Count, Count, Gen.Bool, Optional, Optional),
            Gen.Select(Array(Required, 3), Array(Required, 3), Optional, Date),
            (a, b, c, d) => new TransferAuthorization(a.Item1, a.Item2, a.Item3)
            {
                Exemption = a.Item4,
                Reference = a.Item5,
                IssuingAuthority = a.Item6,
                IssuedOn = a.Item7,
                DeclaredValidUntil = a.Item8,
                ComputedValidUntil = b.Item1,
                Recipient = b.Item2,
                RecipientAddress = b.Item3,
                RecipientContact = b.Item4,
                Jurisdiction = b.Item5,
                Endpoint = b.Item6,
                Purpose = b.Item7,
                ProcessingMethod = b.Item8,
                TransferMethod = c.Item1,
                LawfulBasis = c.Item2,
                Categories = c.Item3,
                EstimatedSubjectsPerYear = c.Item4,
                EstimatedSensitiveSubjectsPerYear = c.Item5,
                SeparateConsent = c.Item6,
                RetentionPeriod = c.Item7,
                OverseasStorageLocation = c.Item8,
                OnwardRecipients = d.Item1,
                SecurityMeasures = d.Item2,
                ImpactAssessmentReference = d.Item3,
                ImpactAssessmentCompletedOn = d.Item4,
            });

    private static readonly Gen<TransferFlow> Flow =
        Gen.Select(
            Gen.Select(Required, Required, Required, Array(Gen.Select(Required, Required, (id, display) => new CallStep(id, display)), 4), Optional, Optional, Optional),
            Gen.Select(Gen.Enum<JurisdictionResolution>(), Array(Gen.Enum<DataClass>(), 5), Array(Required, 3), Array(Required, 3), Optional, Gen.Enum<FlowStatus>()),
            (a, b) => new TransferFlow(a.Item1, a.Item2, a.Item3)
            {
                CallChain = a.Item4,
                SinkDisplay = a.Item5,
                EndpointHost = a.Item6,
                Jurisdiction = a.Item7,
                JurisdictionResolution = b.Item1,
                DataClasses = b.Item2,
                Categories = b.Item3,
                OriginMemberIds = b.Item4,
                AuthorizationId = b.Item5,
                Status = b.Item6,
            });

    private static readonly Gen<TransferManifest> Manifest =
        Gen.Select(Required, Processor, Array(Authorization, 4), Array(Flow, 4), (assembly, processor, authorizations, flows) =>
            new TransferManifest(assembly) { Processor = processor, Authorizations = UniqueBy(authorizations, a => a.Id), Flows = UniqueBy(flows, f => f.Id) });

    [Fact]
    public void DirectoriesRoundTrip() => Directory.Sample(model =>
    {
        var json = ManifestWriter.Write(model);
        var read = ManifestReader.ReadDataDirectory(json);
        Assert.Equal(model.Canonicalize(), read);
        Assert.Equal(read, read.Canonicalize());
        Assert.Equal(json, ManifestWriter.Write(read));
        Assert.Equal(ManifestDigest.Compute(json), ManifestDigest.Compute(read));
    }, iter: 300);

    [Fact]
    public void ManifestsRoundTrip() => Manifest.Sample(model =>
    {
        var json = ManifestWriter.Write(model);
        var read = ManifestReader.ReadTransferManifest(json);
        Assert.Equal(model.Canonicalize(), read);
        Assert.Equal(read, read.Canonicalize());
        Assert.Equal(json, ManifestWriter.Write(read));
    }, iter: 300);

    [Fact]
    public void DirectoryOutputIgnoresInputOrder() => Directory.Sample(model =>
    {
        var reversed = model with
        {
            Entries = Reverse(model.Entries).Select(e => e with
            {
                InheritedFrom = EquatableArray.From(e.InheritedFrom.Reverse()),
                InheritedClasses = EquatableArray.From(e.InheritedClasses.Reverse()),
                Classification = e.Classification with
                {
                    SensitiveCategories = EquatableArray.From(e.Classification.SensitiveCategories.Reverse()),
                    ImportantData = EquatableArray.From(e.Classification.ImportantData.Reverse()),
                },
            }).ToEquatable(),
            Endpoints = Reverse(model.Endpoints),
        };
        Assert.Equal(ManifestWriter.Write(model), ManifestWriter.Write(reversed));
    }, iter: 200);

    [Fact]
    public void ManifestOutputIgnoresInputOrder() => Manifest.Sample(model =>
    {
        var reversed = model with
        {
            Authorizations = Reverse(model.Authorizations).Select(a => a with
            {
                Categories = Reverse(a.Categories),
                OnwardRecipients = Reverse(a.OnwardRecipients),
                SecurityMeasures = Reverse(a.SecurityMeasures),
            }).ToEquatable(),
            Flows = Reverse(model.Flows).Select(f => f with
            {
                DataClasses = Reverse(f.DataClasses),
                Categories = Reverse(f.Categories),
                OriginMemberIds = Reverse(f.OriginMemberIds),
            }).ToEquatable(),
        };
        Assert.Equal(ManifestWriter.Write(model), ManifestWriter.Write(reversed));
    }, iter: 200);

    private static Gen<EquatableArray<T>> Array<T>(Gen<T> item, int max) => item.Array[0, max].Select(items => new EquatableArray<T>(items));

    private static EquatableArray<T> Reverse<T>(EquatableArray<T> items) => EquatableArray.From(items.Reverse());

    private static EquatableArray<T> UniqueBy<T>(EquatableArray<T> items, Func<T, string> id) =>
        EquatableArray.From(items.GroupBy(id, StringComparer.Ordinal).Select(g => g.First()));
}

internal static class EquatableArrayTestExtensions
{
    public static EquatableArray<T> ToEquatable<T>(this IEnumerable<T> items) => EquatableArray.From(items);
}
