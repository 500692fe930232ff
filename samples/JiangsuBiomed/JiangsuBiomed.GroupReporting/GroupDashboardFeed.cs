using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using JiangsuBiomed.Models;

namespace JiangsuBiomed.GroupReporting;

/// <summary>
/// Feeds the Hong Kong parent's operations dashboard. Plant telemetry is general data and may go; the vaccine
/// reserve allocation is core data (DSL Art. 21 para. 2) and has no export mechanism at all.
/// </summary>
public sealed class GroupDashboardFeed : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri("https://dashboard.meridian-group.example.hk/") };

    public async Task PublishTelemetryAsync(BioreactorTelemetry telemetry, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("ingest/telemetry", telemetry, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task PublishReserveAsync(VaccineReserveAllocation allocation, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("ingest/reserve", allocation, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
