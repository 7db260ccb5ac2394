using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Domain.Triggers.Policies;

/// <summary>
/// Segment entry: one occurrence per entry into a watched segment, due at the entry; key <c>{segment}/{entered at}</c>,
/// cooldown per segment.
/// </summary>
public static class SegmentEntryTrigger
{
    /// <summary>The occurrences of the segments entered at <paramref name="enteredAt"/> that the trigger watches, in the given order.</summary>
    public static IReadOnlyList<TriggerDue> Occurrences(IEnumerable<string> enteredSegmentIds, DateTimeOffset enteredAt, SegmentEntrySettings settings)
    {
        ArgumentNullException.ThrowIfNull(enteredSegmentIds);
        ArgumentNullException.ThrowIfNull(settings);
        var watched = settings.SegmentIds ?? [];
        var dues = new List<TriggerDue>();
        foreach (var id in enteredSegmentIds)
        {
            if (Array.IndexOf(watched, id) < 0)
            {
                continue;
            }

            var key = TriggerKeys.Step(id, TriggerKeys.Instant(enteredAt));
            dues.Add(new TriggerDue(
                TriggerNames.SegmentEntry, enteredAt, key, key, id, settings.TemplateId, IncludeCart: false, ProductKey: null,
                TriggerProperties.One("segment", id)));
        }

        return dues;
    }

    /// <summary>Whether the customer is still in the occurrence's segment.</summary>
    public static bool Holds(TriggerContext context, string occurrenceKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.IsInSegment(TriggerKeys.Head(occurrenceKey));
    }
}
