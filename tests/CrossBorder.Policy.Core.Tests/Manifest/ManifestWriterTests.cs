using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CrossBorder.Policy.Core.Json;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Manifest;

public sealed class ManifestWriterTests
{
    [Fact]
    public void DirectoryRoundTripsThroughJson()
    {
        var model = ManifestSamples.Directory();
        var json = ManifestWriter.Write(model);
        var read = ManifestReader.ReadDataDirectory(json);

        Assert.Equal(model.Canonicalize(), read);
        Assert.NotEqual(model, read); // the sample lists entries out of order; only the canonical forms agree
        Assert.Equal(json, ManifestWriter.Write(read));
    }

    [Fact]
    public void ManifestRoundTripsThroughJson()
    {
        var model = ManifestSamples.Manifest();
        var json = ManifestWriter.Write(model);
        var read = ManifestReader.ReadTransferManifest(json);

        Assert.Equal(model.Canonicalize(), read);
        Assert.Equal(json, ManifestWriter.Write(read));
    }

    [Fact]
    public void OutputDoesNotDependOnInputOrder()
    {
        var directory = ManifestSamples.Directory();
        var reversed = directory with
        {
            Entries = EquatableArray.From(directory.Entries.Reverse().Select(e => e with
            {
                InheritedFrom = EquatableArray.From(e.InheritedFrom.Reverse()),
                InheritedClasses = EquatableArray.From(e.InheritedClasses.Reverse()),
                Classification = e.Classification with
                {
                    SensitiveCategories = EquatableArray.From(e.Classification.SensitiveCategories.Reverse()),
                    ImportantData = EquatableArray.From(e.Classification.ImportantData.Reverse()),
                },
            })),
            Endpoints = EquatableArray.From(directory.Endpoints.Reverse()),
        };
        Assert.NotEqual(directory, reversed);
        Assert.Equal(directory.Canonicalize(), reversed.Canonicalize());
        Assert.Equal(ManifestWriter.Write(directory), ManifestWriter.Write(reversed));

        var manifest = ManifestSamples.Manifest();
        var shuffled = manifest with
        {
            Authorizations = EquatableArray.From(manifest.Authorizations.Reverse().Select(a => a with
            {
                Categories = EquatableArray.From(a.Categories.Reverse()),
                SecurityMeasures = EquatableArray.From(a.SecurityMeasures.Reverse()),
            })),
            Flows = EquatableArray.From(manifest.Flows.Reverse().Select(f => f with
            {
                OriginMemberIds = EquatableArray.From(f.OriginMemberIds.Reverse()),
                DataClasses = EquatableArray.From(f.DataClasses.Reverse()),
            })),
        };
        Assert.Equal(ManifestWriter.Write(manifest), ManifestWriter.Write(shuffled));
    }

    [Fact]
    public void CallChainsKeepTheirOrder()
    {
        var manifest = ManifestSamples.Manifest();
        var flow = manifest.Flows[0];
        var reversed = manifest with
        {
            Flows = EquatableArray.Create(flow with { CallChain = EquatableArray.From(flow.CallChain.Reverse()) }),
        };
        var read = ManifestReader.ReadTransferManifest(ManifestWriter.Write(reversed));
        Assert.Equal(flow.CallChain.Reverse(), read.Flows[0].CallChain);
    }

