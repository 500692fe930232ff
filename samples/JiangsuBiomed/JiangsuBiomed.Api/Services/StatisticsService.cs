using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CrossBorder.Policy;
using JiangsuBiomed.Api.Clients;
using JiangsuBiomed.Models;

namespace JiangsuBiomed.Api.Services;

/// <summary>Publishes enrolment statistics to the German partner: only the anonymized aggregate leaves.</summary>
public sealed class StatisticsService
{
    private const int MinimumCellSize = 20;

    private readonly StatisticsFeedClient _feed;

    public StatisticsService(StatisticsFeedClient feed)
    {
        _feed = feed;
    }

    public Task PublishAsync(IReadOnlyCollection<Patient> patients, DateOnly asOf, CancellationToken cancellationToken)
    {
        var statistics = Aggregate(patients, asOf);
        return _feed.PublishAsync(statistics, cancellationToken);
    }

    /// <summary>Counts per province and ten-year age band; small cells are suppressed, so no person can be singled out.</summary>
    [Anonymizer(Method = "k-anonymity, k = 20, over province and ten-year age band")]
    public static EnrolmentStatistics Aggregate(IEnumerable<Patient> patients, DateOnly asOf)
    {
        var cells = patients
            .GroupBy(p => (p.Province, Band: (asOf.Year - p.BirthYear) / 10 * 10))
            .Where(g => g.Count() >= MinimumCellSize)
            .Select(g => new EnrolmentCell { Province = g.Key.Province, AgeBand = $"{g.Key.Band}-{g.Key.Band + 9}", Subjects = g.Count() })
            .ToList();
        return new EnrolmentStatistics { TrialId = "MBT-301", AsOf = asOf, Cells = cells };
    }
}
