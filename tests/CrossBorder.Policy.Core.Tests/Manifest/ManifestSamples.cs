using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Tests.Manifest;

/// <summary>
/// A realistic sample: a Jiangsu clinical-trial application that sends patient data to a Singapore CRO under a
/// filed standard contract, genomic data (important data) to a German lab under a security assessment, and
/// analytics to the United States without authorization. Entries are listed out of order on purpose.
/// </summary>
internal static class ManifestSamples
{
    public const string Assembly = "Acme.Trials";

    public static readonly ProcessorProfile Processor = new()
    {
        Name = "Acme Clinical Research (Suzhou) Co., Ltd.",
        CriticalInformationInfrastructureOperator = false,
        FreeTradeZone = "CN-JS-FTZ",
    };

    public static DataDirectory Directory() => new(Assembly)
    {
        Processor = Processor,
        Entries = EquatableArray.Create(
            new DirectoryEntry("T:Acme.Trials.Visit", "Acme.Trials.Visit", DirectoryEntryKind.Type)
            {
                InheritedClasses = EquatableArray.Create(DataClass.SensitivePersonalInformation, DataClass.PersonalInformation),
                InheritedFrom = EquatableArray.Create("P:Acme.Trials.Visit.Patient", "P:Acme.Trials.Visit.Diagnosis"),
            },
            new DirectoryEntry("P:Acme.Trials.Patient.IdNumber", "Acme.Trials.Patient.IdNumber", DirectoryEntryKind.Property)
            {
                ContainingTypeId = "T:Acme.Trials.Patient",
                Description = "居民身份证号码 (resident identity card number)",
                Classification = new DataClassification
                {
                    PersonalInformation = true,
                    PersonalInformationCategory = "identity",
                    SensitiveCategories = EquatableArray.Create(SensitiveCategory.SpecificIdentity),
                },
                Origin = new DataOriginLabel("CN-JS"),
            },
            new DirectoryEntry("T:Acme.Trials.Patient", "Acme.Trials.Patient", DirectoryEntryKind.Type)
            {
                Description = "A trial participant.",
                Classification = new DataClassification { PersonalInformation = true, PersonalInformationCategory = "identity" },
                Origin = new DataOriginLabel("CN-JS"),
                InheritedClasses = EquatableArray.Create(DataClass.SensitivePersonalInformation, DataClass.PersonalInformation),
                InheritedFrom = EquatableArray.Create("P:Acme.Trials.Patient.IdNumber"),
            },
            new DirectoryEntry("P:Acme.Trials.Visit.Diagnosis", "Acme.Trials.Visit.Diagnosis", DirectoryEntryKind.Property)
            {
                ContainingTypeId = "T:Acme.Trials.Visit",
                Classification = new DataClassification { SensitiveCategories = EquatableArray.Create(SensitiveCategory.MedicalHealth) },
            },
            new DirectoryEntry("P:Acme.Trials.Visit.Patient", "Acme.Trials.Visit.Patient", DirectoryEntryKind.Property)
            {
                ContainingTypeId = "T:Acme.Trials.Visit",
                InheritedClasses = EquatableArray.Create(DataClass.PersonalInformation, DataClass.SensitivePersonalInformation),
                InheritedFrom = EquatableArray.Create("T:Acme.Trials.Patient"),
            },
            new DirectoryEntry("T:Acme.Trials.GenomicSample", "Acme.Trials.GenomicSample", DirectoryEntryKind.Type)
            {
                Description = "人类遗传资源信息 (human genetic resources information)",
                Classification = new DataClassification
                {
                    PersonalInformation = true,
                    SensitiveCategories = EquatableArray.Create(SensitiveCategory.MedicalHealth, SensitiveCategory.Biometric),
                    ImportantData = EquatableArray.Create(
                        new ImportantDataEvidence("BIO-001")
                        {
                            Catalog = "JS-FTZ-Biomedicine",
                            CatalogVersion = "2024-05",
                            Domain = "biomedicine",
                        },
                        new ImportantDataEvidence("HGR-07")
                        {
                            Catalog = "Human Genetic Resources",
                            NotifiedBy = "Jiangsu Provincial Health Commission",
                            NotifiedOn = new IsoDate(2025, 3, 18),
                            Domain = "health",
                        }),
                },
                Origin = new DataOriginLabel("CN-JS"),
            },
            new DirectoryEntry("T:Acme.Trials.Statistics.SiteSummary", "Acme.Trials.Statistics.SiteSummary", DirectoryEntryKind.Type)
            {
                Classification = new DataClassification { Anonymized = true, AnonymizationMethod = "k-anonymity, k=20", GeneralData = true, GeneralDataLevel = 2 },
            },
            new DirectoryEntry("M:Acme.Trials.Registry.Lookup(System.String)#p:nationalId", "Acme.Trials.Registry.Lookup(string nationalId)", DirectoryEntryKind.Parameter)
            {
                ContainingTypeId = "T:Acme.Trials.Registry",
                Classification = new DataClassification { SensitiveCategories = EquatableArray.Create(SensitiveCategory.SpecificIdentity) },
            },
            new DirectoryEntry("M:Acme.Trials.Grid.Load#return", "Acme.Trials.Grid.Load() return value", DirectoryEntryKind.ReturnValue)
            {
                ContainingTypeId = "T:Acme.Trials.Grid",
                Classification = new DataClassification { CoreData = true, CoreDataBasis = "Provincial core-data catalogue 2025, item 3" },
            },
            new DirectoryEntry("F:Acme.Shared.Contact.Phone", "Acme.Shared.Contact.Phone", DirectoryEntryKind.Field)
            {
                ContainingTypeId = "T:Acme.Shared.Contact",
                ReferencedAssembly = "Acme.Shared",
                Classification = new DataClassification { PersonalInformation = true, PersonalInformationCategory = "contact" },
                Origin = new DataOriginLabel("SG") { CollectedAbroad = true },
            }),
        Endpoints = EquatableArray.Create(
            new EndpointBinding("T:Acme.Trials.Clients.CroClient") { Host = "*.cro.example.sg", Jurisdiction = "SG", Recipient = "Example CRO Pte. Ltd." },
            new EndpointBinding(ManifestIds.PolicyFile) { Host = "oss-cn-shanghai.aliyuncs.com", Domestic = true },
            new EndpointBinding("T:Acme.Trials.Clients.LabClient") { Host = "api.genelab.example.de", Jurisdiction = "DE", Recipient = "GeneLab GmbH" },
            new EndpointBinding(ManifestIds.Assembly) { Host = "telemetry.example.com", Jurisdiction = "US" }),
    };

