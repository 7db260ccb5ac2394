namespace Segmentation.Segments.Evaluation;

/// <summary>
/// A condition on the RFM scores or the lifecycle stage: its truth can change only where the evaluation's
/// <see cref="StageSchedule"/> lists a change, so it is tested there, with the scores and stage the schedule holds.
/// </summary>
internal sealed class ScheduledAtom(ScopeTest test) : TemporalAtom
{
    public override bool Evaluate(ref EvaluationScope scope) => test(ref scope);

    public override bool Evaluate(ref EvaluationScope scope, long limit, out long flip)
    {
        var schedule = scope.Schedule;
        var truth = test(ref scope);
        for (var i = 0; schedule.TryGetInstant(i, out var ticks) && ticks < limit; i++)
        {
            if (ticks <= scope.AsOfTicks)
            {
                continue;
            }

            var at = scope.AtScheduled(i, ticks);
            if (test(ref at) != truth)
            {
                flip = ticks;
                return truth;
            }
        }

        flip = long.MaxValue;
        return truth;
    }
}
