using System;
using System.Collections.Generic;
using System.Linq;
using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Cli.Diff;

/// <summary>How an item changed between the old and the new manifest.</summary>
public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>One field that differs: its name and both values as text (null when absent).</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>An authorization, flow, directory entry or endpoint binding that was added, removed or changed.</summary>
public sealed record ItemChange(ChangeKind Kind, string Id, string Summary, IReadOnlyList<FieldChange> Fields);

/// <summary>A data category that reaches a jurisdiction in the new manifest and did not in the old one.</summary>
public sealed record CategoryAbroad(string Category, string Jurisdiction, IReadOnlyList<string> FlowIds);

/// <summary>A flow that leaves without authorization in the new manifest and did not in the old one.</summary>
public sealed record UnauthorizedFlow(string FlowId, FlowStatus Status, FlowStatus? OldStatus, string Message);

/// <summary>The differences between two manifests of the same kind.</summary>
public sealed record ManifestDiff
{
    public string OldPath { get; init; } = string.Empty;

    public string NewPath { get; init; } = string.Empty;

    /// <summary><c>transfer-manifest</c> or <c>data-directory</c>.</summary>
    public string Kind { get; init; } = string.Empty;

    public IReadOnlyList<ItemChange> Authorizations { get; init; } = Array.Empty<ItemChange>();

    public IReadOnlyList<ItemChange> Flows { get; init; } = Array.Empty<ItemChange>();

    public IReadOnlyList<CategoryAbroad> NewCategoriesAbroad { get; init; } = Array.Empty<CategoryAbroad>();

    public IReadOnlyList<UnauthorizedFlow> NewUnauthorized { get; init; } = Array.Empty<UnauthorizedFlow>();

    public IReadOnlyList<ItemChange> Entries { get; init; } = Array.Empty<ItemChange>();

    public IReadOnlyList<ItemChange> Endpoints { get; init; } = Array.Empty<ItemChange>();

    public IReadOnlyList<FieldChange> Processor { get; init; } = Array.Empty<FieldChange>();

    public bool IsEmpty =>
        Authorizations.Count == 0 && Flows.Count == 0 && NewCategoriesAbroad.Count == 0 && Entries.Count == 0 && Endpoints.Count == 0 && Processor.Count == 0;
}

/// <summary>Compares two manifests. Pure: no IO, deterministic order (ordinal by id).</summary>
public static class ManifestDiffer
{
    /// <summary>Statuses under which data leaves without an adequate, valid authorization.</summary>
    public static readonly IReadOnlyList<FlowStatus> UnauthorizedStatuses = new[]
    {
        FlowStatus.Unauthorized, FlowStatus.Inadequate, FlowStatus.Expired, FlowStatus.NotYetValid, FlowStatus.Blocked, FlowStatus.UnknownEndpoint,
    };

    public static ManifestDiff Compare(TransferManifest old, TransferManifest @new, string oldPath, string newPath)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var authorizations = Keyed(old.Authorizations, @new.Authorizations, a => a.Id, AuthorizationFields, AuthorizationSummary);
        var flows = Keyed(old.Flows, @new.Flows, f => f.Id, FlowFields, FlowSummary);

        var oldPairs = CategoryPairs(old);
        var newPairs = CategoryPairs(@new);
        var categories = newPairs
            .Where(p => !oldPairs.ContainsKey(p.Key))
            .Select(p => new CategoryAbroad(p.Key.Category, p.Key.Jurisdiction, p.Value.OrderBy(x => x, StringComparer.Ordinal).ToArray()))
            .OrderBy(c => c.Category, StringComparer.Ordinal).ThenBy(c => c.Jurisdiction, StringComparer.Ordinal)
            .ToArray();

        var oldFlows = old.Flows.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var unauthorized = new List<UnauthorizedFlow>();
        foreach (var flow in @new.Flows)
        {
            if (!IsUnauthorized(flow.Status))
            {
                continue;
            }

            FlowStatus? oldStatus = oldFlows.TryGetValue(flow.Id, out var before) ? before.Status : null;
            if (oldStatus is { } s && IsUnauthorized(s))
            {
                continue;
            }

            unauthorized.Add(new UnauthorizedFlow(flow.Id, flow.Status, oldStatus, Verify.Verifier.FlowMessage(flow)));
        }

