namespace Segmentation.Performance.Orchestration;

/// <summary>
/// Chooses the offered rate of each step: double from the start rate while the target keeps up (never past the
/// maximum, which is tried once), then bisect (geometric mean) between the highest rate kept up and the lowest not,
/// at most <paramref name="refinements"/> times. The sustained rate is the highest step kept up.
/// </summary>
public sealed class RateStaircase(double startRate, double maxRate, int refinements = 2)
{
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
        var firstFailure = steps.ToList().FindIndex(static s => !s.KeptUp);
        if (firstFailure < 0)
        {
            return kept >= maxRate ? null : Math.Min(kept * 2, maxRate);
        }

        var failed = steps.Where(static s => !s.KeptUp).Min(static s => s.Rate);
        var refinementsDone = steps.Count - firstFailure - 1;
        if (kept <= 0 || refinementsDone >= refinements || failed / kept < Resolution * Resolution)
        {
            return null;
        }

        return Math.Sqrt(kept * failed);
    }
}
