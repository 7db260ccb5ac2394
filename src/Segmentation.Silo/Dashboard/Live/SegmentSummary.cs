using Segmentation.Grains.Segments;

namespace Segmentation.Silo.Dashboard.Live;

/// <summary>A segment with its trend: its size at the end of each of the last minutes, the live count last.</summary>
/// <param name="Segment">The definition and live figures.</param>
/// <param name="Trend">Sizes per minute over the last hour, oldest first; at least the live count.</param>
public sealed record SegmentSummary(SegmentInfo Segment, IReadOnlyList<long> Trend)
{
    /// <summary>The change over the trend's span (the last hour).</summary>
    public long Change => Trend[^1] - Trend[0];
}
