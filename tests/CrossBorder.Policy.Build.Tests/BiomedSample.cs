using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Build.Tests;

/// <summary>
/// A Jiangsu biomedicine company: patients with medical-health sensitive personal information, a genomics summary that
/// is important data, a Singapore CRO under a security assessment, a US CRM with no authorization, and a Hong Kong
/// logistics partner under the contract-performance exemption.
/// </summary>
internal static class BiomedSample
{
    public const string Assembly = "Jsbio.Trials";

    private static readonly ProcessorProfile Processor = new()
    {
        Name = "江苏恒康生物医药有限公司 (Jiangsu Hengkang Biomedicine Co., Ltd.)",
        CriticalInformationInfrastructureOperator = false,
        FreeTradeZone = "CN-JS-FTZ",
    };

    public static DataDirectory Directory() => new(Assembly)
    {
        Processor = Processor,
        Entries = EquatableArray.Create(
            new DirectoryEntry("T:Jsbio.Trials.Patient", "Jsbio.Trials.Patient", DirectoryEntryKind.Type)
            {
                Description = "临床试验受试者 (trial participant)",
                Classification = new DataClassification { PersonalInformation = true, PersonalInformationCategory = "identity" },
                Origin = new DataOriginLabel("CN-JS"),
                InheritedClasses = EquatableArray.Create(DataClass.SensitivePersonalInformation, DataClass.PersonalInformation),
                InheritedFrom = EquatableArray.Create("P:Jsbio.Trials.Patient.Diagnosis", "P:Jsbio.Trials.Patient.IdNumber"),
            },
            new DirectoryEntry("P:Jsbio.Trials.Patient.IdNumber", "Jsbio.Trials.Patient.IdNumber", DirectoryEntryKind.Property)
            {
                ContainingTypeId = "T:Jsbio.Trials.Patient",
                Description = "居民身份证号码",
                Classification = new DataClassification
                {
                    PersonalInformation = true,
                    SensitiveCategories = EquatableArray.Create(SensitiveCategory.SpecificIdentity),
                },
                Origin = new DataOriginLabel("CN-JS"),
            },
            new DirectoryEntry("P:Jsbio.Trials.Patient.Diagnosis", "Jsbio.Trials.Patient.Diagnosis", DirectoryEntryKind.Property)
            {
                ContainingTypeId = "T:Jsbio.Trials.Patient",
                Description = "Diagnosis, ICD-10 code | free text",
                Classification = new DataClassification { SensitiveCategories = EquatableArray.Create(SensitiveCategory.MedicalHealth) },
            },
            new DirectoryEntry("P:Jsbio.Trials.Patient.Phone", "Jsbio.Trials.Patient.Phone", DirectoryEntryKind.Property)
            {
                ContainingTypeId = "T:Jsbio.Trials.Patient",
                Classification = new DataClassification { PersonalInformation = true, PersonalInformationCategory = "contact" },
            },
            new DirectoryEntry("T:Jsbio.Genomics.CohortSummary", "Jsbio.Genomics.CohortSummary", DirectoryEntryKind.Type)
            {
                Description = "Population genomics summary, \"=cohort\" level",
                Classification = new DataClassification
                {
                    ImportantData = EquatableArray.Create(new ImportantDataEvidence("BIO-003")
                    {
                        Catalog = "江苏省生物医药重要数据目录",
                        CatalogVersion = "2025-01",
                        NotifiedBy = "Jiangsu Provincial Health Commission",
                        NotifiedOn = new IsoDate(2025, 6, 30),
                        Domain = "biomedicine",
                    }),
                },
                Origin = new DataOriginLabel("CN-JS"),
            },
            new DirectoryEntry("T:Jsbio.Logistics.Shipment", "Jsbio.Logistics.Shipment", DirectoryEntryKind.Type)
            {
                Classification = new DataClassification { PersonalInformation = true, PersonalInformationCategory = "address" },
            }),
        Endpoints = EquatableArray.Create(
            new EndpointBinding("T:Jsbio.Clients.CroClient") { Host = "edc.cro.example.sg", Jurisdiction = "SG", Recipient = "Lion City CRO Pte. Ltd." },
            new EndpointBinding("T:Jsbio.Clients.CrmClient") { Host = "api.crm.example.com", Jurisdiction = "US" },
            new EndpointBinding(ManifestIds.PolicyFile) { Host = "*.hk-logistics.example.hk", Jurisdiction = "HK", Recipient = "Harbour Logistics Ltd." },
            new EndpointBinding(ManifestIds.PolicyFile) { Host = "oss-cn-nanjing.aliyuncs.com", Domestic = true }),
    };

