using System.Globalization;

namespace Segmentation.Silo.Dashboard.Components.Pages.Triggers;

/// <summary>Durations as marketers read and enter them: an amount and a unit ("45 minutes", "1 day", "1.5 hours").</summary>
public static class DurationText
{
    /// <summary>The amount and the largest unit that shows <paramref name="value"/> exactly (minutes otherwise, with decimals).</summary>
    public static (string Amount, DurationUnit Unit) Split(TimeSpan value)
    {
        var unit = value.Ticks switch
        {
            0 => DurationUnit.Hours,
            var ticks when ticks % TimeSpan.TicksPerDay == 0 => DurationUnit.Days,
            var ticks when ticks % TimeSpan.TicksPerHour == 0 => DurationUnit.Hours,
            _ => DurationUnit.Minutes,
        };
        var amount = (decimal)value.Ticks / TicksPer(unit);
        return (amount.ToString("0.#######", CultureInfo.InvariantCulture), unit);
    }

    /// <summary>"45 minutes", "1 day", "0".</summary>
    public static string Describe(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0";
        }

        var (amount, unit) = Split(value);
        var name = unit.ToString().ToLowerInvariant();
        return amount == "1" ? $"1 {name[..^1]}" : $"{amount} {name}";
    }

    /// <summary>Reads an amount of <paramref name="unit"/> (a decimal point, no thousands separators); false when it is no number or too large.</summary>
    public static bool TryParse(string? amount, DurationUnit unit, out TimeSpan value)
    {
        value = default;
        if (!decimal.TryParse(amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite
                | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var perUnit = TicksPer(unit);
        if (Math.Abs(number) > TimeSpan.MaxValue.Ticks / perUnit)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)decimal.Round(number * perUnit));
        return true;
    }

    private static long TicksPer(DurationUnit unit) => unit switch
    {
        DurationUnit.Minutes => TimeSpan.TicksPerMinute,
        DurationUnit.Hours => TimeSpan.TicksPerHour,
        DurationUnit.Days => TimeSpan.TicksPerDay,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown unit."),
    };
}
