using System;
using System.Collections.Generic;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Regulation;

/// <summary>Who receives the data abroad, as far as the rules care.</summary>
public enum RecipientKind
{
    /// <summary>Any other overseas recipient.</summary>
    Ordinary,

    /// <summary>A foreign judicial or law-enforcement body (PIPL Art. 41; DSL Art. 36).</summary>
    ForeignJudicialOrLawEnforcement,

    /// <summary>A recipient on the CAC restricted or prohibited list (PIPL Art. 42).</summary>
    RestrictedList,
}

/// <summary>Whether the data is on the free trade zone's data-export negative list (Provisions 2024 Art. 6).</summary>
public enum NegativeListMembership
{
    /// <summary>Not known, or the zone has no filed list: the exemption is not applied.</summary>
    Unknown,

    /// <summary>The data is on the list: it needs the mechanism the list names.</summary>
    OnList,

    /// <summary>The zone has a filed list and the data is not on it.</summary>
    NotOnList,
}

/// <summary>The personal-information processor's profile (PIPL Art. 40; Provisions 2024 Arts. 6, 7(1)).</summary>
public sealed record ProcessorProfile
{
    /// <summary>A processor that is not a CIIO and not registered in a free trade zone.</summary>
    public static ProcessorProfile Ordinary { get; } = new();

    /// <summary>A critical information infrastructure operator (关键信息基础设施运营者).</summary>
    public bool IsCriticalInformationInfrastructureOperator { get; init; }

    /// <summary>The free trade zone the processor is registered in, or null.</summary>
    public string? FreeTradeZone { get; init; }

    /// <summary>Whether the transferred data is on that zone's negative list.</summary>
    public NegativeListMembership NegativeList { get; init; }

    /// <summary>Whether the zone's list excludes CIIOs (the Shanghai list does). Default true: conservative.</summary>
    public bool NegativeListExcludesCiio { get; init; } = true;

    public bool IsInFreeTradeZone => !string.IsNullOrWhiteSpace(FreeTradeZone);
}

/// <summary>
/// The facts a mechanism decision needs about one transfer (or one authorization's scope).
/// </summary>
/// <remarks>
/// <para>Volumes are deduplicated natural persons counted over <see cref="RuleSet.CountingWindowStart"/> to
/// <see cref="AsOf"/>, per processor (legal entity) where the caller knows that total, else the transfer's own
/// yearly estimate. Null means unknown; a negative value is treated as unknown.</para>
/// <para>Unknown volumes are handled conservatively: an unknown count of a kind of personal information the transfer
/// carries is assumed to reach every threshold it is compared with (so an unknown never yields a weaker mechanism
/// than any declared number could). An unknown count of a kind the transfer does not carry is taken as 0: this
/// transfer adds no such subjects. A declared count is honoured even for a kind the transfer does not carry
/// (it is the processor's total). A transfer that carries a kind counts at least one person of it.</para>
/// </remarks>
public sealed record TransferFacts
{
    /// <summary>The date the decision is made for; selects the rules in force (<see cref="RuleSet.For"/>).</summary>
    public IsoDate AsOf { get; init; }

    /// <summary>The classes of the data transferred. Empty (or only <see cref="DataClass.GeneralData"/>) means general data only.</summary>
    public IReadOnlyCollection<DataClass> DataClasses { get; init; } = Array.Empty<DataClass>();

    /// <summary>The sensitive categories transferred (PIPL Art. 28). Any category implies sensitive personal information.</summary>
    public IReadOnlyCollection<SensitiveCategory> SensitiveCategories { get; init; } = Array.Empty<SensitiveCategory>();

    public ProcessorProfile Processor { get; init; } = ProcessorProfile.Ordinary;

    public RecipientKind Recipient { get; init; }

    /// <summary>The exemption the declaration claims. Only the contract, human-resources and emergency exemptions (Provisions 2024 Art. 5(1)-(3)) depend on a claim; the others follow from the facts.</summary>
    public ExemptionBasis ClaimedExemption { get; init; }

    /// <summary>The personal information was collected or generated abroad and no domestic personal information or important data was introduced while processing it in China (Provisions 2024 Art. 4).</summary>
    public bool CollectedAbroadWithoutDomesticData { get; init; }

    /// <summary>People whose non-sensitive personal information is provided abroad in the counting window; null when unknown.</summary>
    public long? NonSensitiveSubjects { get; init; }

    /// <summary>People whose sensitive personal information is provided abroad in the counting window; null when unknown.</summary>
    public long? SensitiveSubjects { get; init; }

    /// <summary>People whose personal information the processor processes in total (SA Measures 2022 Art. 4(2)); null when unknown, and then that trigger is not applied.</summary>
    public long? ProcessedSubjects { get; init; }

    public bool HasCoreData => Contains(DataClass.CoreData);

    public bool HasImportantData => Contains(DataClass.ImportantData);

    public bool HasSensitivePersonalInformation => Contains(DataClass.SensitivePersonalInformation) || SensitiveCategories.Count > 0;

    /// <summary>Non-sensitive personal information: <see cref="DataClass.PersonalInformation"/> is present.</summary>
    public bool HasNonSensitivePersonalInformation => Contains(DataClass.PersonalInformation);

    /// <summary>Any personal information, sensitive or not.</summary>
    public bool HasPersonalInformation => HasNonSensitivePersonalInformation || HasSensitivePersonalInformation;

    /// <summary>No personal information, important data or core data.</summary>
    public bool IsGeneralDataOnly => !HasPersonalInformation && !HasImportantData && !HasCoreData;

    private bool Contains(DataClass dataClass)
    {
        foreach (var item in DataClasses)
        {
            if (item == dataClass)
            {
                return true;
            }
        }

        return false;
    }
}
