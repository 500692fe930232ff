using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using CrossBorder.Policy;

namespace JiangsuBiomed.Api.Clients;

/// <summary>
/// The global safety database (Japan) that receives individual case safety reports. Its certification expired on
/// 2026-05-31, before the sample's as-of date 2026-11-26, and was not renewed: the transfer is no longer authorized
/// (Certification Measures Art. 8).
/// </summary>
[CrossBorderTransfer(
    Id = "cert-safety-jp-2023",
    Mechanism = TransferMechanism.Certification,
    Reference = "CCRC-PI-2023-0142",
    IssuedOn = "2023-06-01",
    ValidUntil = "2026-05-31",
    Recipient = "Nihon Safety Systems K.K.",
    Jurisdiction = "JP",
    Endpoint = "e2b.safety-db.example.jp",
    Purpose = "Pharmacovigilance: individual case safety reports",
    Categories = new[] { "PersonalInformation", "SensitivePersonalInformation:MedicalHealth" },
    EstimatedSubjectsPerYear = 400,
    EstimatedSensitiveSubjectsPerYear = 400,
    SeparateConsent = true)]
public sealed class SafetyDatabaseClient : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri("https://e2b.safety-db.example.jp/") };

    public async Task SubmitCaseAsync(CaseSafetyReport report, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("icsr", report, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>An individual case safety report (E2B): initials, age and the events.</summary>
public sealed class CaseSafetyReport
{
    public string CaseId { get; set; } = "";

    public string PatientInitials { get; set; } = "";

    public int PatientAge { get; set; }

    public string[] Reactions { get; set; } = Array.Empty<string>();
}
