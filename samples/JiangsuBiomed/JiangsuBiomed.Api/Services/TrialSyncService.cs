using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JiangsuBiomed.Api.Clients;
using JiangsuBiomed.Models;

namespace JiangsuBiomed.Api.Services;

/// <summary>Maps trial subjects to the CRO's DTOs and sends them: the DTO carries the subject's classes.</summary>
public sealed class TrialSyncService
{
    private readonly CroTrialClient _cro;

    public TrialSyncService(CroTrialClient cro)
    {
        _cro = cro;
    }

    public async Task SyncAsync(IEnumerable<TrialSubject> subjects, CancellationToken cancellationToken)
    {
        foreach (var subject in subjects)
        {
            var visit = ToDto(subject);
            await _cro.SubmitVisitAsync(visit, cancellationToken);
        }
    }

    private static SubjectVisitDto ToDto(TrialSubject subject) => new()
    {
        SubjectNumber = subject.SubjectNumber,
        Initials = subject.Initials,
        BirthYear = subject.BirthYear,
        AdverseEvents = subject.AdverseEvents
            .Select(e => new AdverseEventDto { MedDraTerm = e.Term, Onset = e.OnsetDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Serious = e.Serious })
            .ToList(),
    };
}
