using System;
using System.Collections.Generic;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Regulation;

/// <summary>
/// Working days for deadlines counted in working days (工作日), such as the 60-working-day window of Provisions 2024
/// Art. 9. The default counts Monday to Friday. PRC public holidays and the weekend days worked in exchange (调休) are
/// set by the State Council each year and are not built in [U]: supply them with <see cref="Create"/>. Without them the
/// window computed starts later than the real one by the number of holidays inside it.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<IsoDate> _holidays;
    private readonly HashSet<IsoDate> _workedWeekendDays;

    private WorkingDayCalendar(IEnumerable<IsoDate> holidays, IEnumerable<IsoDate> workedWeekendDays)
    {
        _holidays = new HashSet<IsoDate>(holidays);
        _workedWeekendDays = new HashSet<IsoDate>(workedWeekendDays);
    }

    /// <summary>Monday to Friday, no holidays.</summary>
    public static WorkingDayCalendar MondayToFriday { get; } = new(Array.Empty<IsoDate>(), Array.Empty<IsoDate>());

    /// <summary>Monday to Friday, except <paramref name="holidays"/>, plus <paramref name="workedWeekendDays"/>.</summary>
    public static WorkingDayCalendar Create(IEnumerable<IsoDate> holidays, IEnumerable<IsoDate>? workedWeekendDays = null) =>
        new(holidays ?? throw new ArgumentNullException(nameof(holidays)), workedWeekendDays ?? Array.Empty<IsoDate>());

    public bool IsWorkingDay(IsoDate date)
    {
        if (_workedWeekendDays.Contains(date))
        {
            return true;
        }

        if (_holidays.Contains(date))
        {
            return false;
        }

        var day = date.ToDateTime().DayOfWeek;
        return day != DayOfWeek.Saturday && day != DayOfWeek.Sunday;
    }

    /// <summary>The working day that is <paramref name="workingDays"/> working days before <paramref name="date"/> (the date itself not counted).</summary>
    public IsoDate SubtractWorkingDays(IsoDate date, int workingDays)
    {
        if (workingDays < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(workingDays));
        }

        var current = date;
        var counted = 0;
        while (counted < workingDays)
        {
            current = current.AddDays(-1);
            if (IsWorkingDay(current))
            {
                counted++;
            }
        }

        return current;
    }

    /// <summary>Working days in [<paramref name="from"/>, <paramref name="to"/>); 0 when <paramref name="to"/> is not later.</summary>
    public int CountWorkingDays(IsoDate from, IsoDate to)
    {
        var count = 0;
        for (var current = from; current < to; current = current.AddDays(1))
        {
            if (IsWorkingDay(current))
            {
                count++;
            }
        }

        return count;
    }
}
