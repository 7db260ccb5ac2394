using System.Globalization;

namespace Segmentation.Segments.Syntax;

/// <summary>
/// A duration as written in a rule: a whole number and a unit, e.g. <c>30d</c>. Kept as written (<c>14d</c> and
/// <c>2w</c> are different syntax with the same <see cref="Duration"/>); the JSON form is the rule text, e.g. <c>"30d"</c>.
/// </summary>
public sealed record RuleWindow(int Amount, WindowUnit Unit)
{
    /// <summary>The length in ticks, saturated at <see cref="long.MaxValue"/> (negative for a negative amount).</summary>
    public long Ticks
    {
        get
        {
            var unitTicks = Unit switch
            {
                WindowUnit.Minutes => TimeSpan.TicksPerMinute,
                WindowUnit.Hours => TimeSpan.TicksPerHour,
                WindowUnit.Days => TimeSpan.TicksPerDay,
                WindowUnit.Weeks => TimeSpan.TicksPerDay * 7,
                _ => throw new InvalidOperationException($"Unknown window unit {Unit}."),
            };
            var ticks = (Int128)Amount * unitTicks;
            return ticks > long.MaxValue ? long.MaxValue : ticks < long.MinValue ? long.MinValue : (long)ticks;
        }
    }

    public TimeSpan Duration => TimeSpan.FromTicks(Ticks);

    /// <summary>The unit's letter: m, h, d or w.</summary>
    public static char UnitLetter(WindowUnit unit) => unit switch
    {
        WindowUnit.Minutes => 'm',
        WindowUnit.Hours => 'h',
        WindowUnit.Days => 'd',
        WindowUnit.Weeks => 'w',
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown window unit."),
    };

    /// <summary>The unit of a letter (m, h, d, w, lower case); null for any other.</summary>
    public static WindowUnit? UnitOf(char letter) => letter switch
    {
        'm' => WindowUnit.Minutes,
        'h' => WindowUnit.Hours,
        'd' => WindowUnit.Days,
        'w' => WindowUnit.Weeks,
        _ => null,
    };

    /// <summary>The rule text, e.g. <c>30d</c>.</summary>
    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + UnitLetter(Unit);
}
