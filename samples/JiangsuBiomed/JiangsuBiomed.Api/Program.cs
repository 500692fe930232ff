using System;
using JiangsuBiomed.Api.Clients;
using JiangsuBiomed.Api.Services;
using Microsoft.Extensions.DependencyInjection;

namespace JiangsuBiomed.Api;

/// <summary>
/// Composition root. The typed clients get their base addresses here; CrossBorder.Policy reads them from these
/// registrations. The program never calls the fictional hosts: without arguments it lists its services, and with
/// <c>--directory</c> it prints what the generated data directory (<c>CrossBorderDirectory</c>) knows.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "--directory")
        {
            PrintDirectory();
            return 0;
        }

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

    private static void PrintDirectory()
    {
        Console.WriteLine("processor: " + CrossBorderDirectory.Processor?.Name);
        foreach (var transfer in CrossBorderDirectory.Transfers)
        {
            Console.WriteLine($"transfer: {transfer.Id} {transfer.Mechanism} {transfer.Source}");
        }

        foreach (var entry in CrossBorderDirectory.Entries)
        {
            Console.WriteLine($"entry: {entry.Id}");
        }
    }
}
