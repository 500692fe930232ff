using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using JiangsuBiomed.Api.Clients;
using JiangsuBiomed.Models;

namespace JiangsuBiomed.Api.Services;

/// <summary>Keeps the US CRM in step with the medical-affairs contact list.</summary>
public sealed class CrmSyncService
{
    private readonly CrmClient _crm;

    public CrmSyncService(CrmClient crm)
    {
        _crm = crm;
    }

    public async Task SyncAsync(IEnumerable<HealthcareProfessional> contacts, CancellationToken cancellationToken)
    {
        foreach (var contact in contacts)
        {
            var existing = await _crm.FindByEmailAsync(contact.Email, cancellationToken);
            if (existing is null)
            {
                await _crm.UpsertContactAsync(contact, cancellationToken);
            }
        }
    }
}
