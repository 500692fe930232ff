using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace JiangsuBiomed.Api.Clients;

/// <summary>The EDC of the Singapore CRO (typed client; its base address is registered in Program.cs).</summary>
public sealed class CroTrialClient
{
    private readonly HttpClient _http;

    public CroTrialClient(HttpClient http)
    {
        _http = http;
    }

    /// <summary>Sends the visit data of one subject. Authorized by the security assessment in crossborder.json.</summary>
    public async Task SubmitVisitAsync(SubjectVisitDto visit, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("api/v2/subject-visits", visit, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>What the CRO's EDC accepts for one visit: mapped from <c>TrialSubject</c>, not classified itself.</summary>
public sealed class SubjectVisitDto
{
    public string Protocol { get; set; } = "MBT-301";

    public string SubjectNumber { get; set; } = "";

    public string Initials { get; set; } = "";

    public int BirthYear { get; set; }

    public List<AdverseEventDto> AdverseEvents { get; set; } = new();
}

public sealed class AdverseEventDto
{
    public string MedDraTerm { get; set; } = "";

    public string Onset { get; set; } = "";

    public bool Serious { get; set; }
}
