using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using JiangsuBiomed.Api.Clients;
using JiangsuBiomed.Models;

namespace JiangsuBiomed.Api.Services;

/// <summary>Uploads a finished sequencing batch; covered by the security assessment on the client.</summary>
public sealed class GenomicsService
{
    private readonly GenomicsUploadClient _upload;

    public GenomicsService(GenomicsUploadClient upload)
    {
        _upload = upload;
    }

    public async Task PublishBatchesAsync(IEnumerable<GenomicsSummary> batches, CancellationToken cancellationToken)
    {
        foreach (var summary in batches)
        {
            await _upload.UploadAsync(summary, cancellationToken);
        }
    }
}
