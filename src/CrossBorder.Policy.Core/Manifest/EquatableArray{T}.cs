using System;
using System.Collections;
using System.Collections.Generic;

namespace CrossBorder.Policy.Core.Manifest;

/// <summary>Creates <see cref="EquatableArray{T}"/> values.</summary>
public static class EquatableArray
{
    /// <summary>An array holding a copy of <paramref name="items"/>.</summary>
    public static EquatableArray<T> Create<T>(params T[] items) => new(items);

    /// <summary>An array holding the items of <paramref name="items"/>, in their order.</summary>
    public static EquatableArray<T> From<T>(IEnumerable<T>? items) =>
        items is null ? default : new EquatableArray<T>(new List<T>(items).ToArray(), copy: false);

    /// <summary>An array holding the items of <paramref name="items"/>, in their order (<see cref="From{T}"/> as an extension).</summary>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => From(items);
}

/// <summary>
/// An immutable array compared by value: two arrays are equal when they hold equal items in the same order.
/// The manifest models are cached by the incremental generator, which compares them with <c>Equals</c>, so every
/// collection inside a model is one of these. The default value is the empty array.
/// </summary>
/// <remarks>
/// Equality is order-sensitive. Models become order-independent through <c>Canonicalize()</c>, which sorts every
/// unordered collection; the canonical writer and the reader always produce canonical models.
/// </remarks>
/// <typeparam name="T">The item type, compared with <see cref="EqualityComparer{T}.Default"/> (records and enums compare by value).</typeparam>
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly T[]? _items;

    /// <summary>Creates an array holding a copy of <paramref name="items"/>.</summary>
    public EquatableArray(T[]? items)
        : this(items is null ? null : (T[])items.Clone(), copy: false)
    {
    }

    /// <summary>Creates an array holding the items of <paramref name="items"/>, in their order.</summary>
    public EquatableArray(IEnumerable<T> items)
        : this(items is null ? null : new List<T>(items).ToArray(), copy: false)
    {
    }

    internal EquatableArray(T[]? items, bool copy)
    {
        _items = items is null ? null : copy ? (T[])items.Clone() : items;
    }

    /// <summary>The empty array.</summary>
    public static EquatableArray<T> Empty => default;

    public int Count => _items?.Length ?? 0;

    public bool IsEmpty => Count == 0;

    public T this[int index] => _items is null ? throw new ArgumentOutOfRangeException(nameof(index)) : _items[index];

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    public bool Equals(EquatableArray<T> other)
    {
        var count = Count;
        if (count != other.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < count; i++)
        {
            if (!comparer.Equals(_items![i], other._items![i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = 17;
            if (_items is not null)
            {
                var comparer = EqualityComparer<T>.Default;
                foreach (var item in _items)
                {
                    hash = (hash * 31) + (item is null ? 0 : comparer.GetHashCode(item));
                }
            }

            return hash;
        }
    }

    /// <summary>A copy of the items.</summary>
    public T[] ToArray() => _items is null ? Array.Empty<T>() : (T[])_items.Clone();

    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (_items ?? Array.Empty<T>()).GetEnumerator();

    public override string ToString() => "[" + string.Join(", ", _items ?? Array.Empty<T>()) + "]";

    /// <summary>A struct enumerator, so that <c>foreach</c> does not allocate.</summary>
    public struct Enumerator
    {
        private readonly T[]? _items;
        private int _index;

        internal Enumerator(T[]? items)
        {
            _items = items;
            _index = -1;
        }

        public readonly T Current => _items![_index];

        public bool MoveNext() => _items is not null && ++_index < _items.Length;
    }
}
