using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using CrossBorder.Policy;
using JiangsuBiomed.Models;

namespace JiangsuBiomed.Api.Clients;

/// <summary>
/// The SaaS CRM of the medical-affairs team, hosted in the United States. Nobody filed a standard contract or
/// claimed an exemption for it: these are the warnings a team sees the first time it builds.
/// </summary>
[ForeignEndpoint("US", Host = "api.crm-cloud.example.com", Recipient = "Pipeline CRM Inc.")]
public sealed class CrmClient
{
    private readonly HttpClient _http;

    public CrmClient(HttpClient http)
    {
        _http = http;
    }

    public async Task UpsertContactAsync(HealthcareProfessional contact, CancellationToken cancellationToken)
    {
        using var response = await _http.PutAsJsonAsync($"v3/contacts/{contact.Id}", contact, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Looks a contact up by e-mail: the address leaves in the query string.</summary>
    public Task<CrmContact?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        _http.GetFromJsonAsync<CrmContact>("v3/contacts?email=" + Uri.EscapeDataString(email), cancellationToken);
}

public sealed class CrmContact
{
    public string CrmId { get; set; } = "";

    public string Owner { get; set; } = "";
}
