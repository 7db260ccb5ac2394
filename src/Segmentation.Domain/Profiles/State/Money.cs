namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// Money arithmetic in <see cref="decimal"/> with one canonical representation: every stored amount has its
/// trailing zeros removed, so the same value reached in a different order of additions has the same bits
/// (and the same snapshot bytes).
/// </summary>
internal static class Money
{
    public static decimal Normalize(decimal value)
    {
        if (value == 0m)
        {
            return 0m;
        }

        while (value.Scale > 0)
        {
            var shorter = decimal.Round(value, value.Scale - 1);
            if (shorter != value)
            {
                break;
            }

            value = shorter;
        }

        return value;
    }

    /// <summary>The sum, saturating at the range of <see cref="decimal"/> (an absurd amount in an event must not fail the fold).</summary>
    public static decimal Add(decimal left, decimal right)
    {
        try
        {
            return Normalize(left + right);
        }
        catch (OverflowException)
        {
            return left > 0m ? decimal.MaxValue : decimal.MinValue;
        }
    }

    /// <summary>The product, saturating at the range of <see cref="decimal"/>.</summary>
    public static decimal Multiply(decimal value, decimal factor)
    {
        try
        {
            return Normalize(value * factor);
        }
        catch (OverflowException)
        {
            return (value > 0m) == (factor > 0m) ? decimal.MaxValue : decimal.MinValue;
        }
    }

    /// <summary>The amount in cents, rounded half away from zero and clamped to the range of <see cref="long"/>.</summary>
    public static long ToCents(decimal value)
    {
        const decimal limit = long.MaxValue / 100;
        if (value >= limit)
        {
            return long.MaxValue;
        }

        if (value <= -limit)
        {
            return long.MinValue;
        }

        return (long)decimal.Round(value * 100m, 0, MidpointRounding.AwayFromZero);
    }
}
