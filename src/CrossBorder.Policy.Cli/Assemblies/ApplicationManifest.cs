using System;
using System.Collections.Generic;
using System.Linq;
using CrossBorder.Policy.Build;
using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Cli.Assemblies;

/// <summary>The manifest of a whole application, merged from the manifests of its assemblies, and the conflicts found.</summary>
internal sealed record ApplicationManifest(EmbeddedManifest Manifest, IReadOnlyList<string> Conflicts)
{
    /// <summary>
    /// Merges the manifests of the assemblies of one application under the name <paramref name="name"/>.
    /// One manifest is returned as embedded (byte for byte). Several are merged:
    /// <list type="bullet">
    /// <item>directory entries by id: an entry seen from several assemblies (a classified type declared in one and
    /// referenced by another) appears once, with <c>referencedAssembly</c> set to the assembly that declares it;
    /// copies that differ in anything else are a conflict and the declaring assembly's copy is kept;</item>
    /// <item>endpoints, authorizations and flows are concatenated; the same id with the same content is kept once,
    /// the same id with different content is a conflict (the copy of the first assembly by name is kept);</item>
    /// <item>the processor profile is the one the assemblies declare; two different profiles are a conflict.</item>
    /// </list>
    /// </summary>
    public static ApplicationManifest Merge(string name, IReadOnlyList<EmbeddedManifest> manifests)
    {
        if (manifests.Count == 0)
        {
            throw new ArgumentException("At least one manifest is needed.", nameof(manifests));
        }

        if (manifests.Count == 1)
        {
            return new ApplicationManifest(manifests[0], Array.Empty<string>());
        }

        var conflicts = new List<string>();
        var processor = MergeProcessor(manifests, conflicts);

        // Directory entries, merged by id and marked with their defining assembly.
        var entries = new List<DirectoryEntry>();
        var byId = manifests
            .SelectMany(m => m.DataDirectory.Entries.Select(e => (Assembly: m.AssemblyName, Entry: e with { ReferencedAssembly = e.ReferencedAssembly ?? m.AssemblyName })))
            .GroupBy(x => x.Entry.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byId)
        {
            var copies = group.ToList();
            var defining = copies.FirstOrDefault(c => string.Equals(c.Assembly, c.Entry.ReferencedAssembly, StringComparison.Ordinal));
            var kept = defining.Entry is not null ? defining : copies[0];
            foreach (var other in copies)
            {
                if (!Equals(other.Entry, kept.Entry))
                {
                    conflicts.Add("entry '" + group.Key + "' differs between " + kept.Assembly + " and " + other.Assembly + Difference(kept.Entry, other.Entry) + "; the copy of " + kept.Assembly + " is used.");
                }
            }

            entries.Add(kept.Entry);
        }

        var directory = new DataDirectory(name)
        {
            Processor = processor,
            Entries = EquatableArray.From(entries),
            Endpoints = EquatableArray.From(manifests.SelectMany(m => m.DataDirectory.Endpoints).ToList()),
        };

        var transfers = new TransferManifest(name)
        {
            Processor = processor,
            Authorizations = EquatableArray.From(Concatenate(manifests, m => m.Transfers.Authorizations, a => a.Id, "authorization", conflicts)),
            Flows = EquatableArray.From(Concatenate(manifests, m => m.Transfers.Flows, f => f.Id, "flow", conflicts)),
        };

        var directoryDocument = ManifestWriter.WriteDocument(directory);
        var transfersDocument = ManifestWriter.WriteDocument(transfers);
        var merged = new EmbeddedManifest(
            name,
            EmbeddedManifest.SupportedFormat,
            null,
            directoryDocument,
            ManifestReader.ReadDataDirectory(directoryDocument.Json),
            transfersDocument,
            ManifestReader.ReadTransferManifest(transfersDocument.Json));
        return new ApplicationManifest(merged, conflicts);
    }

    private static ProcessorProfile? MergeProcessor(IReadOnlyList<EmbeddedManifest> manifests, List<string> conflicts)
    {
        (string Assembly, ProcessorProfile Profile)? first = null;
        foreach (var m in manifests)
        {
            var p = m.Transfers.Processor ?? m.DataDirectory.Processor;
            if (p is null)
            {
                continue;
            }

            if (first is null)
            {
                first = (m.AssemblyName, p);
            }
            else if (!Equals(first.Value.Profile, p))
            {
                conflicts.Add("the processor profile of " + m.AssemblyName + " differs from the one of " + first.Value.Assembly + "; the profile of " + first.Value.Assembly + " is used.");
            }
        }

        return first?.Profile;
    }

    private static List<T> Concatenate<T>(IReadOnlyList<EmbeddedManifest> manifests, Func<EmbeddedManifest, IEnumerable<T>> items, Func<T, string> id, string what, List<string> conflicts)
        where T : class
    {
        var kept = new Dictionary<string, (string Assembly, T Item)>(StringComparer.Ordinal);
        var result = new List<T>();
        foreach (var m in manifests)
        {
            foreach (var item in items(m))
            {
                if (kept.TryGetValue(id(item), out var existing))
                {
                    if (!Equals(existing.Item, item))
                    {
                        conflicts.Add(what + " '" + id(item) + "' is declared differently in " + existing.Assembly + " and " + m.AssemblyName + "; the one of " + existing.Assembly + " is used.");
                    }

                    continue;
                }

                kept.Add(id(item), (m.AssemblyName, item));
                result.Add(item);
            }
        }

        return result;
    }

    private static string Difference(DirectoryEntry a, DirectoryEntry b)
    {
        var fields = new List<string>();
        if (!string.Equals(a.ReferencedAssembly, b.ReferencedAssembly, StringComparison.Ordinal))
        {
            fields.Add("defining assembly " + a.ReferencedAssembly + " vs " + b.ReferencedAssembly);
        }

        if (!Equals(a.Classification, b.Classification))
        {
            fields.Add("classification");
        }

        if (!string.Equals(a.DisplayName, b.DisplayName, StringComparison.Ordinal) || a.Kind != b.Kind || !string.Equals(a.ContainingTypeId, b.ContainingTypeId, StringComparison.Ordinal))
        {
            fields.Add("name or kind");
        }

        if (!string.Equals(a.Description, b.Description, StringComparison.Ordinal))
        {
            fields.Add("description");
        }

        if (!Equals(a.Origin, b.Origin) || !a.InheritedClasses.Equals(b.InheritedClasses) || !a.InheritedFrom.Equals(b.InheritedFrom))
        {
            fields.Add("origin or inherited classes");
        }

        return fields.Count == 0 ? string.Empty : " (" + string.Join(", ", fields) + ")";
    }
}
