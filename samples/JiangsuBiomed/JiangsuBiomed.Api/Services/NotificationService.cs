using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using JiangsuBiomed.Models;

namespace JiangsuBiomed.Api.Services;

/// <summary>
/// Texts participants when a delivery is on its way, through an SMS gateway whose address is deployment
/// configuration: the compiler cannot know whether it is in the mainland.
/// </summary>
public sealed class NotificationService : IDisposable
{
    private readonly HttpClient _http = new();

    public async Task NotifyDispatchAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        var gateway = Environment.GetEnvironmentVariable("JSBIOMED_SMS_GATEWAY") ?? throw new InvalidOperationException("JSBIOMED_SMS_GATEWAY is not set.");
        var message = new { to = shipment.RecipientPhone, text = "Your study medication " + shipment.KitNumber + " has been dispatched." };
        using var response = await _http.PostAsJsonAsync(gateway, message, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
