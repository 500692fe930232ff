using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CrossBorder.Policy.Analyzers;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;
using JurisdictionResolution = CrossBorder.Policy.Core.Manifest.JurisdictionResolution;

namespace CrossBorder.Policy.Cli.Scan;

/// <summary>A manifest flow built from a transfer finding, with the finding's rule and location (relative to the scanned folder).</summary>
internal sealed record ScanFlow(TransferFlow Flow, string RuleId, string Location);

/// <summary>
/// Turns the analyzers' flow diagnostics into flows of the transfer manifest: the findings CBDT1001 to CBDT1005 and the
/// hidden traceability records CBDT1006 of the flows an authorization covers (status <c>Authorized</c>). The generator
/// cannot know them (the flow analysis runs in the analyzers), so <c>scan</c> adds them to the <c>transfers.json</c> it
/// writes. Every fact comes from the diagnostic, never from its message: the methods and the sink from the compilation
/// at its locations, the verdict, host, jurisdiction and how it was resolved, categories, origin members and the
/// covering authorization from its properties (<c>DiagnosticPropertyKeys</c>).
/// </summary>
internal static class ScanFlows
{
    /// <summary>The prefix of the id of every flow that <c>scan</c> adds.</summary>
    public const string IdPrefix = "scan:";

    /// <summary>The rule a flow status comes from (docs/manifest-format.md: the verdict is CBDT1001 to CBDT1006).</summary>
    public static string? RuleOf(FlowStatus status) => status switch
    {
        FlowStatus.Unauthorized => "CBDT1001",
        FlowStatus.Blocked => "CBDT1002",
        FlowStatus.Inadequate => "CBDT1003",
        FlowStatus.Expired or FlowStatus.NotYetValid => "CBDT1004",
        FlowStatus.UnknownEndpoint => "CBDT1005",
        FlowStatus.Authorized => "CBDT1006",
        _ => null,
    };

    /// <summary>
    /// The flows of the unsuppressed transfer findings of <paramref name="scan"/> and of its authorized flows, in the
    /// order of project, file, line. A suppressed finding is the team's statement that the flow is covered: it stays in
    /// the SARIF log with its justification and is not a flow here.
    /// </summary>
    public static IReadOnlyList<ScanFlow> Build(ScanResult scan, DataDirectory? directory, TransferManifest? transfers)
    {
        var root = Path.GetDirectoryName(scan.InputPath)!;
        var entries = directory?.Entries.ToList() ?? new List<DirectoryEntry>();
        var authorizations = transfers?.Authorizations.ToList() ?? new List<TransferAuthorization>();
        var result = new List<ScanFlow>();
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        var all = scan.Findings.Concat(scan.AuthorizedFlows)
            .OrderBy(f => f.Project, StringComparer.Ordinal)
            .ThenBy(f => f.FilePath, StringComparer.Ordinal)
            .ThenBy(f => f.StartLine)
            .ThenBy(f => f.StartColumn)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal);
        foreach (var f in all)
        {
            if (f.Suppressed || f.Flow is not { Source: { } source } facts)
            {
                continue;
            }

            var p = facts.Properties;
            var status = StatusOf(f.RuleId, Property(p, DiagnosticPropertyKeys.Status));
            var host = Property(p, DiagnosticPropertyKeys.Host);
            var resolution = Enum.TryParse<JurisdictionResolution>(Property(p, DiagnosticPropertyKeys.JurisdictionResolution), ignoreCase: false, out var r) && Enum.IsDefined(r)
                ? r
                : JurisdictionResolution.Unresolved;
            var tags = List(p, DiagnosticPropertyKeys.Categories).OrderBy(t => t, StringComparer.Ordinal).ToList();
            var baseId = IdPrefix + source.ShortName + ">" + (facts.Called?.ShortName ?? facts.Sink?.ShortName ?? "unknown") + (status == FlowStatus.Blocked || (status == FlowStatus.Authorized && tags.SequenceEqual(new[] { "CoreData" })) ? "#core-data" : string.Empty);
            used.TryGetValue(baseId, out var seen);
            used[baseId] = seen + 1;
            var id = seen == 0 ? baseId : baseId + "#" + (seen + 1).ToString(CultureInfo.InvariantCulture);
            var chain = new[] { source, facts.Called, facts.SinkCaller }
                .Where(m => m is not null && !string.Equals(m.Id, facts.Sink?.Id, StringComparison.Ordinal))
                .Select(m => m!)
                .GroupBy(m => m.Id, StringComparer.Ordinal)
                .Select(g => new CallStep(g.Key, g.First().Display))
                .ToList();
            var flow = new TransferFlow(id, source.Id, facts.Sink?.Id ?? facts.Called?.Id ?? source.Id)
            {
                Status = status,
                CallChain = EquatableArray.From(chain),
                SinkDisplay = facts.Sink?.Display ?? facts.Called?.Display,
                EndpointHost = host,
                Jurisdiction = Property(p, DiagnosticPropertyKeys.Jurisdiction),
                JurisdictionResolution = resolution,
                DataClasses = EquatableArray.From(tags.Select(ClassOf).Distinct().ToList()),
                Categories = EquatableArray.From(tags),
                OriginMemberIds = EquatableArray.From(List(p, DiagnosticPropertyKeys.OriginMembers).SelectMany(o => EntriesNamed(entries, o)).Distinct(StringComparer.Ordinal).OrderBy(e => e, StringComparer.Ordinal).ToList()),
                AuthorizationId = AuthorizationOf(p, authorizations),
            };
            var location = f.FilePath is null ? "-" : Path.GetRelativePath(root, f.FilePath).Replace('\\', '/') + ":" + f.StartLine.ToString(CultureInfo.InvariantCulture);
            result.Add(new ScanFlow(flow, f.RuleId, location));
        }

