namespace CrossBorder.Policy;

/// <summary>
/// The categories of sensitive personal information listed in PIPL Art. 28 para. 1:
/// "biometrics, religious belief, specific identity, medical health, financial accounts, whereabouts,
/// and personal information of minors under the age of fourteen".
/// </summary>
public enum SensitiveCategory
{
    /// <summary>Biometric identification information (生物识别): face, fingerprint, voiceprint, iris, gait.</summary>
    Biometric,

    /// <summary>Religious belief (宗教信仰).</summary>
    ReligiousBelief,

    /// <summary>Specific identity (特定身份), for example disability, ethnic or political identity, ID-card number.</summary>
    SpecificIdentity,

    /// <summary>Medical and health information (医疗健康): records, diagnoses, test results, genetic data.</summary>
    MedicalHealth,

    /// <summary>Financial accounts (金融账户): bank card numbers, payment account credentials, balances.</summary>
    FinancialAccount,

    /// <summary>Whereabouts (行踪轨迹): precise location traces and travel records.</summary>
    Whereabouts,

    /// <summary>Personal information of minors under fourteen (不满十四周岁未成年人的个人信息), PIPL Art. 28 and 31.</summary>
    MinorUnder14,

    /// <summary>Other information whose leak or illegal use easily harms dignity or safety (PIPL Art. 28 "and other").</summary>
    Other,
}

/// <summary>
/// The legal mechanisms under which personal information or important data may be provided abroad:
/// PIPL Art. 38 para. 1 and the Provisions on Promoting and Regulating Cross-Border Data Flows (2024).
/// </summary>
public enum TransferMechanism
{
    /// <summary>CAC security assessment (数据出境安全评估): PIPL Art. 38(1), 40; DSL Art. 31; Security Assessment Measures 2022; Provisions 2024 Art. 7. Valid three years (Provisions Art. 9).</summary>
    SecurityAssessment,

    /// <summary>Standard contract concluded with the recipient and filed with the provincial CAC (个人信息出境标准合同): PIPL Art. 38(3); Standard Contract Measures 2023; Provisions 2024 Art. 8.</summary>
    StandardContract,

    /// <summary>Personal information protection certification (个人信息保护认证): PIPL Art. 38(2); Certification Measures (effective 2026-01-01). Certificate valid three years.</summary>
    Certification,

    /// <summary>A named exemption from the three mechanisms (Provisions 2024 Arts. 3 to 6). Name the basis in <see cref="CrossBorderTransferAttribute.Exemption"/>.</summary>
    Exemption,

    /// <summary>Approval of a competent PRC authority, for example for provision to foreign judicial or law-enforcement bodies (PIPL Art. 41; DSL Art. 36) or for core data.</summary>
    AuthorityApproval,
}

/// <summary>The exemptions from security assessment, standard contract and certification in the Provisions on Promoting and Regulating Cross-Border Data Flows (2024).</summary>
public enum ExemptionBasis
{
    /// <summary>No exemption is claimed.</summary>
    None,

    /// <summary>Data from international trade, cross-border transport, academic cooperation, transnational manufacturing and marketing that contains no personal information and no important data (Provisions Art. 3).</summary>
    NonPersonalBusinessData,

    /// <summary>Personal information collected or generated abroad, processed in China and provided abroad again without introducing domestic personal information or important data (Provisions Art. 4).</summary>
    CollectedAbroad,

    /// <summary>Necessary to conclude or perform a contract to which the individual is a party: cross-border shopping, delivery, payment, booking, visa processing (Provisions Art. 5(1)).</summary>
    ContractPerformance,

    /// <summary>Necessary for cross-border human-resources management under lawful labour rules and collective contracts (Provisions Art. 5(2)).</summary>
    HumanResources,

    /// <summary>Necessary in an emergency to protect the life, health or property of a natural person (Provisions Art. 5(3)).</summary>
    Emergency,

    /// <summary>A processor that is not a critical information infrastructure operator provides, since 1 January of the current year, personal information (excluding sensitive personal information) of fewer than 100 000 people (Provisions Art. 5(4)).</summary>
    BelowThreshold,

    /// <summary>A processor registered in a free-trade zone provides data that is not on the zone's filed negative list (Provisions Art. 6).</summary>
    FreeTradeZoneNegativeList,
}
