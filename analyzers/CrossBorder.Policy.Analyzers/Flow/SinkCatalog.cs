using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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

    public SinkCatalog(IEnumerable<SinkRow> rows)
    {
        foreach (var row in rows)
        {
            if (row.MethodAttribute is not null)
            {
                _byAttribute.Add(row);
                continue;
            }

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
    }

    public static SinkCatalog Default { get; } = new(SinkCatalogue.Sinks);

    /// <summary>The row for <paramref name="method"/>, or <see langword="null"/> when it is not a sink.</summary>
    public SinkRow? Find(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return null;
        }

        if (_byMethodName.TryGetValue(method.Name, out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (IsOrDerivesFrom(type, candidate.TypeMetadataName, includeInterfaces: true))
                {
                    return candidate;
                }
            }
        }

        if (_anyMethod.Count > 0 && !method.IsStatic && method.DeclaredAccessibility == Accessibility.Public && type.TypeKind == TypeKind.Class)
        {
            foreach (var candidate in _anyMethod)
            {
                if (type.BaseType is { } baseType && IsOrDerivesFrom(baseType, candidate.TypeMetadataName, includeInterfaces: false) && HasDataParameter(method, candidate))
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
                    if (attribute.AttributeClass is { } attributeClass && IsOrDerivesFrom(attributeClass, candidate.MethodAttribute!, includeInterfaces: false))
                    {
                        return candidate;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="type"/>, one of its base types or (optionally) one of its interfaces has the metadata name <paramref name="metadataName"/>.</summary>
    public static bool IsOrDerivesFrom(INamedTypeSymbol type, string metadataName, bool includeInterfaces)
    {
        // A C# 14 extension block (extension(IRestClient client) { ... }) is an unspeakable type nested in the
        // static class that declares it; rows name the static class, as for classic extension methods.
        if (type.MetadataName.StartsWith("<", StringComparison.Ordinal) && type.ContainingType is { } declaring && HasMetadataName(declaring, metadataName))
        {
            return true;
        }

        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (HasMetadataName(current, metadataName))
            {
                return true;
            }
        }

        if (includeInterfaces)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (HasMetadataName(implemented, metadataName))
                {
                    return true;
                }
            }
        }

        return false;
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

    /// <summary>The fully qualified metadata name of a type (<c>Namespace.Outer+Inner`1</c>).</summary>
    public static string GetMetadataName(INamedTypeSymbol type)
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
}
