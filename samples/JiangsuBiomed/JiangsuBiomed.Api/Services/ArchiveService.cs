using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using JiangsuBiomed.Api.Clients;
using JiangsuBiomed.Models;

namespace JiangsuBiomed.Api.Services;

/// <summary>Archives patient records in the domestic trial master file bucket: no cross-border transfer.</summary>
public sealed class ArchiveService
{
    private readonly OssArchiveClient _oss;

    public ArchiveService(OssArchiveClient oss)
    {
        _oss = oss;
    }

    public async Task ArchiveAllAsync(IEnumerable<Patient> patients, CancellationToken cancellationToken)
    {
        foreach (var patient in patients)
        {
            await _oss.ArchiveAsync(patient, cancellationToken);
        }
    }
}
