using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using JiangsuBiomed.Models;

namespace JiangsuBiomed.GroupReporting;

/// <summary>The nightly job that feeds the group dashboard.</summary>
public sealed class GroupReportingJob
{
    private readonly GroupDashboardFeed _feed;

    public GroupReportingJob(GroupDashboardFeed feed)
    {
        _feed = feed;
    }

    public async Task RunAsync(IEnumerable<BioreactorTelemetry> telemetry, IEnumerable<VaccineReserveAllocation> plans, CancellationToken cancellationToken)
    {
        foreach (var reading in telemetry)
        {
            await _feed.PublishTelemetryAsync(reading, cancellationToken);
        }

        // The mistake: the reserve plan is core data, and Hong Kong is outside the mainland.
        foreach (var plan in plans)
        {
            await _feed.PublishReserveAsync(plan, cancellationToken);
        }
    }
}
