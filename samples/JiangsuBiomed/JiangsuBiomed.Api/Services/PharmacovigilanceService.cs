using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JiangsuBiomed.Api.Clients;
using JiangsuBiomed.Models;

namespace JiangsuBiomed.Api.Services;

/// <summary>Reports serious adverse events to the global safety database in Japan (whose certification expired).</summary>
public sealed class PharmacovigilanceService
{
    private readonly SafetyDatabaseClient _safety;

    public PharmacovigilanceService(SafetyDatabaseClient safety)
    {
        _safety = safety;
    }

    public Task ReportSeriousEventsAsync(TrialSubject subject, DateOnly today, CancellationToken cancellationToken)
    {
        var report = new CaseSafetyReport
        {
            CaseId = "CN-MBT-" + subject.SubjectNumber,
            PatientInitials = subject.Initials,
            PatientAge = today.Year - subject.BirthYear,
            Reactions = subject.AdverseEvents.Where(e => e.Serious).Select(e => e.Term).ToArray(),
        };
        return _safety.SubmitCaseAsync(report, cancellationToken);
    }
}