    public static TransferManifest Manifest() => new(Assembly)
    {
        Processor = Processor,
        Authorizations = EquatableArray.Create(
            new TransferAuthorization("sg-cro-assessment", TransferMechanism.SecurityAssessment, "T:Jsbio.Clients.CroClient")
            {
                Reference = "国网信数出〔2025〕0042号",
                IssuingAuthority = "Cyberspace Administration of China",
                IssuedOn = new IsoDate(2025, 3, 1),
                ComputedValidUntil = new IsoDate(2028, 2, 29),
                Recipient = "Lion City CRO Pte. Ltd.",
                RecipientAddress = "10 Biopolis Road, Singapore 138670",
                RecipientContact = "DPO, dpo@cro.example.sg",
                Jurisdiction = "SG",
                Endpoint = "edc.cro.example.sg",
                Purpose = "多中心临床试验数据管理 (multi-regional clinical trial data management)",
                ProcessingMethod = "Storage, statistical analysis",
                TransferMethod = "HTTPS API",
                LawfulBasis = "PIPL 13(1), separate consent",
                Categories = EquatableArray.Create("PersonalInformation", "SensitivePersonalInformation:MedicalHealth", "ImportantData:BIO-003"),
                EstimatedSubjectsPerYear = 12_000,
                EstimatedSensitiveSubjectsPerYear = 12_000,
                SeparateConsent = true,
                RetentionPeriod = "P5Y",
                OverseasStorageLocation = "SG",
                SecurityMeasures = EquatableArray.Create("TLS 1.3", "AES-256 at rest"),
                ImpactAssessmentReference = "PIPIA-2025-007",
                ImpactAssessmentCompletedOn = new IsoDate(2025, 1, 15),
            },
            new TransferAuthorization("hk-logistics-contract", TransferMechanism.Exemption, ManifestIds.PolicyFile)
            {
                Exemption = ExemptionBasis.ContractPerformance,
                Recipient = "Harbour Logistics Ltd.",
                Jurisdiction = "HK",
                Endpoint = "*.hk-logistics.example.hk",
                Purpose = "Delivery of trial kits to participants",
                Categories = EquatableArray.Create("PersonalInformation"),
            },
            new TransferAuthorization("de-archive-scc", TransferMechanism.StandardContract, ManifestIds.Assembly)
            {
                Reference = "苏网信备〔2025〕0117号",
                IssuingAuthority = "江苏省互联网信息办公室",
                IssuedOn = new IsoDate(2025, 4, 2),
                Recipient = "Archiv GmbH",
                Jurisdiction = "DE",
                Purpose = "-archive copy",
                Categories = EquatableArray.Create("PersonalInformation"),
            }),
        Flows = EquatableArray.Create(
            new TransferFlow("flow:cro-upload", "M:Jsbio.Trials.VisitService.Complete(Jsbio.Trials.Patient)", "M:System.Net.Http.HttpClient.PostAsync(System.String,System.Net.Http.HttpContent)")
            {
                CallChain = EquatableArray.Create(
                    new CallStep("M:Jsbio.Trials.VisitService.Complete(Jsbio.Trials.Patient)", "VisitService.Complete(Patient)"),
                    new CallStep("M:Jsbio.Clients.CroClient.UploadAsync(Jsbio.Trials.Patient)", "CroClient.UploadAsync(Patient)")),
                SinkDisplay = "HttpClient.PostAsync(string, HttpContent)",
                EndpointHost = "edc.cro.example.sg",
                Jurisdiction = "SG",
                JurisdictionResolution = JurisdictionResolution.Attribute,
                DataClasses = EquatableArray.Create(DataClass.PersonalInformation, DataClass.SensitivePersonalInformation),
                Categories = EquatableArray.Create("PersonalInformation", "SensitivePersonalInformation:MedicalHealth"),
                OriginMemberIds = EquatableArray.Create("P:Jsbio.Trials.Patient.Diagnosis", "P:Jsbio.Trials.Patient.IdNumber"),
                AuthorizationId = "sg-cro-assessment",
                Status = FlowStatus.Authorized,
            },
            new TransferFlow("flow:crm-sync", "M:Jsbio.Sales.CrmSync.Push(Jsbio.Trials.Patient)", "M:System.Net.Http.HttpClient.PostAsync(System.String,System.Net.Http.HttpContent)")
            {
                CallChain = EquatableArray.Create(new CallStep("M:Jsbio.Sales.CrmSync.Push(Jsbio.Trials.Patient)", "CrmSync.Push(Patient)")),
                SinkDisplay = "HttpClient.PostAsync(string, HttpContent)",
                EndpointHost = "api.crm.example.com",
                Jurisdiction = "US",
                JurisdictionResolution = JurisdictionResolution.Attribute,
                DataClasses = EquatableArray.Create(DataClass.PersonalInformation),
                Categories = EquatableArray.Create("PersonalInformation"),
                OriginMemberIds = EquatableArray.Create("P:Jsbio.Trials.Patient.Phone"),
                Status = FlowStatus.Unauthorized,
            },
            new TransferFlow("flow:hk-shipping", "M:Jsbio.Logistics.Dispatch.Send(Jsbio.Logistics.Shipment)", "M:Jsbio.Logistics.HkClient.Book(Jsbio.Logistics.Shipment)")
            {
                CallChain = EquatableArray.Create(new CallStep("M:Jsbio.Logistics.Dispatch.Send(Jsbio.Logistics.Shipment)", "Dispatch.Send(Shipment)")),
                SinkDisplay = "HkClient.Book(Shipment)",
                EndpointHost = "api.hk-logistics.example.hk",
                Jurisdiction = "HK",
                JurisdictionResolution = JurisdictionResolution.PolicyFile,
                DataClasses = EquatableArray.Create(DataClass.PersonalInformation),
                Categories = EquatableArray.Create("PersonalInformation"),
                OriginMemberIds = EquatableArray.Create("T:Jsbio.Logistics.Shipment"),
                AuthorizationId = "hk-logistics-contract",
                Status = FlowStatus.Authorized,
            }),
    };
}
