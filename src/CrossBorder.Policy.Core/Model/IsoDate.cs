using System;
using System.Globalization;

namespace CrossBorder.Policy.Core.Model;

/// <summary>
/// A calendar date written <c>yyyy-MM-dd</c> (ISO 8601, no time, no time zone). Dates in attributes, the policy
/// file and the manifest are all of this form; parsing is strict and culture-invariant.
/// </summary>
public readonly struct IsoDate : IEquatable<IsoDate>, IComparable<IsoDate>
{
    private readonly DateTime _value;

    private IsoDate(DateTime value)
    {
        _value = value.Date;
    }

    public IsoDate(int year, int month, int day)
        : this(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified))
    {
    }

    public int Year => _value.Year;

    public int Month => _value.Month;

    public int Day => _value.Day;

    /// <summary>Parses exactly <c>yyyy-MM-dd</c>, rejecting other forms and impossible dates (2026-02-30).</summary>
    public static bool TryParse(string? text, out IsoDate date)
    {
        if (text is { Length: 10 } &&
            DateTime.TryParseExact(text, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            date = new IsoDate(value);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>Parses exactly <c>yyyy-MM-dd</c>; throws <see cref="FormatException"/> otherwise.</summary>
    public static IsoDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a date of the form yyyy-MM-dd.");

    public static IsoDate FromDateTime(DateTime value) => new(value);

    public DateTime ToDateTime() => _value;

    public IsoDate AddDays(int days) => new(_value.AddDays(days));

    /// <summary>Adds calendar years; 29 February becomes 28 February in a non-leap year.</summary>
    public IsoDate AddYears(int years) => new(_value.AddYears(years));

    public IsoDate AddMonths(int months) => new(_value.AddMonths(months));

    /// <summary>Whole days from this date to <paramref name="other"/> (negative when other is earlier).</summary>
    public int DaysUntil(IsoDate other) => (int)(other._value - _value).TotalDays;

    public override string ToString() => _value.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    public bool Equals(IsoDate other) => _value == other._value;

    public override bool Equals(object? obj) => obj is IsoDate other && Equals(other);

    public override int GetHashCode() => _value.GetHashCode();

    public int CompareTo(IsoDate other) => _value.CompareTo(other._value);

    public static bool operator ==(IsoDate left, IsoDate right) => left.Equals(right);

    public static bool operator !=(IsoDate left, IsoDate right) => !left.Equals(right);

    public static bool operator <(IsoDate left, IsoDate right) => left.CompareTo(right) < 0;

    public static bool operator >(IsoDate left, IsoDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(IsoDate left, IsoDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IsoDate left, IsoDate right) => left.CompareTo(right) >= 0;
}
