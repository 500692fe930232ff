using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>
/// A symbolic access path rooted at a parameter of the analysed method, of depth at most 1:
/// <c>"0"</c> (the first parameter) or <c>"0.Email"</c> (its member <c>Email</c>); or rooted at the receiver,
/// <c>"this"</c> and <c>"this._body"</c> (<see cref="This"/>), which callers resolve with the object they call on.
/// </summary>
internal sealed class AccessPath : IEquatable<AccessPath>
{
    /// <summary>The <see cref="Parameter"/> of a path rooted at <c>this</c>.</summary>
    public const int This = -1;

    public AccessPath(int parameter, ISymbol? member)
    {
        Parameter = parameter;
        Member = member;
    }

    public int Parameter { get; }

    /// <summary>The member read from the parameter, or <see langword="null"/> for the parameter itself.</summary>
    public ISymbol? Member { get; }

    public bool Equals(AccessPath? other)
    {
        return other is not null && other.Parameter == Parameter && SymbolEqualityComparer.Default.Equals(other.Member, Member);
    }

    public override bool Equals(object? obj) => Equals(obj as AccessPath);

    public override int GetHashCode() => (Parameter * 397) ^ SymbolEqualityComparer.Default.GetHashCode(Member);

    public override string ToString()
    {
        var root = Parameter == This ? "this" : Parameter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Member is null ? root : root + "." + Member.Name;
    }
}

/// <summary>
/// The abstract value of the flow engine's lattice: labels with origins, the parameter access paths the value
/// depends on, the possible string values (templates, where <see cref="Unknown"/> marks an unknown segment;
/// <see langword="null"/> when nothing is known), and depth-1 member values (object initializers, DTO mapping,
/// <c>BaseAddress</c>, <c>HttpRequestMessage.RequestUri/Content</c>). Join is set union. Immutable.
/// </summary>
internal sealed class AbsValue : IEquatable<AbsValue>
{
    /// <summary>Marks an unknown segment inside a string template.</summary>
    public const char Unknown = '\u0001';

    /// <summary>
    /// The member of a collection value (an array, a collection expression, a collection created empty and filled with
    /// <c>Add</c>) that holds the join of its elements, strings included: a constant host list
    /// (<c>new[] { "a.example.sg", "b.example.sg" }</c>) has the strings of its hosts there. Absent when the elements are
    /// not followed (a collection received from elsewhere); its strings are unknown when an element's are.
    /// </summary>
    public const string ElementsMember = "[]";

    /// <summary>Bound on the number of string templates; past it the strings are unknown.</summary>
    public const int MaxLiterals = 16;

    public static readonly AbsValue Empty = new(LabelSet.Empty, ImmutableHashSet<AccessPath>.Empty, null, ImmutableDictionary<string, AbsValue>.Empty.WithComparers(StringComparer.Ordinal));

    private AbsValue(LabelSet labels, ImmutableHashSet<AccessPath> parameters, ImmutableSortedSet<string>? literals, ImmutableDictionary<string, AbsValue> members)
    {
        Labels = labels;
        Params = parameters;
        Lits = literals;
        Members = members;
    }

    public LabelSet Labels { get; }

    public ImmutableHashSet<AccessPath> Params { get; }

    public ImmutableSortedSet<string>? Lits { get; }

    public ImmutableDictionary<string, AbsValue> Members { get; }

    public bool IsEmpty => Labels.IsEmpty && Params.IsEmpty && Lits is null && Members.IsEmpty;

    public static AbsValue FromLiteral(string value)
    {
        return Empty.WithLits(ImmutableSortedSet.Create(StringComparer.Ordinal, value));
    }

    public static AbsValue FromLabels(LabelSet labels) => labels.IsEmpty ? Empty : Empty.WithLabels(labels);

    public static AbsValue FromParameter(AccessPath path) => new(LabelSet.Empty, ImmutableHashSet.Create(path), null, Empty.Members);

    public AbsValue WithLabels(LabelSet labels) => new(labels, Params, Lits, Members);

    public AbsValue WithParams(ImmutableHashSet<AccessPath> parameters) => new(Labels, parameters, Lits, Members);