    public static TransferManifest Manifest() => new(Assembly)
    {
        Processor = Processor,
        Authorizations = EquatableArray.Create(
            new TransferAuthorization("sg-cro-scc", TransferMechanism.StandardContract, "T:Acme.Trials.Clients.CroClient")
            {
                Reference = "苏网信备〔2025〕0117号",
                IssuingAuthority = "Jiangsu Provincial Cyberspace Administration",
                IssuedOn = new IsoDate(2025, 4, 2),
                Recipient = "Example CRO Pte. Ltd.",
                RecipientAddress = "1 Science Park Road, Singapore 117528",
                RecipientContact = "Data Protection Officer, dpo@cro.example.sg",
                Jurisdiction = "SG",
                Endpoint = "*.cro.example.sg",
                Purpose = "Multi-regional clinical trial data management",
                ProcessingMethod = "Storage, statistical analysis",
                TransferMethod = "HTTPS API",
                LawfulBasis = "PIPL 13(1) separate consent",
                Categories = EquatableArray.Create("SensitivePersonalInformation:MedicalHealth", "PersonalInformation"),
                EstimatedSubjectsPerYear = 12_000,
                EstimatedSensitiveSubjectsPerYear = 4_800,
                SeparateConsent = true,
                RetentionPeriod = "P5Y",
                OverseasStorageLocation = "SG, ap-southeast-1",
                OnwardRecipients = EquatableArray.Create("Example Biostatistics Ltd. (GB)"),
                SecurityMeasures = EquatableArray.Create("TLS 1.3", "AES-256 at rest", "pseudonymised subject ids"),
                ImpactAssessmentReference = "PIPIA-2025-014",
                ImpactAssessmentCompletedOn = new IsoDate(2025, 2, 20),
            },
            new TransferAuthorization("de-lab-assessment", TransferMechanism.SecurityAssessment, ManifestIds.PolicyFile)
            {
                Reference = "CAC-SA-2024-0831",
                IssuingAuthority = "Cyberspace Administration of China",
                IssuedOn = new IsoDate(2024, 2, 29),
                ComputedValidUntil = new IsoDate(2027, 2, 28),
                Recipient = "GeneLab GmbH",
                Jurisdiction = "DE",
                Endpoint = "api.genelab.example.de",
                Purpose = "Genome sequencing quality control",
                Categories = EquatableArray.Create("ImportantData:BIO-001", "SensitivePersonalInformation:Biometric", "SensitivePersonalInformation:MedicalHealth"),
                EstimatedSensitiveSubjectsPerYear = 15_000,
                SeparateConsent = true,
                RetentionPeriod = "until sequencing completes, at most 12 months",
                OverseasStorageLocation = "DE, Heidelberg",
            },
            new TransferAuthorization("hr-exemption", TransferMechanism.Exemption, "M:Acme.Trials.Hr.SyncStaff")
            {
                Exemption = ExemptionBasis.HumanResources,
                DeclaredValidUntil = new IsoDate(2026, 12, 31),
                ComputedValidUntil = new IsoDate(2027, 1, 1),
                Recipient = "Acme Holdings Inc.",
                Jurisdiction = "US",
                Purpose = "Global HR management",
                Categories = EquatableArray.Create("PersonalInformation"),
            }),
        Flows = EquatableArray.Create(
            new TransferFlow("flow:upload-visit-sg", "M:Acme.Trials.VisitService.Complete(Acme.Trials.Visit)", "M:System.Net.Http.HttpClient.PostAsync(System.String,System.Net.Http.HttpContent)")
            {
                CallChain = EquatableArray.Create(
                    new CallStep("M:Acme.Trials.VisitService.Complete(Acme.Trials.Visit)", "VisitService.Complete(Visit)"),
                    new CallStep("M:Acme.Trials.Clients.CroClient.UploadAsync(Acme.Trials.Visit)", "CroClient.UploadAsync(Visit)")),
                SinkDisplay = "HttpClient.PostAsync(string, HttpContent)",
                EndpointHost = "api.cro.example.sg",
                Jurisdiction = "SG",
                JurisdictionResolution = JurisdictionResolution.Attribute,
                DataClasses = EquatableArray.Create(DataClass.SensitivePersonalInformation, DataClass.PersonalInformation),
                Categories = EquatableArray.Create("SensitivePersonalInformation:MedicalHealth", "PersonalInformation"),
                OriginMemberIds = EquatableArray.Create("P:Acme.Trials.Visit.Diagnosis", "P:Acme.Trials.Patient.IdNumber"),
                AuthorizationId = "sg-cro-scc",
                Status = FlowStatus.Authorized,
            },
            new TransferFlow("flow:telemetry-us", "M:Acme.Trials.Telemetry.Track(Acme.Trials.Patient)", "M:Acme.Trials.Telemetry.Send(System.Object)")
            {
                CallChain = EquatableArray.Create(
                    new CallStep("M:Acme.Trials.Telemetry.Track(Acme.Trials.Patient)", "Telemetry.Track(Patient)")),
                SinkDisplay = "Telemetry.Send(object)",
                EndpointHost = "telemetry.example.com",
                Jurisdiction = "US",
                JurisdictionResolution = JurisdictionResolution.DefaultForUnknownHosts,
                DataClasses = EquatableArray.Create(DataClass.PersonalInformation),
                Categories = EquatableArray.Create("PersonalInformation"),
                OriginMemberIds = EquatableArray.Create("T:Acme.Trials.Patient"),
                Status = FlowStatus.Unauthorized,
            }),
    };
}
