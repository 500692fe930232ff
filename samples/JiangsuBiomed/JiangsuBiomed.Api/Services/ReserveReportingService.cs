using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using JiangsuBiomed.Api.Clients;
using JiangsuBiomed.Models;

namespace JiangsuBiomed.Api.Services;

/// <summary>Core data stays in the mainland: reported to the provincial platform only.</summary>
public sealed class ReserveReportingService
{
    private readonly ReserveReportingClient _client;

    public ReserveReportingService(ReserveReportingClient client)
    {
        _client = client;
    }

    public async Task SubmitAllAsync(IEnumerable<VaccineReserveAllocation> plans, CancellationToken cancellationToken)
    {
        foreach (var allocation in plans)
        {
            await _client.ReportAsync(allocation, cancellationToken);
        }
    }
}
