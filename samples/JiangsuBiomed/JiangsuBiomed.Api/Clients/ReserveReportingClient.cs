using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using JiangsuBiomed.Models;

namespace JiangsuBiomed.Api.Clients;

/// <summary>
/// Reports the emergency vaccine reserve to the provincial authority's platform (a .cn host, in the mainland).
/// Core data may be processed and reported at home; it never leaves.
/// </summary>
public sealed class ReserveReportingClient : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri("https://reserve.emergency-supply.example.cn/") };

    public async Task ReportAsync(VaccineReserveAllocation allocation, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("api/allocations", allocation, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
