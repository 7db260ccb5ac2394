using Segmentation.Domain.Profiles;

namespace Segmentation.Segments.Evaluation;

/// <summary>Product views, cart adds, order counts or order revenue (the profile's own window timelines).</summary>
internal sealed class SeriesWindowSource(WindowSeries series, bool revenue) : WindowSource<SeriesWindowSource.Entries>
{
    protected override Entries ReadEntries(ref EvaluationScope scope) => new(scope.Profile.GetWindowTimeline(series), revenue);

    internal readonly struct Entries(WindowTimeline timeline, bool revenue) : IWindowEntries
    {
        public int Count => timeline.Count;

        public long TicksAt(int index) => timeline.TicksAt(index);

        public int CountThrough(long ticks) => timeline.CountThrough(ticks);

        public decimal WeightAt(int index) => revenue ? timeline[index].Amount : 1m;

        public decimal Sum(int start, int end, out bool nonNegative)
        {
            if (revenue)
            {
                return WindowEntries.SumWeights(this, start, end, out nonNegative);
            }

            nonNegative = true;
            return end - start;
        }
    }
}
