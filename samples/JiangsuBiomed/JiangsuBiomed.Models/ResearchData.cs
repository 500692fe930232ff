using System;
using System.Collections.Generic;
using CrossBorder.Policy;

namespace JiangsuBiomed.Models;

/// <summary>
/// The summary of a whole-genome sequencing batch: important data, entry JS-BIO-003 of the biomedicine catalogue
/// the company was notified of (Provisions 2024 Art. 2; the catalogue is in crossborder.json).
/// </summary>
[ImportantData("JS-BIO-003", Catalog = "JS-FTZ-Biomedicine", CatalogVersion = "2025.1", Domain = "biomedicine",
    Description = "Whole-genome sequencing summary with sample metadata")]
public sealed class GenomicsSummary
{
    public string BatchId { get; set; } = "";

    public int SampleCount { get; set; }

    public string ReferenceGenome { get; set; } = "GRCh38";

    public List<VariantCall> Variants { get; set; } = new();
}

public sealed class VariantCall
{
    public string Chromosome { get; set; } = "";

    public long Position { get; set; }

    public string Reference { get; set; } = "";

    public string Alternate { get; set; } = "";

    public double AlleleFrequency { get; set; }
}

/// <summary>Telemetry of a bioreactor in the Suzhou plant: reviewed and found to be general data.</summary>
[GeneralData(Level = 1, Description = "Bioreactor process telemetry")]
public sealed class BioreactorTelemetry
{
    public string ReactorId { get; set; } = "";

    public DateTimeOffset Timestamp { get; set; }

    public double TemperatureCelsius { get; set; }

    public double Ph { get; set; }

    public double DissolvedOxygenPercent { get; set; }
}

/// <summary>
/// Enrolment counts per province and age band, k-anonymous: not personal information (PIPL Arts. 4 and 73(4)).
/// </summary>
[Anonymized(Method = "Aggregated per province and ten-year age band; cells under 20 subjects suppressed")]
public sealed class EnrolmentStatistics
{
    public string TrialId { get; set; } = "";

    public DateOnly AsOf { get; set; }

    public List<EnrolmentCell> Cells { get; set; } = new();
}

public sealed class EnrolmentCell
{
    public string Province { get; set; } = "";

    public string AgeBand { get; set; } = "";

    public int Subjects { get; set; }
}

/// <summary>
/// The allocation of the provincial emergency vaccine reserve the company holds under contract: core data
/// (DSL Art. 21 para. 2). No export mechanism exists for it; it is reported to the provincial authority only.
/// </summary>
[CoreData(Basis = "Provincial emergency-supply core-data catalogue (illustrative), item 2",
    Description = "Emergency vaccine reserve allocation by city")]
public sealed class VaccineReserveAllocation
{
    public string Product { get; set; } = "";

    public DateOnly PlanDate { get; set; }

    public Dictionary<string, int> DosesByCity { get; set; } = new();
}