    public AbsValue WithLits(ImmutableSortedSet<string>? literals)
    {
        if (literals is not null && literals.Count > MaxLiterals)
        {
            literals = null;
        }

        return new(Labels, Params, literals, Members);
    }

    public AbsValue WithMember(string name, AbsValue value) => new(Labels, Params, Lits, Members.SetItem(name, value.Flatten()));

    public AbsValue WithoutMembers() => Members.IsEmpty ? this : new(Labels, Params, Lits, Empty.Members);

    public AbsValue AddLabels(LabelSet labels) => labels.IsEmpty ? this : WithLabels(Labels.Union(labels));

    /// <summary>The value with its members folded into its own labels and paths (what leaves when the whole object is sent).</summary>
    public AbsValue Flatten()
    {
        if (Members.IsEmpty)
        {
            return this;
        }

        var labels = Labels;
        var parameters = Params;
        foreach (var member in Members.Values)
        {
            labels = labels.Union(member.Labels);
            parameters = parameters.Union(member.Params);
        }

        return new AbsValue(labels, parameters, Lits, Empty.Members);
    }

    /// <summary>Flattened labels and paths only: the taint of a value handed to code that is not modelled.</summary>
    public AbsValue Taint() => Flatten().WithLits(null);

    public static AbsValue Join(AbsValue? a, AbsValue? b)
    {
        if (a is null || ReferenceEquals(a, b))
        {
            return b ?? Empty;
        }

        if (b is null)
        {
            return a;
        }

        var literals = a.Lits is null || b.Lits is null ? null : a.Lits.Union(b.Lits);
        var members = a.Members;
        foreach (var pair in b.Members)
        {
            members = members.SetItem(pair.Key, members.TryGetValue(pair.Key, out var existing) ? Join(existing, pair.Value) : pair.Value);
        }

        return new AbsValue(a.Labels.Union(b.Labels), a.Params.Union(b.Params), null, members).WithLits(literals);
    }

    /// <summary>String concatenation: labels and paths join, templates take the cross-product.</summary>
    public static AbsValue Concat(AbsValue a, AbsValue b)
    {
        ImmutableSortedSet<string>? literals = null;
        if (a.Lits is not null || b.Lits is not null)
        {
            var left = a.Lits ?? ImmutableSortedSet.Create(StringComparer.Ordinal, Unknown.ToString());
            var right = b.Lits ?? ImmutableSortedSet.Create(StringComparer.Ordinal, Unknown.ToString());
            if (left.Count * right.Count <= MaxLiterals)
            {
                var builder = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
                foreach (var l in left)
                {
                    foreach (var r in right)
                    {
                        builder.Add(CollapseUnknown(l + r));
                    }
                }

                literals = builder.ToImmutable();
            }
        }

        var fa = a.Flatten();
        var fb = b.Flatten();
        return new AbsValue(fa.Labels.Union(fb.Labels), fa.Params.Union(fb.Params), null, Empty.Members).WithLits(literals);
    }

    private static string CollapseUnknown(string value)
    {
        var twice = new string(Unknown, 2);
        while (value.IndexOf(twice, StringComparison.Ordinal) >= 0)
        {
            value = value.Replace(twice, Unknown.ToString());
        }

        return value;
    }

    public bool Equals(AbsValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || !Labels.Equals(other.Labels) || !Params.SetEquals(other.Params) || Members.Count != other.Members.Count)
        {
            return false;
        }

        if ((Lits is null) != (other.Lits is null) || (Lits is not null && !Lits.SetEquals(other.Lits!)))
        {
            return false;
        }

        foreach (var pair in Members)
        {
            if (!other.Members.TryGetValue(pair.Key, out var value) || !pair.Value.Equals(value))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as AbsValue);

    public override int GetHashCode() => Labels.GetHashCode() ^ Params.Count ^ (Members.Count << 8);

    /// <summary>A deterministic text of the value, for summary signatures.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append('{').Append(Labels).Append(";p=").Append(string.Join(",", Params.Select(p => p.ToString()).OrderBy(s => s, StringComparer.Ordinal)));
        builder.Append(";l=").Append(Lits is null ? "?" : string.Join(",", Lits));
        foreach (var pair in Members.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(';').Append(pair.Key).Append('=').Append(pair.Value);
        }

        return builder.Append('}').ToString();
    }
}
