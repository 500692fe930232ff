using System.Threading;
using System.Threading.Tasks;
using JiangsuBiomed.Api.Clients;
using JiangsuBiomed.Models;

namespace JiangsuBiomed.Api.Services;

/// <summary>Books direct-to-patient deliveries with the Hong Kong logistics partner.</summary>
public sealed class DeliveryService
{
    private readonly LogisticsClient _logistics;
    private readonly NotificationService _notifications;

    public DeliveryService(LogisticsClient logistics, NotificationService notifications)
    {
        _logistics = logistics;
        _notifications = notifications;
    }

    public async Task<string> ShipKitAsync(Patient patient, string kitNumber, string address, CancellationToken cancellationToken)
    {
        var shipment = new Shipment
        {
            ShipmentNumber = "MBT-" + kitNumber,
            KitNumber = kitNumber,
            RecipientName = patient.FullName,
            RecipientPhone = patient.MobilePhone,
            DeliveryAddress = address,
            ParcelCount = 1,
        };
        var booking = await _logistics.BookAsync(shipment, cancellationToken);
        await _notifications.NotifyDispatchAsync(shipment, cancellationToken);
        return booking;
    }
}
