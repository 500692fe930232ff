using System;
using System.Collections.Generic;

namespace CrossBorder.Policy.Core.Manifest;

/// <summary>The written names of an enum's defined members, ordinal and case-sensitive both ways.</summary>
internal static class EnumText<T>
    where T : struct, Enum
{
    private static readonly Dictionary<T, string> NamesByValue = new();
    private static readonly Dictionary<string, T> ValuesByName = new(StringComparer.Ordinal);

#pragma warning disable CA1810 // One static constructor fills both tables.
    static EnumText()
#pragma warning restore CA1810
    {
        foreach (T value in Enum.GetValues(typeof(T)))
        {
            var name = Enum.GetName(typeof(T), value)!;
            NamesByValue[value] = name;
            ValuesByName[name] = value;
        }

        var names = new List<string>(ValuesByName.Keys);
        names.Sort(StringComparer.Ordinal);
        Expected = string.Join(", ", names);
    }

    /// <summary>The defined names, ordinally sorted and comma-separated, for error messages.</summary>
    public static string Expected { get; }

    public static string Name(T value) =>
        NamesByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentException($"{Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture)} is not a defined {typeof(T).Name}.", nameof(value));

    public static bool TryParse(string text, out T value) => ValuesByName.TryGetValue(text, out value);
}
