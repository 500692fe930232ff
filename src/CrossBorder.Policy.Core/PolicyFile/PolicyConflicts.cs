using System;
using System.Collections.Generic;
using System.Globalization;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.PolicyFile;

/// <summary>
/// An endpoint binding declared by an attribute (<c>[ForeignEndpoint(..., Host = ...)]</c> or
/// <c>[DomesticEndpoint(Host = ...)]</c>), as the analyzers and the generator build it for <see cref="PolicyConflicts.Find"/>.
/// </summary>
/// <param name="Host">The host or pattern.</param>
/// <param name="Jurisdiction">The ISO code for a foreign endpoint; null (or <c>"CN"</c>) when <paramref name="Domestic"/>.</param>
/// <param name="Domestic">Declared with <c>[DomesticEndpoint]</c>.</param>
/// <param name="Location">Where the attribute is, for the message (for example <c>"Client.cs(12,6)"</c>).</param>
public sealed record AttributeEndpointBinding(string Host, string? Jurisdiction, bool Domestic, string Location);

/// <summary>A <c>[CrossBorderTransfer]</c> with an <c>Id</c>, as the analyzers and the generator build it for <see cref="PolicyConflicts.Find"/>.</summary>
/// <param name="Id">The attribute's <c>Id</c>.</param>
/// <param name="Mechanism">The attribute's <c>Mechanism</c>.</param>
/// <param name="Reference">The attribute's <c>Reference</c>, as written.</param>
/// <param name="IssuedOn">The attribute's <c>IssuedOn</c>, as written.</param>
/// <param name="ValidUntil">The attribute's <c>ValidUntil</c>, as written.</param>
/// <param name="Location">Where the attribute is, for the message.</param>
public sealed record AttributeTransferDeclaration(string Id, TransferMechanism Mechanism, string? Reference, string? IssuedOn, string? ValidUntil, string Location);

/// <summary>
/// Finds where the policy file and attribute declarations disagree (they are merged; a disagreement is an error):
/// the same host bound to different jurisdictions (<see cref="PolicyDiagnosticIds.EndpointConflict"/>), and the same
/// transfer id with a different mechanism, reference, issue date or validity (<see cref="PolicyDiagnosticIds.TransferConflict"/>).
/// Diagnostics point into the policy file and carry the attribute's location as <see cref="PolicyDiagnostic.AdditionalLocation"/>.
/// </summary>
public static class PolicyConflicts
{
    public static IReadOnlyList<PolicyDiagnostic> Find(
        PolicyDocument document,
        string policyFilePath,
        IEnumerable<AttributeEndpointBinding> endpoints,
        IEnumerable<AttributeTransferDeclaration> transfers)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        var diagnostics = new List<PolicyDiagnostic>();
        var fileHosts = new Dictionary<string, (int Index, EndpointDeclaration Endpoint)>(StringComparer.Ordinal);
        for (var i = 0; i < document.Endpoints.Count; i++)
        {
            var key = HostPattern.Normalize(document.Endpoints[i].Host);
            if (!fileHosts.ContainsKey(key))
            {
                fileHosts.Add(key, (i, document.Endpoints[i]));
            }
        }

        foreach (var binding in endpoints ?? Array.Empty<AttributeEndpointBinding>())
        {
            if (binding?.Host is null || !fileHosts.TryGetValue(HostPattern.Normalize(binding.Host), out var match))
            {
                continue;
            }

            var attributeDomestic = binding.Domestic || string.Equals(binding.Jurisdiction, "CN", StringComparison.Ordinal);
            var attributeWhere = attributeDomestic ? "domestic" : binding.Jurisdiction ?? "(none)";
            var fileWhere = match.Endpoint.Domestic ? "domestic" : match.Endpoint.Jurisdiction ?? "(none)";
            if (!string.Equals(attributeWhere, fileWhere, StringComparison.Ordinal))
            {
                diagnostics.Add(new PolicyDiagnostic(
                    PolicyDiagnosticIds.EndpointConflict,
                    PolicyDiagnosticSeverity.Error,
                    policyFilePath,
                    match.Endpoint.Position,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "endpoints[{0}]: host '{1}' is {2} here but {3} in the attribute at {4}; bind a host to one jurisdiction",
                        match.Index,
                        match.Endpoint.Host,
                        Describe(fileWhere),
                        Describe(attributeWhere),
                        binding.Location),
                    binding.Location));
            }
        }

        var fileTransfers = new Dictionary<string, (int Index, TransferDeclaration Transfer)>(StringComparer.Ordinal);
        for (var i = 0; i < document.Transfers.Count; i++)
        {
            if (!fileTransfers.ContainsKey(document.Transfers[i].Id))
            {
                fileTransfers.Add(document.Transfers[i].Id, (i, document.Transfers[i]));
            }
        }

        foreach (var declaration in transfers ?? Array.Empty<AttributeTransferDeclaration>())
        {
            if (declaration?.Id is null || !fileTransfers.TryGetValue(declaration.Id, out var match))
            {
                continue;
            }

            var differences = new List<string>();
            var file = match.Transfer;
            if (file.Mechanism != declaration.Mechanism)
            {
                differences.Add($"mechanism {EnumNames.Name(file.Mechanism)} vs {EnumNames.Name(declaration.Mechanism)}");
            }

            Compare(differences, "reference", file.Reference, declaration.Reference?.Trim());
            Compare(differences, "issuedOn", file.IssuedOn?.ToString(), declaration.IssuedOn);
            Compare(differences, "validUntil", file.ValidUntil?.ToString(), declaration.ValidUntil);
            if (differences.Count > 0)
            {
                diagnostics.Add(new PolicyDiagnostic(
                    PolicyDiagnosticIds.TransferConflict,
                    PolicyDiagnosticSeverity.Error,
                    policyFilePath,
                    file.Position,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "transfers[{0}]: transfer '{1}' differs from the attribute at {2}: {3}; declare it in one place or make both agree",
                        match.Index,
                        file.Id,
                        declaration.Location,
                        string.Join("; ", differences)),
                    declaration.Location));
            }
        }

        return diagnostics;
    }

    private static void Compare(List<string> differences, string name, string? file, string? attribute)
    {
        // A value given on one side only completes the other; only two different values conflict.
        if (file is not null && attribute is not null && !string.Equals(file, attribute, StringComparison.Ordinal))
        {
            differences.Add($"{name} '{file}' vs '{attribute}'");
        }
    }

    private static string Describe(string where) => string.Equals(where, "domestic", StringComparison.Ordinal) ? "domestic" : "bound to " + where;
}
