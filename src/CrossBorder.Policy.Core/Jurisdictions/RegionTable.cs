using System;
using System.Collections.Generic;

namespace CrossBorder.Policy.Core.Jurisdictions;

/// <summary>One key of a <see cref="RegionTable"/>: a cloud region (<c>ap-east-1</c>) or a top-level domain (<c>sg</c>).</summary>
/// <param name="Key">The key as it appears in host names, lower case.</param>
/// <param name="Jurisdiction">The ISO 3166-1 alpha-2 code of where the region is.</param>
/// <param name="Location">Where it is, in English, for messages (<c>Hong Kong</c>, <c>Tokyo, Japan</c>).</param>
public sealed record RegionEntry(string Key, string Jurisdiction, string Location);

/// <summary>A key prefix every key of which is in one jurisdiction (<c>cn-</c> for Alibaba Cloud's mainland regions).</summary>
public sealed record RegionPrefix(string Prefix, string Jurisdiction, string Location);

/// <summary>
/// A lookup table of the knowledge base: region or top-level-domain keys to jurisdictions. Exact entries first,
/// then prefixes (so an exact entry is an exception to a prefix: Alibaba Cloud <c>cn-hongkong</c> is HK although
/// <c>cn-</c> is CN).
/// </summary>
public sealed class RegionTable
{
    private readonly Dictionary<string, RegionEntry> _byKey;

    internal RegionTable(string name, string keyName, RegionEntry[] entries, RegionPrefix[]? prefixes = null)
    {
        Name = name;
        KeyName = keyName;
        Entries = entries;
        Prefixes = prefixes ?? Array.Empty<RegionPrefix>();
        _byKey = new Dictionary<string, RegionEntry>(entries.Length, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            _byKey.Add(entry.Key, entry);
        }
    }

    /// <summary>The table's name (<c>aws-regions</c>).</summary>
    public string Name { get; }

    /// <summary>What a key is, for messages: <c>region</c> or <c>top-level domain</c>.</summary>
    public string KeyName { get; }

    public IReadOnlyList<RegionEntry> Entries { get; }

    public IReadOnlyList<RegionPrefix> Prefixes { get; }

    /// <summary>Finds <paramref name="key"/>: an exact entry, else the first prefix it starts with (then a new entry for that key).</summary>
    public bool TryFind(string key, out RegionEntry entry)
    {
        if (_byKey.TryGetValue(key, out entry!))
        {
            return true;
        }

        foreach (var prefix in Prefixes)
        {
            if (key.Length > prefix.Prefix.Length && key.StartsWith(prefix.Prefix, StringComparison.Ordinal))
            {
                entry = new RegionEntry(key, prefix.Jurisdiction, prefix.Location);
                return true;
            }
        }

        entry = null!;
        return false;
    }
}