        return result;
    }

    /// <summary>
    /// The manifest with the scan's flows added to the flows it already has (a flow id it has is kept as it is), in
    /// canonical form.
    /// </summary>
    public static TransferManifest AddTo(TransferManifest manifest, IEnumerable<ScanFlow> flows)
    {
        var ids = new HashSet<string>(manifest.Flows.Select(f => f.Id), StringComparer.Ordinal);
        var all = manifest.Flows.Concat(flows.Select(f => f.Flow).Where(f => ids.Add(f.Id))).ToList();
        return (manifest with { Flows = EquatableArray.From(all) }).Canonicalize();
    }

    private static string? Property(IReadOnlyDictionary<string, string?> properties, string key) =>
        properties.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private static IEnumerable<string> List(IReadOnlyDictionary<string, string?> properties, string key) =>
        Property(properties, key)?.Split(DiagnosticPropertyKeys.CategorySeparator, StringSplitOptions.RemoveEmptyEntries) ?? Enumerable.Empty<string>();

    /// <summary>The verdict: the <c>Status</c> property, else the rule's (CBDT1004 without it reads as expired).</summary>
    private static FlowStatus StatusOf(string ruleId, string? status)
    {
        if (Enum.TryParse<FlowStatus>(status, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        return ruleId switch
        {
            "CBDT1001" => FlowStatus.Unauthorized,
            "CBDT1002" => FlowStatus.Blocked,
            "CBDT1003" => FlowStatus.Inadequate,
            "CBDT1004" => FlowStatus.Expired,
            "CBDT1006" => FlowStatus.Authorized,
            _ => FlowStatus.UnknownEndpoint,
        };
    }

    private static DataClass ClassOf(string tag)
    {
        var colon = tag.IndexOf(':', StringComparison.Ordinal);
        return (colon < 0 ? tag : tag.Substring(0, colon)) switch
        {
            "SensitivePersonalInformation" => DataClass.SensitivePersonalInformation,
            "ImportantData" => DataClass.ImportantData,
            "CoreData" => DataClass.CoreData,
            "GeneralData" => DataClass.GeneralData,
            _ => DataClass.PersonalInformation,
        };
    }

    /// <summary>The directory entries a short name (<c>Patient.Diagnosis</c>, <c>VaccineReserveAllocation</c>) names.</summary>
    private static IEnumerable<string> EntriesNamed(List<DirectoryEntry> entries, string name) => entries
        .Where(e => string.Equals(e.DisplayName, name, StringComparison.Ordinal) || e.DisplayName.EndsWith("." + name, StringComparison.Ordinal))
        .Select(e => e.Id);

    /// <summary>
    /// The manifest authorization of a flow: the one whose id the diagnostic names (the declared id, or the id the
    /// generator derives), else the only one declared at the same place with the same mechanism and reference; null
    /// when the flow has none or the manifest does not hold it.
    /// </summary>
    private static string? AuthorizationOf(IReadOnlyDictionary<string, string?> properties, List<TransferAuthorization> authorizations)
    {
        var id = Property(properties, DiagnosticPropertyKeys.AuthorizationId);
        if (id is null)
        {
            return null;
        }

        if (authorizations.Any(a => string.Equals(a.Id, id, StringComparison.Ordinal)))
        {
            return id;
        }

        // A declared id the manifest does not hold names nothing; a derived id may differ from the generator's (a repeated
        // id gets "~2"), so the authorization is looked for where it is declared.
        var declaredOn = Property(properties, DiagnosticPropertyKeys.AuthorizationDeclaredOn);
        if (declaredOn is null || !id.StartsWith(declaredOn + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var mechanism = Property(properties, DiagnosticPropertyKeys.Mechanism);
        var reference = Property(properties, DiagnosticPropertyKeys.AuthorizationReference);
        var candidates = authorizations
            .Where(a => string.Equals(a.DeclaredOn, declaredOn, StringComparison.Ordinal)
                && string.Equals(a.Mechanism.ToString(), mechanism, StringComparison.Ordinal)
                && string.Equals(a.Reference, reference, StringComparison.Ordinal))
            .ToList();
        return candidates.Count == 1 ? candidates[0].Id : null;
    }
}
