using Segmentation.Domain.Profiles;

namespace Segmentation.Segments.Evaluation;

/// <summary>Track events of one name on the event timeline, filtered; counted, or a numeric property summed.</summary>
internal sealed class EventWindowSource(string eventName, EventFilter? filter, string? sumProperty) : WindowSource<EventWindowSource.Entries>
{
    protected override Entries ReadEntries(ref EvaluationScope scope) => new(scope.Profile.GetEventTimeline(eventName), filter, sumProperty);

    internal readonly struct Entries(TrackedEventTimeline timeline, EventFilter? filter, string? sumProperty) : IWindowEntries
    {
        public int Count => timeline.Count;

        public long TicksAt(int index) => timeline.TicksAt(index);

        public int CountThrough(long ticks) => timeline.CountThrough(ticks);

        public decimal WeightAt(int index)
        {
            var entry = timeline[index];
            if (filter is not null && !filter.Matches(entry))
            {
                return 0m;
            }

            if (sumProperty is null)
            {
                return 1m;
            }

            return entry.TryGetNumber(sumProperty, out var number) ? number : 0m;
        }

        public decimal Sum(int start, int end, out bool nonNegative)
        {
            if (sumProperty is not null)
            {
                return WindowEntries.SumWeights(this, start, end, out nonNegative);
            }

            nonNegative = true;
            if (filter is null)
            {
                return end - start;
            }

            var count = 0;
            for (var i = start; i < end; i++)
            {
                if (filter.Matches(timeline[i]))
                {
                    count++;
                }
            }

            return count;
        }
    }
}
