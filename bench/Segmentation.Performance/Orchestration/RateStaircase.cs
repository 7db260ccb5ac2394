namespace Segmentation.Performance.Orchestration;

/// <summary>
/// Chooses the offered rate of each step: double from the start rate while the target keeps up (never past the
/// maximum, which is tried once); when even the start rate is too much, halve it (at most <see cref="MaxHalvings"/>
/// times); once a rate kept up and a higher one did not, bisect between them (geometric mean) at most
/// <paramref name="refinements"/> times. The sustained rate is the highest step kept up.
/// </summary>
public sealed class RateStaircase(double startRate, double maxRate, int refinements = 2)
{
    /// <summary>How often the start rate is halved before giving up.</summary>
    public const int MaxHalvings = 4;

    /// <summary>Steps closer than this ratio are not worth another run.</summary>
    private const double Resolution = 1.05;

    /// <summary>The next rate to offer after <paramref name="steps"/> (rate and whether it was kept up), or null to stop.</summary>
    public double? Next(IReadOnlyList<(double Rate, bool KeptUp)> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            return startRate;
        }

        var kept = steps.Where(static s => s.KeptUp).Select(static s => s.Rate).DefaultIfEmpty(0).Max();
        var failures = steps.Where(s => !s.KeptUp && s.Rate > kept).Select(static s => s.Rate).ToList();
        if (failures.Count == 0)
        {
            return kept >= maxRate ? null : Math.Min(kept * 2, maxRate);
        }

        var failed = failures.Min();
        if (kept <= 0)
        {
            return failures.Count > MaxHalvings ? null : failed / 2;
        }

        var bracketed = FirstBracketed(steps);
        var refinementsDone = steps.Count - bracketed - 1;
        return refinementsDone >= refinements || failed / kept < Resolution * Resolution ? null : Math.Sqrt(kept * failed);
    }

    /// <summary>The index of the first step after which some rate had been kept up and a higher one had not.</summary>
    private static int FirstBracketed(IReadOnlyList<(double Rate, bool KeptUp)> steps)
    {
        for (var index = 0; index < steps.Count; index++)
        {
            var seen = steps.Take(index + 1).ToList();
            var kept = seen.Where(static s => s.KeptUp).Select(static s => s.Rate).DefaultIfEmpty(0).Max();
            if (kept > 0 && seen.Any(s => !s.KeptUp && s.Rate > kept))
            {
                return index;
            }
        }

        return steps.Count - 1;
    }
}
