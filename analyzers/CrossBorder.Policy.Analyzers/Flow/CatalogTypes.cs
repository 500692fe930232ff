using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>
/// Which of a catalogue's type names (metadata names of rows) a type is, derives from or implements, computed once
/// per type symbol and cached. The cache is keyed by the type's original definition, whose symbol object is unique
/// within its compilation (or within the referenced assembly's symbols that compilations share), in a
/// <see cref="ConditionalWeakTable{TKey,TValue}"/>: thread-safe, and an entry lives only as long as its symbol (and so
/// its compilation). A type that relates to no catalogue name (every type of a compilation that references none of
/// the sink libraries) costs one walk of its hierarchy the first time it is seen, then one table look-up.
/// </summary>
internal sealed class CatalogTypes
{
    private static readonly string[] None = Array.Empty<string>();
    private static readonly ConditionalWeakTable<INamedTypeSymbol, string> MetadataNames = new();

    /// <summary>The catalogue's metadata names by their last segment (<c>HttpClient</c>, <c>ClientBase`1</c>): most types miss here.</summary>
    private readonly Dictionary<string, List<string>> _byShortName = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<INamedTypeSymbol, Matches> _cache = new();
    private readonly ConditionalWeakTable<INamedTypeSymbol, Matches>.CreateValueCallback _compute;
    private int _computations;

    public CatalogTypes(IEnumerable<string> metadataNames)
    {
        foreach (var name in metadataNames)
        {
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            var cut = Math.Max(name.LastIndexOf('.'), name.LastIndexOf('+'));
            var shortName = cut < 0 ? name : name.Substring(cut + 1);
            if (!_byShortName.TryGetValue(shortName, out var list))
            {
                list = new List<string>();
                _byShortName.Add(shortName, list);
            }

            if (!list.Contains(name))
            {
                list.Add(name);
            }
        }

        _compute = Compute;
    }

    /// <summary>How many types had their hierarchy walked (each at most once while its symbol lives); for tests of the cache.</summary>
    public int Computations => Volatile.Read(ref _computations);

    /// <summary>Whether the type, a base type or (optionally) an interface it implements has the catalogue name <paramref name="metadataName"/>.</summary>
    public bool IsOrDerivesFrom(INamedTypeSymbol type, string metadataName, bool includeInterfaces)
    {
        var matches = Get(type);
        return Contains(matches.Bases, metadataName) || (includeInterfaces && Contains(matches.Interfaces, metadataName));
    }

    /// <summary>Whether the type relates to no catalogue name at all (no row can match it).</summary>
    public bool IsUnrelated(INamedTypeSymbol type)
    {
        var matches = Get(type);
        return matches.Bases.Length == 0 && matches.Interfaces.Length == 0;
    }

    /// <summary>The fully qualified metadata name of a type (<c>Namespace.Outer+Inner`1</c>), cached per type.</summary>
    public static string GetMetadataName(INamedTypeSymbol type)
    {
        return MetadataNames.GetValue(type.OriginalDefinition, static t => BuildMetadataName(t));
    }

    private Matches Get(INamedTypeSymbol type) => _cache.GetValue(type.OriginalDefinition, _compute);

    private Matches Compute(INamedTypeSymbol type)
    {
        Interlocked.Increment(ref _computations);
        List<string>? bases = null;
        List<string>? interfaces = null;

        // A C# 14 extension block (extension(IRestClient client) { ... }) is an unspeakable type nested in the
        // static class that declares it; rows name the static class, as for classic extension methods.
        if (type.MetadataName.StartsWith("<", StringComparison.Ordinal) && type.ContainingType is { } declaring)
        {
            Collect(declaring, ref bases);
        }

        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            Collect(current, ref bases);
        }

        foreach (var implemented in type.AllInterfaces)
        {
            Collect(implemented, ref interfaces);
        }

        return new Matches(bases?.ToArray() ?? None, interfaces?.ToArray() ?? None);
    }

    private void Collect(INamedTypeSymbol type, ref List<string>? found)
    {
        if (!_byShortName.TryGetValue(type.MetadataName, out var names))
        {
            return;
        }

        foreach (var name in names)
        {
            if (SinkCatalog.HasMetadataName(type, name))
            {
                (found ??= new List<string>()).Add(name);
            }
        }
    }

    private static bool Contains(string[] names, string name)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string BuildMetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        var ns = type.ContainingNamespace;
        while (ns is not null && !ns.IsGlobalNamespace)
        {
            name = ns.Name + "." + name;
            ns = ns.ContainingNamespace;
        }

        return name;
    }

    private sealed class Matches
    {
        public Matches(string[] bases, string[] interfaces)
        {
            Bases = bases;
            Interfaces = interfaces;
        }

        /// <summary>Catalogue names of the type and its base types.</summary>
        public string[] Bases { get; }

        /// <summary>Catalogue names of the interfaces it implements.</summary>
        public string[] Interfaces { get; }
    }
}
