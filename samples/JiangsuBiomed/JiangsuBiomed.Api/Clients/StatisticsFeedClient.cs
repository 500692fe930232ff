using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using JiangsuBiomed.Models;

namespace JiangsuBiomed.Api.Clients;

/// <summary>The European research partner (Germany) that receives anonymized enrolment statistics only.</summary>
public sealed class StatisticsFeedClient
{
    private readonly HttpClient _http;

    public StatisticsFeedClient(HttpClient http)
    {
        _http = http;
    }

    public async Task PublishAsync(EnrolmentStatistics statistics, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("feeds/mbt-301/enrolment", statistics, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