        return new ManifestDiff
        {
            OldPath = oldPath,
            NewPath = newPath,
            Kind = "transfer-manifest",
            Authorizations = authorizations,
            Flows = flows,
            NewCategoriesAbroad = categories,
            NewUnauthorized = unauthorized,
            Processor = ProcessorFields(old.Processor, @new.Processor),
        };
    }

    public static ManifestDiff Compare(DataDirectory old, DataDirectory @new, string oldPath, string newPath)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        return new ManifestDiff
        {
            OldPath = oldPath,
            NewPath = newPath,
            Kind = "data-directory",
            Entries = Keyed(old.Entries, @new.Entries, e => e.Id, EntryFields, e => e.DisplayName + " (" + Classes(e) + ")"),
            Endpoints = Keyed(old.Endpoints, @new.Endpoints, e => e.Host ?? e.DeclaredOn, EndpointFields, e => (e.Domestic ? "domestic" : e.Jurisdiction ?? "unknown jurisdiction") + (e.Recipient is null ? string.Empty : ", " + e.Recipient)),
            Processor = ProcessorFields(old.Processor, @new.Processor),
        };
    }

    public static bool IsUnauthorized(FlowStatus status) => UnauthorizedStatuses.Contains(status);

    private static List<ItemChange> Keyed<T>(IEnumerable<T> old, IEnumerable<T> @new, Func<T, string> key, Func<T, IReadOnlyList<(string Field, string? Value)>> fields, Func<T, string> summary)
    {
        var before = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in old)
        {
            before[key(item)] = item;
        }

        var after = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in @new)
        {
            after[key(item)] = item;
        }

        var changes = new List<ItemChange>();
        foreach (var id in before.Keys.Union(after.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            var inOld = before.TryGetValue(id, out var o);
            var inNew = after.TryGetValue(id, out var n);
            if (inOld && !inNew)
            {
                changes.Add(new ItemChange(ChangeKind.Removed, id, summary(o!), Array.Empty<FieldChange>()));
            }
            else if (!inOld && inNew)
            {
                changes.Add(new ItemChange(ChangeKind.Added, id, summary(n!), Array.Empty<FieldChange>()));
            }
            else
            {
                var oldFields = fields(o!);
                var newFields = fields(n!);
                var changed = new List<FieldChange>();
                for (var i = 0; i < oldFields.Count; i++)
                {
                    if (!string.Equals(oldFields[i].Value, newFields[i].Value, StringComparison.Ordinal))
                    {
                        changed.Add(new FieldChange(oldFields[i].Field, oldFields[i].Value, newFields[i].Value));
                    }
                }

                if (changed.Count > 0)
                {
                    changes.Add(new ItemChange(ChangeKind.Changed, id, summary(n!), changed));
                }
            }
        }

        return changes;
    }

    private static IReadOnlyList<(string, string?)> AuthorizationFields(TransferAuthorization a) => new (string, string?)[]
    {
        ("mechanism", a.Mechanism.ToString()),
        ("exemption", a.Exemption == Core.Model.ExemptionBasis.None ? null : a.Exemption.ToString()),
        ("reference", a.Reference),
        ("issuingAuthority", a.IssuingAuthority),
        ("issuedOn", a.IssuedOn?.ToString()),
        ("validUntil", a.ValidUntil?.ToString()),
        ("recipient", a.Recipient),
        ("jurisdiction", a.Jurisdiction),
        ("endpoint", a.Endpoint),
        ("purpose", a.Purpose),
        ("categories", Join(a.Categories)),
        ("estimatedSubjectsPerYear", a.EstimatedSubjectsPerYear?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("estimatedSensitiveSubjectsPerYear", a.EstimatedSensitiveSubjectsPerYear?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("separateConsent", a.SeparateConsent ? "true" : "false"),
        ("retentionPeriod", a.RetentionPeriod),
        ("overseasStorageLocation", a.OverseasStorageLocation),
        ("onwardRecipients", Join(a.OnwardRecipients)),
        ("securityMeasures", Join(a.SecurityMeasures)),
    };

    private static string AuthorizationSummary(TransferAuthorization a) =>
        a.Mechanism.ToString() + (a.Exemption == Core.Model.ExemptionBasis.None ? string.Empty : " (" + a.Exemption.ToString() + ")")
        + (a.Reference is null ? string.Empty : " " + a.Reference)
        + " to " + (a.Recipient ?? "an unnamed recipient") + (a.Jurisdiction is null ? string.Empty : " (" + a.Jurisdiction + ")")
        + (a.ValidUntil is { } until ? ", valid until " + until.ToString() : string.Empty);

    private static IReadOnlyList<(string, string?)> FlowFields(TransferFlow f) => new (string, string?)[]
    {
        ("status", f.Status.ToString()),
        ("authorizationId", f.AuthorizationId),
        ("endpointHost", f.EndpointHost),
        ("jurisdiction", f.Jurisdiction),
        ("categories", Join(f.Categories)),
        ("sink", f.SinkDisplay ?? f.SinkId),
        ("callChain", string.Join(" -> ", f.CallChain.Select(s => s.Display))),
    };

    private static string FlowSummary(TransferFlow f) =>
        f.Status.ToString() + ": " + (f.Categories.Count == 0 ? "data" : Join(f.Categories)) + " to " + (f.EndpointHost ?? "an unresolved endpoint")
        + (f.Jurisdiction is null ? string.Empty : " (" + f.Jurisdiction + ")")
        + (f.AuthorizationId is null ? string.Empty : " under " + f.AuthorizationId);

    private static IReadOnlyList<(string, string?)> EntryFields(DirectoryEntry e) => new (string, string?)[]
    {
        ("kind", e.Kind.ToString()),
        ("classes", Classes(e)),
        ("sensitiveCategories", Join(e.Classification.SensitiveCategories.Select(c => c.ToString()))),
        ("importantData", Join(e.Classification.ImportantData.Select(d => d.Entry))),
        ("origin", e.Origin is null ? null : e.Origin.Region + (e.Origin.CollectedAbroad ? " (collected abroad)" : string.Empty)),
        ("description", e.Description),
    };

    private static string Classes(DirectoryEntry e) =>
        Join(e.Classification.DeclaredClasses.Concat(e.InheritedClasses).Select(c => c.ToString()).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal)) ?? "unclassified";

    private static IReadOnlyList<(string, string?)> EndpointFields(EndpointBinding e) => new (string, string?)[]
    {
        ("jurisdiction", e.Jurisdiction),
        ("domestic", e.Domestic ? "true" : "false"),
        ("recipient", e.Recipient),
        ("declaredOn", e.DeclaredOn),
    };

    private static IReadOnlyList<FieldChange> ProcessorFields(ProcessorProfile? old, ProcessorProfile? @new)
    {
        var changes = new List<FieldChange>();
        void Add(string field, string? o, string? n)
        {
            if (!string.Equals(o, n, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, o, n));
            }
        }

        Add("name", old?.Name, @new?.Name);
        Add("criticalInformationInfrastructureOperator", old is null ? null : old.CriticalInformationInfrastructureOperator ? "true" : "false", @new is null ? null : @new.CriticalInformationInfrastructureOperator ? "true" : "false");
        Add("freeTradeZone", old?.FreeTradeZone, @new?.FreeTradeZone);
        return changes;
    }

    /// <summary>(category, jurisdiction) pairs that flows send abroad; unresolved destinations count as <c>unknown</c>.</summary>
    private static Dictionary<(string Category, string Jurisdiction), List<string>> CategoryPairs(TransferManifest manifest)
    {
        var pairs = new Dictionary<(string, string), List<string>>();
        foreach (var flow in manifest.Flows)
        {
            var categories = flow.Categories.Count > 0 ? (IEnumerable<string>)flow.Categories : flow.DataClasses.Select(c => c.ToString());
            foreach (var category in categories)
            {
                var key = (category, flow.Jurisdiction ?? "unknown");
                if (!pairs.TryGetValue(key, out var ids))
                {
                    pairs[key] = ids = new List<string>();
                }

                ids.Add(flow.Id);
            }
        }

        return pairs;
    }

    private static string? Join(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : string.Join(", ", list);
    }
}
