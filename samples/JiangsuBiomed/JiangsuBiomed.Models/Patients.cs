using System;
using System.Collections.Generic;
using CrossBorder.Policy;

namespace JiangsuBiomed.Models;

/// <summary>A patient of the company's partner hospitals, enrolled or screened for a trial.</summary>
[DataOrigin("CN-JS")]
public sealed class Patient
{
    /// <summary>A pseudonymous code assigned by the site: not classified here.</summary>
    public string PatientCode { get; set; } = "";

    [PersonalInformation(Category = "identity", Description = "Name as on the identity card")]
    public string FullName { get; set; } = "";

    [SensitivePersonalInformation(SensitiveCategory.SpecificIdentity, Description = "Resident identity card number")]
    public string IdCardNumber { get; set; } = "";

    [PersonalInformation(Category = "contact")]
    public string MobilePhone { get; set; } = "";

    [PersonalInformation(Category = "demographics")]
    public string Province { get; set; } = "";

    [PersonalInformation(Category = "demographics")]
    public int BirthYear { get; set; }

    [SensitivePersonalInformation(SensitiveCategory.MedicalHealth, Description = "Primary diagnosis, ICD-10")]
    public string Diagnosis { get; set; } = "";
}

/// <summary>A patient enrolled in trial MBT-301, as the electronic data capture system knows them.</summary>
[DataOrigin("CN-JS")]
public sealed class TrialSubject
{
    /// <summary>The subject number of the protocol (site-subject): pseudonymous, not classified here.</summary>
    public string SubjectNumber { get; set; } = "";

    public string SiteCode { get; set; } = "";

    [PersonalInformation(Category = "identity", Description = "Initials as recorded on the case report form")]
    public string Initials { get; set; } = "";

    [PersonalInformation(Category = "demographics")]
    public int BirthYear { get; set; }

    [SensitivePersonalInformation(SensitiveCategory.MedicalHealth)]
    public List<AdverseEvent> AdverseEvents { get; set; } = new();

    [SensitivePersonalInformation(SensitiveCategory.MedicalHealth)]
    public List<LabResult> LabResults { get; set; } = new();
}

public sealed class AdverseEvent
{
    public string Term { get; set; } = "";

    public DateOnly OnsetDate { get; set; }

    public bool Serious { get; set; }
}

public sealed class LabResult
{
    public string Test { get; set; } = "";

    public decimal Value { get; set; }

    public string Unit { get; set; } = "";
}

/// <summary>A physician or pharmacist the medical-affairs team works with.</summary>
public sealed class HealthcareProfessional
{
    public Guid Id { get; set; }

    [PersonalInformation(Category = "identity")]
    public string Name { get; set; } = "";

    [PersonalInformation(Category = "contact")]
    public string Email { get; set; } = "";

    [PersonalInformation(Category = "contact")]
    public string MobilePhone { get; set; } = "";

    public string Hospital { get; set; } = "";

    public string Specialty { get; set; } = "";
}

/// <summary>A shipment of investigational product to a trial participant's home (direct-to-patient supply).</summary>
public sealed class Shipment
{
    public string ShipmentNumber { get; set; } = "";

    public string KitNumber { get; set; } = "";

    [PersonalInformation(Category = "contact")]
    public string RecipientName { get; set; } = "";

    [PersonalInformation(Category = "contact")]
    public string RecipientPhone { get; set; } = "";

    [PersonalInformation(Category = "address")]
    public string DeliveryAddress { get; set; } = "";

    public int ParcelCount { get; set; }
}
