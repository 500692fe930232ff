using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using CrossBorder.Policy;
using JiangsuBiomed.Models;

namespace JiangsuBiomed.Api.Clients;

/// <summary>
/// Uploads sequencing summaries to the CRO's genomics platform. Important data leaves only after a CAC security
/// assessment (Security Assessment Measures Art. 4(1)); this one is declared in code, beside the client.
/// </summary>
[CrossBorderTransfer(
    Id = "sa-genomics-cro-sg-2025",
    Mechanism = TransferMechanism.SecurityAssessment,
    Reference = "CAC-SA-2025-0311",
    IssuedOn = "2025-06-20",
    Recipient = "Lion City Clinical Research Pte. Ltd.",
    Jurisdiction = "SG",
    Endpoint = "genomics.trials.cro-partner.example.sg",
    Purpose = "Pharmacogenomic analysis of trial MBT-301",
    Categories = new[] { "ImportantData:JS-BIO-003" },
    RetentionPeriod = "P5Y",
    OverseasStorageLocation = "SG, Singapore data centre of the CRO")]
public sealed class GenomicsUploadClient : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri("https://genomics.trials.cro-partner.example.sg/") };

    public async Task UploadAsync(GenomicsSummary summary, CancellationToken cancellationToken)
    {
        using var response = await _http.PutAsJsonAsync($"batches/{summary.BatchId}", summary, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
