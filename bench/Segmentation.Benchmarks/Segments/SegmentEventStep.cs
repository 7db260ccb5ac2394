using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;
using Segmentation.Grains.Segments;
using Segmentation.Segments.Evaluation;
using Segmentation.Tracking;

namespace Segmentation.Benchmarks.Segments;

/// <summary>
/// One event of a shopper as its customer grain meets it: the profile with the event applied, the instant, and the
/// grain's segment state before it (memberships and the memo of its last evaluation, a minute to an hour earlier,
/// after the reminders due in between fired). <see cref="Evaluate"/> does the grain's segment work for the event and
/// puts the memberships back, so the step can run again.
/// </summary>
public sealed class SegmentEventStep
{
    private readonly Dictionary<string, SegmentMembershipEntry> _before;
    private readonly Dictionary<string, SegmentMembershipEntry> _memberships;
    private readonly SegmentSetMemo _memo;

    private SegmentEventStep(TrackingMessage message, CustomerProfile profile, DateTimeOffset asOf, Dictionary<string, SegmentMembershipEntry> memberships, SegmentSetMemo memo)
    {
        Message = message;
        Profile = profile;
        AsOf = asOf;
        _before = memberships;
        _memberships = new Dictionary<string, SegmentMembershipEntry>(memberships, StringComparer.Ordinal);
        _memo = memo;
    }

    public TrackingMessage Message { get; }

    public CustomerProfile Profile { get; }

    public DateTimeOffset AsOf { get; }

    /// <summary>
    /// The steps of <paramref name="messages"/>, each sent to the shopper whose history is <paramref name="history"/>
    /// (snapshot bytes) a minute to an hour after its last evaluation at <paramref name="end"/>.
    /// </summary>
    public static List<SegmentEventStep> Create(
        SegmentDefinitionSet set, byte[] history, DateTimeOffset end, IReadOnlyList<TrackingMessage> messages, RfmCutPoints cutPoints)
    {
        var steps = new List<SegmentEventStep>(messages.Count);
        var changes = new List<SegmentMembershipChange>();
        for (var i = 0; i < messages.Count; i++)
        {
            var profile = CustomerProfileSerializer.Deserialize(history);
            var memberships = new Dictionary<string, SegmentMembershipEntry>(StringComparer.Ordinal);
            var memo = default(SegmentSetMemo);
            var asOf = end.AddMinutes(1 + (i % 60));
            var next = SegmentMembershipEvaluator.Evaluate(set, profile, Context(end, cutPoints), memberships, changes, SegmentInputChange.Everything, ref memo);
            while (next is { } due && due <= asOf)
            {
                next = SegmentMembershipEvaluator.Evaluate(set, profile, Context(due, cutPoints), memberships, changes, SegmentInputChange.Everything, ref memo);
            }

            var message = messages[i] with { UserId = "shopper", MessageId = $"step-{i}", Timestamp = asOf, ReceivedAt = asOf };
            profile.Apply(message);
            steps.Add(new SegmentEventStep(message, profile, asOf, memberships, memo));
        }

        return steps;
    }

    /// <summary>The grain's segment work for the event; <paramref name="whole"/> evaluates every segment without a memo, as the grain did before.</summary>
    public DateTimeOffset? Evaluate(SegmentDefinitionSet set, RfmCutPoints cutPoints, List<SegmentMembershipChange> changes, bool whole)
    {
        changes.Clear();
        var memo = _memo;
        var next = whole
            ? SegmentMembershipEvaluator.Evaluate(set, Profile, Context(AsOf, cutPoints), _memberships, changes)
            : SegmentMembershipEvaluator.Evaluate(set, Profile, Context(AsOf, cutPoints), _memberships, changes, SegmentInputChange.Of(Message), ref memo);
        foreach (var membership in changes)
        {
            var id = membership.Segment.Id;
            if (membership.Entered)
            {
                _memberships.Remove(id);
            }
            else
            {
                _memberships[id] = _before[id];
            }
        }

        return next;
    }

    private static SegmentEvaluationContext Context(DateTimeOffset asOf, RfmCutPoints cutPoints) =>
        new(asOf) { RfmCutPoints = cutPoints, LifecycleOptions = LifecycleOptions.Default };
}
