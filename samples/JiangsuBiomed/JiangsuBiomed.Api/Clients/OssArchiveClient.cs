using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using JiangsuBiomed.Models;

namespace JiangsuBiomed.Api.Clients;

/// <summary>
/// The trial master file bucket on Alibaba Cloud OSS, region cn-hangzhou: a mainland endpoint, so nothing
/// leaves the country (the built-in knowledge base places oss-cn-*.aliyuncs.com in the mainland).
/// </summary>
public sealed class OssArchiveClient : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri("https://jsbiomed-tmf.oss-cn-hangzhou.aliyuncs.com/") };

    public async Task ArchiveAsync(Patient patient, CancellationToken cancellationToken)
    {
        using var response = await _http.PutAsync($"patients/{patient.PatientCode}.json", JsonContent.Create(patient), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