    [Fact]
    public void SetsDropExactDuplicates()
    {
        var directory = new DataDirectory("A")
        {
            Entries = EquatableArray.Create(new DirectoryEntry("T:A", "A", DirectoryEntryKind.Type)
            {
                InheritedFrom = EquatableArray.Create("P:A.X", "P:A.X"),
                Classification = new DataClassification
                {
                    SensitiveCategories = EquatableArray.Create(SensitiveCategory.Other, SensitiveCategory.Biometric, SensitiveCategory.Other),
                },
            }),
            Endpoints = EquatableArray.Create(new EndpointBinding("T:A") { Host = "h" }, new EndpointBinding("T:A") { Host = "h" }),
        };
        var canonical = directory.Canonicalize();
        Assert.Equal(new[] { "P:A.X" }, canonical.Entries[0].InheritedFrom);
        Assert.Equal(new[] { SensitiveCategory.Biometric, SensitiveCategory.Other }, canonical.Entries[0].Classification.SensitiveCategories);
        Assert.Single(canonical.Endpoints);
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("fi-FI")]
    [InlineData("ar-SA")]
    [InlineData("zh-CN")]
    public void OutputIsByteIdenticalAcrossCultures(string culture)
    {
        var expectedDirectory = Encoding.UTF8.GetBytes(ManifestWriter.Write(ManifestSamples.Directory()));
        var expectedManifest = Encoding.UTF8.GetBytes(ManifestWriter.Write(ManifestSamples.Manifest()));
        var (directory, manifest) = WithCulture(culture, () => (
            Encoding.UTF8.GetBytes(ManifestWriter.Write(ManifestSamples.Directory())),
            Encoding.UTF8.GetBytes(ManifestWriter.Write(ManifestSamples.Manifest()))));

        Assert.Equal(expectedDirectory, directory);
        Assert.Equal(expectedManifest, manifest);
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("fi-FI")]
    [InlineData("en-US")]
    public void SortsOrdinallyWhateverTheCulture(string culture)
    {
        var ids = new[] { "T:ı", "T:b", "T:İ", "T:C", "T:i", "T:I", "T:ä", "T:z" };
        var directory = new DataDirectory("A")
        {
            Entries = EquatableArray.From(ids.Select(id => new DirectoryEntry(id, id, DirectoryEntryKind.Type)
            {
                InheritedFrom = EquatableArray.From(ids),
            })),
        };

        var read = WithCulture(culture, () => ManifestReader.ReadDataDirectory(ManifestWriter.Write(directory)));

        // UTF-16 code unit order: C (43) < I (49) < b (62) < i (69) < z (7A) < ä (E4) < İ (130) < ı (131).
        var expected = new[] { "T:C", "T:I", "T:b", "T:i", "T:z", "T:ä", "T:İ", "T:ı" };
        Assert.Equal(expected, read.Entries.Select(e => e.Id));
        Assert.Equal(expected, read.Entries[0].InheritedFrom);
    }

    [Fact]
    public void ReaderAndDigestAreCultureInvariant()
    {
        var json = ManifestWriter.Write(ManifestSamples.Manifest());
        var digest = ManifestDigest.Compute(json);
        var (read, digestTr) = WithCulture("tr-TR", () => (ManifestReader.ReadTransferManifest(json), ManifestDigest.Compute(json)));
        Assert.Equal(ManifestSamples.Manifest().Canonicalize(), read);
        Assert.Equal(digest, digestTr);
    }

    [Fact]
    public void CanonicalFormIsFixed()
    {
        var json = ManifestWriter.Write(new DataDirectory("Tiny")
        {
            Entries = EquatableArray.Create(new DirectoryEntry("P:Tiny.Person.Name", "Tiny.Person.Name", DirectoryEntryKind.Property)
            {
                ContainingTypeId = "T:Tiny.Person",
                Description = string.Empty,
                Classification = new DataClassification { PersonalInformation = true, PersonalInformationCategory = "姓名" },
            }),
        });

        const string expected = """
            {
              "document": "crossborder.data-directory",
              "schemaVersion": "1.0",
              "assembly": "Tiny",
              "processor": null,
              "entries": [
                {
                  "id": "P:Tiny.Person.Name",
                  "kind": "Property",
                  "displayName": "Tiny.Person.Name",
                  "containingTypeId": "T:Tiny.Person",
                  "referencedAssembly": null,
                  "description": null,
                  "classification": {
                    "personalInformation": true,
                    "personalInformationCategory": "姓名",
                    "sensitiveCategories": [],
                    "importantData": [],
                    "coreData": false,
                    "coreDataBasis": null,
                    "generalData": false,
                    "generalDataLevel": null,
                    "anonymized": false,
                    "anonymizationMethod": null
                  },
                  "origin": null,
                  "inheritedClasses": [],
                  "inheritedFrom": []
                }
              ],
              "endpoints": []
            }

            """;
        Assert.Equal(expected.Replace("\r\n", "\n", StringComparison.Ordinal), json);
        Assert.DoesNotContain('\r', json);
    }

