using System.Collections.Generic;

namespace CrossBorder.Policy.Core.Regulation;

/// <summary>
/// The choices the texts read do not settle (the items marked [U] in the regulation research) and the numbers
/// that regulators change often. Each default is the conservative reading. Users override them in the
/// <c>regulation</c> section of <c>crossborder.json</c>; property names there are these names in camelCase.
/// </summary>
public sealed record RegulationOptions
{
    public static RegulationOptions Default { get; } = new();

    /// <summary>
    /// Whether the contract-performance, human-resources and emergency exemptions (Provisions 2024 Art. 5(1)-(3))
    /// apply to critical information infrastructure operators. The reported text limits only item (4) to
    /// non-CIIOs; unconfirmed, so the default is false (a CIIO needs a security assessment).
    /// </summary>
    public bool ExemptionsApplyToCiio { get; init; }

    /// <summary>Whether transfers under an exemption count toward the cumulative yearly volumes. Unconfirmed; default true.</summary>
    public bool ExemptedTransfersCountTowardVolumes { get; init; } = true;

    /// <summary>
    /// Whether a processor that processes personal information of one million people or more needs a security
    /// assessment (Security Assessment Measures 2022 Art. 4(2)); whether it survives the 2024 Provisions is
    /// unconfirmed. Default true. Applies only when the processed volume is declared.
    /// </summary>
    public bool LegacyProcessedVolumeTrigger { get; init; } = true;

    /// <summary>Core data may leave with a recorded authority approval (tool policy; no statutory route was found). Default true; false blocks core data always.</summary>
    public bool CoreDataAllowedWithAuthorityApproval { get; init; } = true;

    /// <summary>Non-sensitive subjects per year from which a standard contract or certification is needed (Provisions 2024 Art. 5(4), 8). Default 100 000.</summary>
    public long ContractThreshold { get; init; } = 100_000;

    /// <summary>Non-sensitive subjects per year from which a security assessment is needed (Provisions 2024 Art. 7(2)). Default 1 000 000.</summary>
    public long AssessmentThreshold { get; init; } = 1_000_000;

    /// <summary>Sensitive subjects per year from which a security assessment is needed (Provisions 2024 Art. 7(2)). Default 10 000.</summary>
    public long SensitiveAssessmentThreshold { get; init; } = 10_000;

    /// <summary>Validity of a security-assessment result in years (Provisions 2024 Art. 9). Default 3.</summary>
    public int AssessmentValidityYears { get; init; } = 3;

    /// <summary>Validity of a certificate in years (Certification Measures Art. 8). Default 3.</summary>
    public int CertificationValidityYears { get; init; } = 3;

    /// <summary>Working days before expiry within which an assessment extension must be applied for (Provisions 2024 Art. 9). Default 60.</summary>
    public int AssessmentExtensionWindowWorkingDays { get; init; } = 60;

    /// <summary>Months before expiry within which a certificate must be renewed (Certification Measures Art. 8). Default 6.</summary>
    public int CertificationRenewalMonths { get; init; } = 6;

    /// <summary>
    /// Personal information processed (not exported) from which a security assessment is needed (Security Assessment
    /// Measures 2022 Art. 4(2)); used before the 2024 Provisions and, after them, only while
    /// <see cref="LegacyProcessedVolumeTrigger"/> is true. Default 1 000 000.
    /// </summary>
    public long ProcessedVolumeThreshold { get; init; } = 1_000_000;

    /// <summary>
    /// Before the 2024 Provisions: people whose personal information was provided abroad since 1 January of the previous
    /// year from which a security assessment was needed (Security Assessment Measures 2022 Art. 4(3)). Default 100 000.
    /// </summary>
    public long LegacyAssessmentThreshold { get; init; } = 100_000;

    /// <summary>
    /// Before the 2024 Provisions: people whose sensitive personal information was provided abroad since 1 January of the
    /// previous year from which a security assessment was needed (Security Assessment Measures 2022 Art. 4(3)). Default 10 000.
    /// </summary>
    public long LegacySensitiveAssessmentThreshold { get; init; } = 10_000;

    /// <summary>
    /// Validity in years of a security-assessment result issued before the 2024 Provisions (Security Assessment Measures
    /// 2022 Art. 14). Whether such results benefit from the three years of Provisions 2024 Art. 9 is unconfirmed, so the
    /// default is the 2022 period, 2.
    /// </summary>
    public int LegacyAssessmentValidityYears { get; init; } = 2;

    /// <summary>Years by which an approved extension prolongs a security-assessment result (Provisions 2024 Art. 9). Default 3.</summary>
    public int AssessmentExtensionYears { get; init; } = 3;

    /// <summary>
    /// Checks the values for consistency (positive thresholds and periods, contract threshold not above the assessment
    /// threshold). Returns one message per problem, naming the <c>crossborder.json</c> key; empty when valid.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Positive(problems, nameof(ContractThreshold), ContractThreshold);
        Positive(problems, nameof(AssessmentThreshold), AssessmentThreshold);
        Positive(problems, nameof(SensitiveAssessmentThreshold), SensitiveAssessmentThreshold);
        Positive(problems, nameof(ProcessedVolumeThreshold), ProcessedVolumeThreshold);
        Positive(problems, nameof(LegacyAssessmentThreshold), LegacyAssessmentThreshold);
        Positive(problems, nameof(LegacySensitiveAssessmentThreshold), LegacySensitiveAssessmentThreshold);
        Positive(problems, nameof(AssessmentValidityYears), AssessmentValidityYears);
        Positive(problems, nameof(CertificationValidityYears), CertificationValidityYears);
        Positive(problems, nameof(LegacyAssessmentValidityYears), LegacyAssessmentValidityYears);
        NotNegative(problems, nameof(AssessmentExtensionYears), AssessmentExtensionYears);
        NotNegative(problems, nameof(AssessmentExtensionWindowWorkingDays), AssessmentExtensionWindowWorkingDays);
        NotNegative(problems, nameof(CertificationRenewalMonths), CertificationRenewalMonths);
        if (ContractThreshold > AssessmentThreshold)
        {
            problems.Add("regulation." + JsonKey(nameof(ContractThreshold)) + " must not exceed regulation." + JsonKey(nameof(AssessmentThreshold)) + ".");
        }

        return problems;
    }

    /// <summary>The <c>crossborder.json</c> key of an option (its property name in camelCase) within the <c>regulation</c> section.</summary>
    public static string JsonKey(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? propertyName : char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);

    private static void Positive(List<string> problems, string name, long value)
    {
        if (value <= 0)
        {
            problems.Add("regulation." + JsonKey(name) + " must be positive.");
        }
    }

    private static void NotNegative(List<string> problems, string name, long value)
    {
        if (value < 0)
        {
            problems.Add("regulation." + JsonKey(name) + " must not be negative.");
        }
    }
}
