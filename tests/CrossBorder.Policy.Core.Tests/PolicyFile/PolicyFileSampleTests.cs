using CrossBorder.Policy.Core.Json;
using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.PolicyFile;
using CrossBorder.Policy.Core.Regulation;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.PolicyFile;

public sealed class PolicyFileSampleTests
{
    private static PolicyDocument ParseClean(string relative)
    {
        var result = PolicyFileParser.Parse(RepositoryFiles.Read(relative), relative);
        Assert.Empty(result.Diagnostics);
        Assert.False(result.HasErrors);
        return result.Document;
    }

    [Fact]
    public void JiangsuSampleParsesIntoTheModel()
    {
        var document = ParseClean("samples/policies/jiangsu-ftz-biomedicine.json");

        Assert.Equal(1, document.Version);
        Assert.Equal("../../schema/crossborder.schema.json", document.Schema);

        var processor = document.Processor!;
        Assert.Equal("Suzhou Meridian Biotherapeutics Co., Ltd.", processor.Name);
        Assert.False(processor.CriticalInformationInfrastructureOperator);
        Assert.Equal("CN-JS-FTZ", processor.FreeTradeZone);
        Assert.Equal(420000L, processor.ProcessedSubjects);
        Assert.Equal("91320594MA1XY78K2Q", processor.UnifiedSocialCreditCode);

        Assert.Equal(UnknownHostMode.Foreign, document.Defaults.UnknownHostMode);
        Assert.Equal(120, document.Defaults.ExpiryWarningDays);
        Assert.Equal("CN-JS", document.Defaults.DataOrigin);
        Assert.True(document.Defaults.RequireTransferIds);

        // Options not in the file keep their defaults; those in it are taken.
        Assert.Equal(RegulationOptions.Default with { }, document.Regulation);
        Assert.Equal(100_000, document.Regulation.ContractThreshold);

        Assert.Equal(new[] { "cro-sg", "genomics-us", "hr-hk", "oss-suzhou" }, document.Endpoints.Select(e => e.Id));
        var cro = document.Endpoints[0];
        Assert.Equal("*.trials.cro-partner.example.sg", cro.Host);
        Assert.Equal("SG", cro.Jurisdiction);
        Assert.False(cro.Domestic);
        Assert.Equal(new TextPosition(36, 5), cro.Position);
        var oss = document.Endpoints[3];
        Assert.True(oss.Domestic);
        Assert.Equal("CN", oss.Jurisdiction);

        Assert.Equal(3, document.Transfers.Count);
        var scc = document.Transfers[0];
        Assert.Equal("scc-cro-sg-2025", scc.Id);
        Assert.Equal(TransferMechanism.StandardContract, scc.Mechanism);
        Assert.Equal("SCC-JS-2025-00418", scc.Reference);
        Assert.Equal(new IsoDate(2025, 4, 18), scc.IssuedOn);
        Assert.Null(scc.ValidUntil);
        Assert.Equal(
            new[] { new DataCategory(DataClass.PersonalInformation), new DataCategory(DataClass.SensitivePersonalInformation, SensitiveCategory.MedicalHealth) },
            scc.Categories);
        Assert.Equal(6500, scc.EstimatedSensitiveSubjectsPerYear);
        Assert.True(scc.SeparateConsent);
        Assert.Equal(new[] { "Pharmacovigilance Partners Ltd. (GB)" }, scc.OnwardRecipients);
        Assert.Equal(64, scc.DocumentSha256!.Length);

        var sa = document.Transfers[1];
        Assert.Equal(TransferMechanism.SecurityAssessment, sa.Mechanism);
        Assert.Equal(new IsoDate(2027, 9, 16), sa.ValidUntil);
        Assert.Equal("JS-BIO-003", sa.Categories[0].CatalogEntry);
        Assert.Equal("ImportantData:JS-BIO-003", sa.Categories[0].ToString());

        var hr = document.Transfers[2];
        Assert.Equal(TransferMechanism.Exemption, hr.Mechanism);
        Assert.Equal(ExemptionBasis.HumanResources, hr.Exemption);
        Assert.Null(hr.Reference);
        Assert.Equal("HK", hr.Jurisdiction);

        var catalog = Assert.Single(document.Catalogs);
        Assert.Equal("JS-FTZ-Biomedicine", catalog.Id);
        Assert.True(catalog.Notified);
        Assert.Equal(new IsoDate(2025, 3, 1), catalog.PublishedOn);
        Assert.Equal(new[] { "JS-BIO-001", "JS-BIO-002", "JS-BIO-003" }, catalog.Entries.Select(e => e.Id));

        var list = Assert.Single(document.NegativeLists);
        Assert.Equal("CN-JS-FTZ", list.Zone);
        Assert.True(list.ExcludesCiio);
        Assert.Equal(2, list.Entries.Count);
        Assert.Equal(NegativeListDataKind.SensitivePersonalInformation, list.Entries[0].DataKind);
        Assert.Equal(TransferMechanism.StandardContract, list.Entries[0].Mechanism);
        Assert.Equal(1L, list.Entries[0].Threshold);
        Assert.Null(list.Entries[1].Threshold);
        Assert.Equal(4, list.Entries[0].Items.Count);

        Assert.Equal("^CAC-SA-[0-9]{4}-[0-9]{4}$", document.ReferenceFormats.SecurityAssessment);
        Assert.Equal(ReferenceFormats.DefaultPattern, document.ReferenceFormats.Certification);
        Assert.True(document.ReferenceFormats.IsMatch(TransferMechanism.SecurityAssessment, "CAC-SA-2024-0917"));
        Assert.False(document.ReferenceFormats.IsMatch(TransferMechanism.SecurityAssessment, "SA-2024"));
    }