    [Fact]
    public void ValidityIsWrittenWithTheDateThatApplies()
    {
        var json = ManifestWriter.Write(ManifestSamples.Manifest());
        var root = (JsonObject)JsonReader.Parse(json);
        var byId = ((JsonArray)root["authorizations"]!).Items.Cast<JsonObject>()
            .ToDictionary(a => ((JsonString)a["id"]!).Value, StringComparer.Ordinal);

        Assert.Equal("2027-02-28", ((JsonString)byId["de-lab-assessment"]["validUntil"]!).Value);
        Assert.Equal("Computed", ((JsonString)byId["de-lab-assessment"]["validUntilSource"]!).Value);
        Assert.Equal("2026-12-31", ((JsonString)byId["hr-exemption"]["validUntil"]!).Value);
        Assert.Equal("Declared", ((JsonString)byId["hr-exemption"]["validUntilSource"]!).Value);
        Assert.Equal(JsonKind.Null, byId["sg-cro-scc"]["validUntil"]!.Kind);
        Assert.Equal("None", ((JsonString)byId["sg-cro-scc"]["validUntilSource"]!).Value);
        Assert.Equal("2025-04-02", ((JsonString)byId["sg-cro-scc"]["issuedOn"]!).Value);
        Assert.Equal("12000", ((JsonNumber)byId["sg-cro-scc"]["estimatedSubjectsPerYear"]!).Text);
    }

    [Fact]
    public void InvalidModelsAreRejected()
    {
        var entry = new DirectoryEntry("T:A", "A", DirectoryEntryKind.Type);
        var duplicate = Assert.Throws<ArgumentException>(() => ManifestWriter.Write(new DataDirectory("A") { Entries = EquatableArray.Create(entry, entry with { DisplayName = "B" }) }));
        Assert.Contains("'T:A'", duplicate.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => ManifestWriter.Write(new DataDirectory(string.Empty)));
        Assert.Throws<ArgumentException>(() => ManifestWriter.Write(new DataDirectory("A") { Entries = EquatableArray.Create(entry with { Kind = (DirectoryEntryKind)42 }) }));
        Assert.Throws<ArgumentException>(() => ManifestWriter.Write(new TransferManifest("A")
        {
            Authorizations = EquatableArray.Create(new TransferAuthorization("x", TransferMechanism.Certification, "assembly") { EstimatedSubjectsPerYear = -1 }),
        }));
        Assert.Throws<ArgumentException>(() => ManifestWriter.Write(new TransferManifest("A")
        {
            Flows = EquatableArray.Create(new TransferFlow("f", "M:a", "M:s") { Categories = EquatableArray.Create(string.Empty) }),
        }));
    }

