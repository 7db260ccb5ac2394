using Segmentation.Domain.Profiles;
using Segmentation.Segments.Evaluation;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Tests.Support;

/// <summary>
/// The straightforward next change, to check the fast one against: every instant at which anything a rule reads can
/// change (each event time and each UTC midnight of the history, plus each window of the rule and each lifecycle
/// threshold; every UTC midnight ahead, for the RFM recency), tried in order until the result differs.
/// </summary>
internal static class BruteForceNextChange
{
    private static readonly TimeSpan[] LifecycleThresholds = [TimeSpan.FromDays(30), TimeSpan.FromDays(60)];

    /// <summary>The first candidate instant within <paramref name="horizon"/> of the as-of at which the result differs; null for none.</summary>
    public static DateTimeOffset? Find(
        CompiledSegmentRule rule, CustomerProfile profile, SegmentEvaluationContext context, IEnumerable<DateTimeOffset> eventTimes, TimeSpan horizon)
    {
        var now = rule.Evaluate(profile, context);
        foreach (var candidate in Candidates(rule.Rule, context.AsOf, eventTimes, horizon))
        {
            if (rule.Evaluate(profile, context with { AsOf = candidate }) != now)
            {
                return candidate;
            }
        }

        return null;
    }

    private static IEnumerable<DateTimeOffset> Candidates(RuleExpression rule, DateTimeOffset asOf, IEnumerable<DateTimeOffset> eventTimes, TimeSpan horizon)
    {
        var times = eventTimes.ToList();
        var history = Midnights(times.Min().AddDays(-30), asOf);
        var shifts = Windows(rule).Concat(LifecycleThresholds).Append(TimeSpan.Zero).ToList();
        var end = asOf + horizon;
        return times.Concat(history)
            .SelectMany(time => shifts.Select(shift => time + shift))
            .Concat(Midnights(asOf, end))
            .Where(candidate => candidate > asOf && candidate <= end)
            .Distinct()
            .Order();
    }

    private static IEnumerable<DateTimeOffset> Midnights(DateTimeOffset from, DateTimeOffset to)
    {
        for (var day = new DateTimeOffset(from.UtcDateTime.Date, TimeSpan.Zero); day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static IEnumerable<TimeSpan> Windows(RuleExpression expression) => expression switch
    {
        AndExpression and => and.Operands.SelectMany(Windows),
        OrExpression or => or.Operands.SelectMany(Windows),
        NotExpression not => Windows(not.Operand),
        RecencyCondition recency => [recency.Window.Duration],
        ComparisonCondition c => Windows(c.Subject),
        InListCondition c => Windows(c.Subject),
        PresenceCondition c => Windows(c.Subject),
        _ => [],
    };

    private static IEnumerable<TimeSpan> Windows(RuleOperand operand) => operand switch
    {
        WindowOperand window => [window.Window.Duration],
        EventCountOperand { Window: { } window } => [window.Duration],
        EventSumOperand sum => [sum.Window.Duration],
        _ => [],
    };
}