    [Fact]
    public void MinimalSampleParsesWithDefaults()
    {
        var document = ParseClean("samples/policies/minimal.json");
        Assert.Null(document.Processor);
        Assert.Equal(new PolicyDefaults(), document.Defaults);
        Assert.Same(RegulationOptions.Default, document.Regulation);
        Assert.Same(ReferenceFormats.Default, document.ReferenceFormats);
        Assert.Empty(document.Catalogs);
        Assert.Empty(document.NegativeLists);
        var endpoint = Assert.Single(document.Endpoints);
        Assert.Null(endpoint.Id);
        Assert.Equal("SG", endpoint.Jurisdiction);
        var transfer = Assert.Single(document.Transfers);
        Assert.Equal("scc-partner-sg", transfer.Id);
        Assert.Equal(ExemptionBasis.None, transfer.Exemption);
        Assert.Equal(0, transfer.EstimatedSubjectsPerYear);
    }

    [Fact]
    public void RegulationSectionOverridesEveryOption()
    {
        const string text = """
            {
              "version": 1,
              "regulation": {
                "exemptionsApplyToCiio": true,
                "exemptedTransfersCountTowardVolumes": false,
                "legacyProcessedVolumeTrigger": false,
                "coreDataAllowedWithAuthorityApproval": false,
                "contractThreshold": 50000,
                "assessmentThreshold": 500000,
                "sensitiveAssessmentThreshold": 5000,
                "assessmentValidityYears": 2,
                "certificationValidityYears": 4,
                "assessmentExtensionWindowWorkingDays": 30,
                "certificationRenewalMonths": 3,
                "processedVolumeThreshold": 2000000,
                "legacyAssessmentThreshold": 200000,
                "legacySensitiveAssessmentThreshold": 20000,
                "legacyAssessmentValidityYears": 3,
                "assessmentExtensionYears": 2
              }
            }
            """;
        var result = PolicyFileParser.Parse(text, "crossborder.json");
        Assert.Empty(result.Diagnostics);
        var expected = new RegulationOptions
        {
            ExemptionsApplyToCiio = true,
            ExemptedTransfersCountTowardVolumes = false,
            LegacyProcessedVolumeTrigger = false,
            CoreDataAllowedWithAuthorityApproval = false,
            ContractThreshold = 50_000,
            AssessmentThreshold = 500_000,
            SensitiveAssessmentThreshold = 5_000,
            AssessmentValidityYears = 2,
            CertificationValidityYears = 4,
            AssessmentExtensionWindowWorkingDays = 30,
            CertificationRenewalMonths = 3,
            ProcessedVolumeThreshold = 2_000_000,
            LegacyAssessmentThreshold = 200_000,
            LegacySensitiveAssessmentThreshold = 20_000,
            LegacyAssessmentValidityYears = 3,
            AssessmentExtensionYears = 2,
        };
        Assert.Equal(expected, result.Document.Regulation);

        // Every property differs from the default, so this test fails if one is not parsed.
        foreach (var property in typeof(RegulationOptions).GetProperties().Where(p => p.CanWrite))
        {
            Assert.NotEqual(property.GetValue(RegulationOptions.Default), property.GetValue(expected));
        }
    }

    [Theory]
    [InlineData("\"foreign\"", UnknownHostMode.Foreign, null)]
    [InlineData("\"domestic\"", UnknownHostMode.Domestic, null)]
    [InlineData("\"CN\"", UnknownHostMode.Domestic, null)]
    [InlineData("\"SG\"", UnknownHostMode.Jurisdiction, "SG")]
    public void UnknownHostJurisdictionModes(string value, UnknownHostMode mode, string? code)
    {
        var result = PolicyFileParser.Parse("{ \"version\": 1, \"defaults\": { \"unknownHostJurisdiction\": " + value + " } }", "p.json");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(mode, result.Document.Defaults.UnknownHostMode);
        Assert.Equal(code, result.Document.Defaults.UnknownHostJurisdictionCode);
    }

    [Fact]
    public void EndpointHostsAreNormalizedToLowerCase()
    {
        var result = PolicyFileParser.Parse("{ \"version\": 1, \"endpoints\": [ { \"host\": \"API.Partner.SG.\", \"jurisdiction\": \"SG\" } ] }", "p.json");
        Assert.Empty(result.Diagnostics);
        Assert.Equal("api.partner.sg", result.Document.Endpoints[0].Host);
    }
}
