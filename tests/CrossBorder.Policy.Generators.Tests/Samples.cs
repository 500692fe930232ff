namespace CrossBorder.Policy.Generators.Tests;

/// <summary>Source texts shared by the generator tests.</summary>
internal static class Samples
{
    public const string Models = """
        using System.Collections.Generic;
        using CrossBorder.Policy;

        namespace Contoso.Clinic;

        /// <summary>A patient.</summary>
        [PersonalInformation(Category = "identity", Description = "A registered patient")]
        [DataOrigin("CN-JS")]
        public sealed class Patient
        {
            [PersonalInformation(Category = "contact")]
            public string Email { get; set; } = "";

            [SensitivePersonalInformation(SensitiveCategory.MedicalHealth, Description = "Diagnoses")]
            [SensitivePersonalInformation(SensitiveCategory.Biometric)]
            public List<string> Diagnoses { get; } = new();

            [ImportantData("BIO-001", Catalog = "JS-FTZ-Biomedicine", CatalogVersion = "2024", Domain = "biomedicine")]
            public string? GenomeSequence;

            public int VisitCount { get; set; }
        }

        public record Visit([property: PersonalInformation] string PatientName, [Anonymized(Method = "k-anonymity")] string Region, int Count);

        public sealed class Ward
        {
            [CoreData(Basis = "provincial decision 2025-7")]
            public string? Layout { get; set; }

            [GeneralData(Level = 2)]
            public string? Name { get; set; }
        }

        public sealed class Appointment
        {
            public Patient? Patient { get; set; }
            public IReadOnlyList<Visit> Visits { get; set; } = new List<Visit>();
            public System.DateTime At { get; set; }
        }

        [Anonymized(Method = "aggregation")]
        public struct VisitStatistics
        {
            public int Total;
        }
        """;

    public const string Clients = """
        using CrossBorder.Policy;

        [assembly: DataProcessor(Name = "Contoso Clinic Ltd.", FreeTradeZone = "CN-JS-FTZ")]
        [assembly: DomesticEndpoint(Host = "*.contoso.cn")]
        [assembly: CrossBorderTransfer(Mechanism = TransferMechanism.Exemption, Exemption = ExemptionBasis.Emergency, Purpose = "Emergency treatment abroad")]

        namespace Contoso.Clinic;

        [ForeignEndpoint("SG", Host = "api.cro.example.sg", Recipient = "Example CRO Pte. Ltd.")]
        public sealed class TrialClient
        {
            [CrossBorderTransfer(
                Id = "sg-cro-2025",
                Mechanism = TransferMechanism.StandardContract,
                Reference = "JS-SC-2025-0042",
                IssuedOn = "2025-03-01",
                ValidUntil = "2028-02-29",
                Recipient = "Example CRO Pte. Ltd.",
                Jurisdiction = "SG",
                Endpoint = "*.cro.example.sg",
                Purpose = "Clinical trial monitoring",
                Categories = new[] { "PersonalInformation", "SensitivePersonalInformation:MedicalHealth" },
                EstimatedSubjectsPerYear = 20000,
                EstimatedSensitiveSubjectsPerYear = 5000,
                SeparateConsent = true,
                RetentionPeriod = "P3Y",
                OverseasStorageLocation = "SG, Jurong data centre")]
            public void Send(Patient patient) { }

            [ForeignEndpoint("US", Host = "s3.us-east-1.amazonaws.com")]
            private readonly string _bucket = "trial-archive";

            [CrossBorderTransfer(Mechanism = TransferMechanism.SecurityAssessment, Reference = "CAC-2025-001", IssuedOn = "2025-06-30", Jurisdiction = "US")]
            [return: SensitivePersonalInformation(SensitiveCategory.MedicalHealth)]
            public string Diagnose([PersonalInformation(Category = "identity")] string idNumber, int unclassified) => idNumber + unclassified;

            public string Archive([DomesticEndpoint(Host = "oss-cn-hangzhou.aliyuncs.com")] string backup) => _bucket + backup;
        }
        """;

    public const string PolicyFile = """
        {
          // comments are allowed in the policy file
          "version": 1,
          "endpoints": [
            { "host": "*.partner.hk", "jurisdiction": "HK", "recipient": "Partner HK Ltd." },
            { "host": "internal.contoso.cn", "domestic": true }
          ],
          "transfers": [
            {
              "id": "hk-partner",
              "mechanism": "Certification",
              "reference": "CERT-2026-7",
              "issuedOn": "2026-01-15",
              "recipient": "Partner HK Ltd.",
              "jurisdiction": "HK",
              "endpoint": "*.partner.hk",
              "categories": ["PersonalInformation"]
            }
          ]
        }
        """;
}