    [Fact]
    public void DigestIsSha256OfTheUtf8BytesWithoutBom()
    {
        var json = ManifestWriter.Write(ManifestSamples.Directory());
        var bytes = new UTF8Encoding(false).GetBytes(json);
        var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

        Assert.Equal(expected, ManifestDigest.Compute(json));
        Assert.Equal(expected, ManifestDigest.Compute(bytes));
        Assert.Equal(expected, ManifestDigest.Compute(ManifestSamples.Directory()));
        Assert.True(ManifestDigest.IsWellFormed(expected));
        Assert.True(ManifestDigest.Matches(json, expected));
        Assert.NotEqual(0xEF, bytes[0]);

        var document = ManifestWriter.WriteDocument(ManifestSamples.Directory());
        Assert.Equal(json, document.Json);
        Assert.Equal(expected, document.Digest);
        Assert.DoesNotContain("sha256", document.Json, StringComparison.Ordinal); // the digest is stored beside the document, never inside
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256:")]
    [InlineData("sha256:ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789")]
    [InlineData("sha1:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde")]
    public void MalformedDigestsAreRecognized(string? digest)
    {
        Assert.False(ManifestDigest.IsWellFormed(digest));
        Assert.False(ManifestDigest.Matches("{}\n", digest ?? string.Empty));
    }

    [Fact]
    public void DigestIsStableAndChangesOnAnyEdit()
    {
        var manifest = ManifestSamples.Manifest();
        var digest = ManifestDigest.Compute(manifest);
        Assert.Equal(digest, ManifestDigest.Compute(ManifestSamples.Manifest()));
        Assert.Equal(digest, ManifestDigest.Compute(manifest.Canonicalize()));

        var authorization = manifest.Authorizations[0];
        var flow = manifest.Flows[0];
        var edits = new[]
        {
            manifest with { Assembly = "Acme.Trials2" },
            manifest with { Processor = manifest.Processor! with { CriticalInformationInfrastructureOperator = true } },
            manifest with { Authorizations = Replace(manifest.Authorizations, 0, authorization with { Reference = authorization.Reference + "x" }) },
            manifest with { Authorizations = Replace(manifest.Authorizations, 0, authorization with { IssuedOn = authorization.IssuedOn!.Value.AddDays(1) }) },
            manifest with { Authorizations = Replace(manifest.Authorizations, 0, authorization with { EstimatedSubjectsPerYear = 12_001 }) },
            manifest with { Authorizations = Replace(manifest.Authorizations, 0, authorization with { SeparateConsent = false }) },
            manifest with { Authorizations = Replace(manifest.Authorizations, 0, authorization with { Categories = EquatableArray.Create("PersonalInformation") }) },
            manifest with { Flows = Replace(manifest.Flows, 0, flow with { Status = FlowStatus.Expired }) },
            manifest with { Flows = Replace(manifest.Flows, 0, flow with { AuthorizationId = null }) },
            manifest with { Flows = Replace(manifest.Flows, 0, flow with { CallChain = EquatableArray.From(flow.CallChain.Reverse()) }) },
            manifest with { Flows = EquatableArray.Create(flow) },
        };
        var digests = edits.Select(ManifestDigest.Compute).Append(digest).ToList();
        Assert.Equal(digests.Count, digests.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void DetectKindTellsTheDocumentsApart()
    {
        Assert.Equal(ManifestDocumentKind.DataDirectory, ManifestReader.DetectKind(ManifestWriter.Write(ManifestSamples.Directory())));
        Assert.Equal(ManifestDocumentKind.TransferManifest, ManifestReader.DetectKind(ManifestWriter.Write(ManifestSamples.Manifest())));
    }

    [Fact]
    public void DeclaredClassesFollowTheDeclarations()
    {
        var genomic = ManifestSamples.Directory().Entries.Single(e => e.Id == "T:Acme.Trials.GenomicSample");
        Assert.Equal(
            new[] { DataClass.ImportantData, DataClass.PersonalInformation, DataClass.SensitivePersonalInformation },
            genomic.Classification.DeclaredClasses);
        Assert.Empty(DataClassification.None.DeclaredClasses);
        Assert.Equal(new[] { DataClass.CoreData }, new DataClassification { CoreData = true }.DeclaredClasses);
    }

    [Fact]
    public void IdsForParametersAndReturnValues()
    {
        Assert.Equal("M:A.B.C(System.String)#p:name", ManifestIds.Parameter("M:A.B.C(System.String)", "name"));
        Assert.Equal("M:A.B.C(System.String)#return", ManifestIds.ReturnValue("M:A.B.C(System.String)"));
        Assert.NotEqual(ManifestIds.ReturnValue("M:A.B.C"), ManifestIds.Parameter("M:A.B.C", "return"));
    }

    private static EquatableArray<T> Replace<T>(EquatableArray<T> items, int index, T item)
    {
        var array = items.ToArray();
        array[index] = item;
        return EquatableArray.From(array);
    }

    internal static T WithCulture<T>(string name, Func<T> action)
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
