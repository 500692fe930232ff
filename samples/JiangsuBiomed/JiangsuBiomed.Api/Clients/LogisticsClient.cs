using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using JiangsuBiomed.Models;

namespace JiangsuBiomed.Api.Clients;

/// <summary>
/// The Hong Kong logistics partner that delivers investigational product to participants' homes. Hong Kong is
/// outside the mainland for outbound transfers; the transfer is exempt because the delivery contract with the
/// participant cannot be performed without it (Provisions 2024 Art. 5(1)): see crossborder.json.
/// </summary>
public sealed class LogisticsClient
{
    private readonly HttpClient _http;

    public LogisticsClient(HttpClient http)
    {
        _http = http;
    }

    public async Task<string> BookAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("v1/bookings", shipment, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
