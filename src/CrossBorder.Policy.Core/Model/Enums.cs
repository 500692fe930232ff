namespace CrossBorder.Policy.Core.Model;

// These enums mirror the public ones of CrossBorder.Policy, member for member and value for value.
// Core does not reference the attribute assembly: it is loaded into the compiler beside the analyzers,
// where the user's own copy of the attribute assembly must not be bound. Tests assert the mirrors agree.

/// <summary>Mirror of <c>CrossBorder.Policy.SensitiveCategory</c> (PIPL Art. 28).</summary>
public enum SensitiveCategory
{
    Biometric,
    ReligiousBelief,
    SpecificIdentity,
    MedicalHealth,
    FinancialAccount,
    Whereabouts,
    MinorUnder14,
    Other,
}

/// <summary>Mirror of <c>CrossBorder.Policy.TransferMechanism</c> (PIPL Art. 38).</summary>
public enum TransferMechanism
{
    SecurityAssessment,
    StandardContract,
    Certification,
    Exemption,
    AuthorityApproval,
}

/// <summary>Mirror of <c>CrossBorder.Policy.ExemptionBasis</c> (Provisions 2024 Arts. 3 to 6).</summary>
public enum ExemptionBasis
{
    None,
    NonPersonalBusinessData,
    CollectedAbroad,
    ContractPerformance,
    HumanResources,
    Emergency,
    BelowThreshold,
    FreeTradeZoneNegativeList,
}

/// <summary>The classes a piece of data can carry. A value may carry several.</summary>
public enum DataClass
{
    /// <summary>Explicitly general data (一般数据).</summary>
    GeneralData,

    /// <summary>Personal information (PIPL Art. 4).</summary>
    PersonalInformation,

    /// <summary>Sensitive personal information (PIPL Art. 28).</summary>
    SensitivePersonalInformation,

    /// <summary>Important data (DSL Art. 21; NDSR Art. 62(4)).</summary>
    ImportantData,

    /// <summary>Core data (DSL Art. 21 para. 2).</summary>
    CoreData,
}
