using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using CrossBorder.Policy.Core.Sinks;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>
/// The sink catalogue of Core (<see cref="SinkCatalogue.Sinks"/>) mapped onto symbols: a call is a sink when its
/// method is named in a row and declared on the row's type, a subclass of it or a type implementing it; when the row
/// names every method of a derived type (<see cref="SinkRow.AnyDerivedMethod"/>, gRPC clients); or when the method
/// is on an interface and carries an attribute derived from the row's <see cref="SinkRow.MethodAttribute"/> (Refit).
/// </summary>
internal sealed class SinkCatalog
{
    private readonly Dictionary<string, List<SinkRow>> _byMethodName = new(StringComparer.Ordinal);
    private readonly List<SinkRow> _anyMethod = new();
    private readonly List<SinkRow> _byAttribute = new();
    private readonly ConditionalWeakTable<IMethodSymbol, Found> _found = new();
    private readonly ConditionalWeakTable<IMethodSymbol, Found>.CreateValueCallback _find;
    private int _methodComputations;

    public SinkCatalog(IEnumerable<SinkRow> rows)
    {
        var names = new List<string>();
        foreach (var row in rows)
        {
            if (row.MethodAttribute is not null)
            {
                _byAttribute.Add(row);
                names.Add(row.MethodAttribute);
                continue;
            }

            names.Add(row.TypeMetadataName);
            foreach (var name in row.MethodNames)
            {
                if (string.Equals(name, SinkRow.AnyDerivedMethod, StringComparison.Ordinal))
                {
                    _anyMethod.Add(row);
                    continue;
                }

                if (!_byMethodName.TryGetValue(name, out var list))
                {
                    list = new List<SinkRow>();
                    _byMethodName.Add(name, list);
                }

                list.Add(row);
            }
        }

        Types = new CatalogTypes(names);
        _find = method => new Found(Compute(method));
    }

    public static SinkCatalog Default { get; } = new(SinkCatalogue.Sinks);

    /// <summary>The rows' types, matched against symbols once per type.</summary>
    public CatalogTypes Types { get; }

    /// <summary>How many methods were matched against the rows (each at most once while its symbol lives); for tests of the cache.</summary>
    public int MethodComputations => Volatile.Read(ref _methodComputations);

    /// <summary>The row for <paramref name="method"/>, or <see langword="null"/> when it is not a sink. Cached per method definition.</summary>
    public SinkRow? Find(IMethodSymbol method)
    {
        return _found.GetValue(method.OriginalDefinition, _find).Row;
    }

    private SinkRow? Compute(IMethodSymbol method)
    {
        Interlocked.Increment(ref _methodComputations);
        var type = method.ContainingType;
        if (type is null)
        {
            return null;
        }

        if (_byMethodName.TryGetValue(method.Name, out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (Types.IsOrDerivesFrom(type, candidate.TypeMetadataName, includeInterfaces: true))
                {
                    return candidate;
                }
            }
        }

        if (_anyMethod.Count > 0 && !method.IsStatic && method.DeclaredAccessibility == Accessibility.Public && type.TypeKind == TypeKind.Class)
        {
            foreach (var candidate in _anyMethod)
            {
                if (type.BaseType is { } baseType && Types.IsOrDerivesFrom(baseType, candidate.TypeMetadataName, includeInterfaces: false) && HasDataParameter(method, candidate))
                {
                    return candidate;
                }
            }
        }

        if (_byAttribute.Count > 0 && type.TypeKind == TypeKind.Interface)
        {
            foreach (var attribute in method.GetAttributes())
            {
                foreach (var candidate in _byAttribute)
                {
                    if (attribute.AttributeClass is { } attributeClass && Types.IsOrDerivesFrom(attributeClass, candidate.MethodAttribute!, includeInterfaces: false))
                    {
                        return candidate;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Whether the type's fully qualified metadata name is <paramref name="metadataName"/> (short name compared first: cheap).</summary>
    public static bool HasMetadataName(INamedTypeSymbol type, string metadataName)
    {
        var shortName = type.MetadataName;
        if (string.Equals(metadataName, shortName, StringComparison.Ordinal))
        {
            return type.ContainingType is null && (type.ContainingNamespace?.IsGlobalNamespace ?? true);
        }

        if (metadataName.Length <= shortName.Length
            || !metadataName.EndsWith(shortName, StringComparison.Ordinal)
            || (metadataName[metadataName.Length - shortName.Length - 1] != '.' && metadataName[metadataName.Length - shortName.Length - 1] != '+'))
        {
            return false;
        }

        return string.Equals(GetMetadataName(type), metadataName, StringComparison.Ordinal);
    }

    /// <summary>The fully qualified metadata name of a type (<c>Namespace.Outer+Inner`1</c>), cached per type.</summary>
    public static string GetMetadataName(INamedTypeSymbol type) => CatalogTypes.GetMetadataName(type);

    private static bool HasDataParameter(IMethodSymbol method, SinkRow row)
    {
        foreach (var parameter in method.Parameters)
        {
            foreach (var name in row.DataParameters)
            {
                if (string.Equals(name, SinkRow.AllParameters, StringComparison.Ordinal) || string.Equals(name, parameter.Name, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed class Found
    {
        public Found(SinkRow? row) => Row = row;

        public SinkRow? Row { get; }
    }
}
