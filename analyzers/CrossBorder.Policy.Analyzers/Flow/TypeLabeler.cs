using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using CrossBorder.Policy.Core.Model;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>
/// Computes the labels of types and members from the classification attributes, transitively through
/// members, base types, arrays and type arguments (collections, dictionaries, <c>Nullable&lt;T&gt;</c>, tasks,
/// tuples). Works on metadata symbols as well as source symbols, so DTOs of referenced assemblies count.
/// System and Microsoft types are not walked, only their type arguments. Cached per compilation.
/// </summary>
internal sealed class TypeLabeler
{
    private readonly ConcurrentDictionary<ITypeSymbol, LabelSet> _typeLabels = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, LabelSet> _memberLabels = new(SymbolEqualityComparer.Default);

    /// <summary>The labels of a value of type <paramref name="type"/>.</summary>
    public LabelSet GetTypeLabels(ITypeSymbol? type, CancellationToken cancellationToken)
    {
        if (type is null)
        {
            return LabelSet.Empty;
        }

        if (_typeLabels.TryGetValue(type, out var cached))
        {
            return cached;
        }

        var visiting = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        return Compute(type, visiting, out _, cancellationToken);
    }

    /// <summary>The labels of the value read from <paramref name="member"/>: its own attributes plus its type's labels.</summary>
    public LabelSet GetMemberLabels(ISymbol member, CancellationToken cancellationToken)
    {
        if (_memberLabels.TryGetValue(member, out var cached))
        {
            return cached;
        }

        var visiting = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        return ComputeMember(member, visiting, out _, cancellationToken);
    }

    /// <summary>The labels that attributes put directly on <paramref name="symbol"/>, with <paramref name="origin"/> as origin.</summary>
    public static LabelSet GetOwnLabels(ISymbol symbol, string origin)
    {
        var labels = LabelSet.Empty;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (PolicyAttributeNames.Is(attribute, PolicyAttributeNames.PersonalInformation))
            {
                labels = labels.Union(LabelSet.Create(LabelSet.PersonalInformation, origin));
            }
            else if (PolicyAttributeNames.Is(attribute, PolicyAttributeNames.SensitivePersonalInformation))
            {
                var tag = LabelSet.SensitivePersonalInformation;
                if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int category)
                {
                    tag += ":" + (Enum.IsDefined(typeof(SensitiveCategory), category)
                        ? ((SensitiveCategory)category).ToString()
                        : category.ToString(CultureInfo.InvariantCulture));
                }

                labels = labels.Union(LabelSet.Create(tag, origin));
            }
            else if (PolicyAttributeNames.Is(attribute, PolicyAttributeNames.ImportantData))
            {
                var tag = LabelSet.ImportantData;
                if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string entry && entry.Length > 0)
                {
                    tag += ":" + entry;
                }

                labels = labels.Union(LabelSet.Create(tag, origin));
            }
            else if (PolicyAttributeNames.Is(attribute, PolicyAttributeNames.CoreData))
            {
                labels = labels.Union(LabelSet.Create(LabelSet.CoreData, origin));
            }
        }

        return labels;
    }

    private LabelSet Compute(ITypeSymbol type, HashSet<ITypeSymbol> visiting, out bool hitCycle, CancellationToken cancellationToken)
    {
        hitCycle = false;
        if (_typeLabels.TryGetValue(type, out var cached))
        {
            return cached;
        }

        if (!visiting.Add(type))
        {
            hitCycle = true;
            return LabelSet.Empty;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var labels = LabelSet.Empty;
        switch (type)
        {
            case IArrayTypeSymbol array:
                labels = Compute(array.ElementType, visiting, out hitCycle, cancellationToken);
                break;

            case IPointerTypeSymbol:
            case ITypeParameterSymbol:
            case IDynamicTypeSymbol:
                break;

            case INamedTypeSymbol named:
                labels = ComputeNamed(named, visiting, ref hitCycle, cancellationToken);
                break;
        }

        visiting.Remove(type);
        if (!hitCycle)
        {
            _typeLabels.TryAdd(type, labels);
        }

        return labels;
    }

    private LabelSet ComputeNamed(INamedTypeSymbol type, HashSet<ITypeSymbol> visiting, ref bool hitCycle, CancellationToken cancellationToken)
    {
        if (PolicyAttributeNames.Has(type.OriginalDefinition, PolicyAttributeNames.Anonymized))
        {
            return LabelSet.Empty;
        }

        var labels = GetOwnLabels(type.OriginalDefinition, type.Name);
        foreach (var argument in type.TypeArguments)
        {
            labels = labels.Union(Compute(argument, visiting, out var cycle, cancellationToken));
            hitCycle |= cycle;
        }

        if (IsFrameworkType(type) || type.TypeKind == TypeKind.Enum || type.TypeKind == TypeKind.Delegate)
        {
            return labels;
        }

        foreach (var member in type.GetMembers())
        {
            if (member.IsStatic || member.IsImplicitlyDeclared || (member is not IFieldSymbol && member is not IPropertySymbol))
            {
                continue;
            }

            labels = labels.Union(ComputeMember(member, visiting, out var cycle, cancellationToken));
            hitCycle |= cycle;
        }

        if (type.BaseType is { } baseType)
        {
            labels = labels.Union(Compute(baseType, visiting, out var cycle, cancellationToken));
            hitCycle |= cycle;
        }

        return labels;
    }

    private LabelSet ComputeMember(ISymbol member, HashSet<ITypeSymbol> visiting, out bool hitCycle, CancellationToken cancellationToken)
    {
        hitCycle = false;
        if (_memberLabels.TryGetValue(member, out var cached))
        {
            return cached;
        }

        // A field-like event or an auto-property's backing field is reached through its associated symbol.
        if (member is IFieldSymbol { AssociatedSymbol: { } associated })
        {
            member = associated;
        }

        if (PolicyAttributeNames.Has(member, PolicyAttributeNames.Anonymized))
        {
            _memberLabels.TryAdd(member, LabelSet.Empty);
            return LabelSet.Empty;
        }

        var origin = member.ContainingType is null ? member.Name : member.ContainingType.Name + "." + member.Name;
        var labels = GetOwnLabels(member, origin);
        var memberType = member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            IParameterSymbol parameter => parameter.Type,
            IMethodSymbol method => method.ReturnType,
            _ => null,
        };
        if (memberType is not null)
        {
            labels = labels.Union(Compute(memberType, visiting, out hitCycle, cancellationToken));
        }

        if (!hitCycle)
        {
            _memberLabels.TryAdd(member, labels);
        }

        return labels;
    }

    /// <summary>Types of the platform: never walked for members (their type arguments still count).</summary>
    public static bool IsFrameworkType(ITypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None)
        {
            return true;
        }

        var ns = type.ContainingNamespace;
        while (ns is not null && !ns.IsGlobalNamespace && !ns.ContainingNamespace.IsGlobalNamespace)
        {
            ns = ns.ContainingNamespace;
        }

        return ns is not null && (string.Equals(ns.Name, "System", StringComparison.Ordinal) || string.Equals(ns.Name, "Microsoft", StringComparison.Ordinal));
    }
}
