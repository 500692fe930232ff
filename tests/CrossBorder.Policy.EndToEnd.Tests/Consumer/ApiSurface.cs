// A consumer of the CrossBorder.Policy package that uses every public name of the package's API: every attribute
// with every constructor and every property, and every enum member. PublicApiTests builds it against the packed
// package (net8.0 and net10.0, warnings as errors) and then checks, by reflection over the built assembly, that
// nothing public in CrossBorder.Policy.dll is left out. When the API grows, extend this file.
using System.Collections.Generic;
using System.Threading.Tasks;
using CrossBorder.Policy;

[assembly: DataProcessor(
    Name = "Example Biotech (Suzhou) Co., Ltd.",
    CriticalInformationInfrastructureOperator = false,
    FreeTradeZone = "CN-JS-FTZ")]
[assembly: DomesticEndpoint(Host = "*.example.cn")]
[assembly: ForeignEndpoint("SG", Host = "*.cro.example.sg", Recipient = "Example CRO Pte. Ltd.")]

// Every mechanism, and every exemption basis, each on a transfer declaration of its own.
[assembly: CrossBorderTransfer(
    Id = "sc-2025-001",
    Mechanism = TransferMechanism.StandardContract,
    Reference = "SC-JS-2025-000123",
    IssuedOn = "2025-03-01",
    ValidUntil = "2028-02-29",
    Recipient = "Example CRO Pte. Ltd.",
    Jurisdiction = "SG",
    Endpoint = "*.cro.example.sg",
    Purpose = "Pharmacovigilance reporting for a multi-regional clinical trial",
    Exemption = ExemptionBasis.None,
    Categories = new[] { "PersonalInformation", "SensitivePersonalInformation:MedicalHealth" },
    EstimatedSubjectsPerYear = 40_000,
    EstimatedSensitiveSubjectsPerYear = 5_000,
    SeparateConsent = true,
    RetentionPeriod = "P3Y",
    OverseasStorageLocation = "SG, Singapore data centre")]
[assembly: CrossBorderTransfer(Id = "sa-2025-002", Mechanism = TransferMechanism.SecurityAssessment, Reference = "CAC-SA-2025-0042", IssuedOn = "2025-01-15", Categories = new[] { "ImportantData:BIO-001" })]
[assembly: CrossBorderTransfer(Id = "cert-2026-001", Mechanism = TransferMechanism.Certification, Reference = "PIPC-2026-0007", IssuedOn = "2026-02-01")]
[assembly: CrossBorderTransfer(Id = "approval-1", Mechanism = TransferMechanism.AuthorityApproval, Reference = "MPS-2026-11", Recipient = "Court of Example")]
[assembly: CrossBorderTransfer(Mechanism = TransferMechanism.Exemption, Exemption = ExemptionBasis.NonPersonalBusinessData, Endpoint = "edi.shipping.example.de")]
[assembly: CrossBorderTransfer(Mechanism = TransferMechanism.Exemption, Exemption = ExemptionBasis.CollectedAbroad, Endpoint = "api.example.co.uk")]
[assembly: CrossBorderTransfer(Mechanism = TransferMechanism.Exemption, Exemption = ExemptionBasis.ContractPerformance, Endpoint = "booking.example.jp")]
[assembly: CrossBorderTransfer(Mechanism = TransferMechanism.Exemption, Exemption = ExemptionBasis.HumanResources, Endpoint = "hr.example.com")]
[assembly: CrossBorderTransfer(Mechanism = TransferMechanism.Exemption, Exemption = ExemptionBasis.Emergency, Endpoint = "rescue.example.org")]
[assembly: CrossBorderTransfer(Mechanism = TransferMechanism.Exemption, Exemption = ExemptionBasis.BelowThreshold, EstimatedSubjectsPerYear = 9_000, Endpoint = "crm.example.us")]
[assembly: CrossBorderTransfer(Mechanism = TransferMechanism.Exemption, Exemption = ExemptionBasis.FreeTradeZoneNegativeList, Endpoint = "lab.example.ch")]

namespace ApiSurface;

/// <summary>A patient enrolled in a trial: every classification attribute on types, properties, fields and parameters.</summary>
[PersonalInformation(Category = "identity", Description = "A trial participant")]
[DataOrigin("CN-JS", CollectedAbroad = false)]
public sealed class Patient
{
    [PersonalInformation(Category = "contact", Description = "Mobile number")]
    public string Phone { get; set; } = "";

    [SensitivePersonalInformation(SensitiveCategory.MedicalHealth, Description = "Diagnoses and lab results")]
    [SensitivePersonalInformation(SensitiveCategory.Biometric)]
    public string Record { get; set; } = "";

    [SensitivePersonalInformation(SensitiveCategory.ReligiousBelief)]
    public string? Diet { get; set; }

    [SensitivePersonalInformation(SensitiveCategory.SpecificIdentity)]
    public string IdCardNumber { get; set; } = "";

    [SensitivePersonalInformation(SensitiveCategory.FinancialAccount)]
    public string? BankCard;

    [SensitivePersonalInformation(SensitiveCategory.Whereabouts)]
    public IReadOnlyList<string> Visits { get; set; } = [];

    [SensitivePersonalInformation(SensitiveCategory.MinorUnder14)]
    public bool IsChild { get; set; }

    [SensitivePersonalInformation(SensitiveCategory.Other)]
    public string? Notes { get; set; }
}

[ImportantData("BIO-001",
    Catalog = "JS-FTZ-Biomedicine",
    CatalogVersion = "2024-10",
    NotifiedBy = "Jiangsu CAC",
    NotifiedOn = "2025-01-10",
    Domain = "biomedicine",
    Description = "Human genetic resources data of a trial cohort")]
public sealed class CohortGenome
{
    [CoreData(Basis = "National core data catalogue, entry 7", Description = "Population-scale genome map")]
    public byte[] PopulationMap { get; set; } = [];

    [GeneralData(Level = 2, Description = "Sequencer model")]
    public string Instrument { get; set; } = "";
}

[Anonymized(Method = "k-anonymity k=20 over age band and province", Description = "Aggregate statistics")]
public readonly record struct TrialStatistics(int Participants, double MeanAge);

[ForeignEndpoint("SG", Host = "api.cro.example.sg", Recipient = "Example CRO Pte. Ltd.")]
public interface ICroClient
{
    [DataSink(Description = "Uploads adverse-event reports")]
    [CrossBorderTransfer(Id = "sc-2025-001", Mechanism = TransferMechanism.StandardContract, Reference = "SC-2025-001")]
    Task UploadAsync([PersonalInformation] Patient patient);
}

[DomesticEndpoint(Host = "records.hospital.example.cn")]
public sealed class Registry
{
    [Anonymizer(Method = "Generalizes age to 10-year bands and drops identifiers")]
    public static TrialStatistics Summarize(IReadOnlyList<Patient> patients) => new(patients.Count, 0);

    [return: PersonalInformation(Category = "contact")]
    public static string PhoneOf(Patient patient) => patient.Phone;

    [ForeignEndpoint("HK", Host = "backup.example.hk")]
    public string BackupHost { get; set; } = "backup.example.hk";
}
