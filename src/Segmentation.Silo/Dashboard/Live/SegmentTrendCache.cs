using Segmentation.Grains.Segments;

namespace Segmentation.Silo.Dashboard.Live;

/// <summary>
/// The segments' size per minute over the last hour, read from their size history at most every
/// <see cref="RefreshInterval"/>; the live count always replaces the current minute's point, so a trend moves with
/// every sample while the history is read far less often.
/// </summary>
internal sealed class SegmentTrendCache(SegmentDirectory segments)
{
    /// <summary>Minutes in a trend.</summary>
    public const int Points = 60;

    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private Dictionary<string, long[]> _history = new(StringComparer.Ordinal);
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    /// <summary>Each segment with its trend, largest first; reads the histories again when they are older than the interval.</summary>
    public async Task<IReadOnlyList<SegmentSummary>> SummarizeAsync(
        IReadOnlyList<SegmentInfo> list, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now - _refreshedAt >= RefreshInterval || list.Any(s => !_history.ContainsKey(s.Id)))
        {
            var histories = await Task.WhenAll(list.Select(async segment =>
                (segment.Id, Points: await segments.GetHistoryAsync(segment.Id, SegmentHistoryResolution.Minute, cancellationToken) ?? [])));
            _history = histories.ToDictionary(
                static h => h.Id, static h => h.Points.TakeLast(Points).Select(static p => p.Count).ToArray(), StringComparer.Ordinal);
            _refreshedAt = now;
        }

        return list
            .Select(segment => new SegmentSummary(segment, WithLiveCount(_history.GetValueOrDefault(segment.Id) ?? [], segment.Count)))
            .OrderByDescending(static s => s.Segment.Count)
            .ThenBy(static s => s.Segment.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    private static long[] WithLiveCount(long[] history, long count)
    {
        if (history.Length == 0)
        {
            return [count];
        }

        var trend = (long[])history.Clone();
        trend[^1] = count;
        return trend;
    }
}
