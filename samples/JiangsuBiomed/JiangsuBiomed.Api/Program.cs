using System;
using JiangsuBiomed.Api.Clients;
using JiangsuBiomed.Api.Services;
using Microsoft.Extensions.DependencyInjection;

namespace JiangsuBiomed.Api;

/// <summary>
/// Composition root. The typed clients get their base addresses here; CrossBorder.Policy reads them from these
/// registrations. Run without arguments, the program only lists its services (it never calls the fictional hosts).
/// </summary>
public static class Program
{
    public static int Main()
    {
        var services = new ServiceCollection();

        services.AddHttpClient<CroTrialClient>(c => c.BaseAddress = new Uri("https://edc.trials.cro-partner.example.sg/"));
        services.AddHttpClient<CrmClient>(c => c.BaseAddress = new Uri("https://api.crm-cloud.example.com/"));
        services.AddHttpClient<LogisticsClient>(c => c.BaseAddress = new Uri("https://api.swiftlink-logistics.example.hk/"));
        services.AddHttpClient<StatisticsFeedClient>(c => c.BaseAddress = new Uri("https://stats.research-partner.example.de/"));
        services.AddSingleton<GenomicsUploadClient>();
        services.AddSingleton<OssArchiveClient>();
        services.AddSingleton<SafetyDatabaseClient>();
        services.AddSingleton<ReserveReportingClient>();

        services.AddTransient<TrialSyncService>();
        services.AddTransient<GenomicsService>();
        services.AddTransient<CrmSyncService>();
        services.AddTransient<DeliveryService>();
        services.AddTransient<ArchiveService>();
        services.AddTransient<StatisticsService>();
        services.AddTransient<PharmacovigilanceService>();
        services.AddTransient<NotificationService>();
        services.AddTransient<ReserveReportingService>();

        using var provider = services.BuildServiceProvider();
        foreach (var service in services)
        {
            Console.WriteLine(service.ServiceType.FullName);
        }

        return 0;
    }
}
