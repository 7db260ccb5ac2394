namespace Segmentation.Grains.Segments;

/// <summary>
/// A segment's size over time at one resolution: entries and exits per bucket (by the deltas' time) for the last
/// <c>retained</c> buckets, and the size before the oldest of them. A bucket that falls out of the retention (as
/// newer deltas arrive) folds into that base size; a delta older than the retention goes straight into it.
/// </summary>
internal sealed class SegmentSizeSeries(TimeSpan bucket, int retained)
{
    private readonly SortedDictionary<long, (long Entered, long Left)> _buckets = [];
    private long _baseCount;
    private long? _latest;
    private long? _first;

    /// <summary>Counts one entry or exit at <paramref name="time"/>.</summary>
    public void Record(DateTimeOffset time, bool entered)
    {
        var index = time.UtcTicks / bucket.Ticks;
        _first = _first is { } first && first < index ? first : index;
        if (_latest is { } latest && index <= latest - retained)
        {
            _baseCount += entered ? 1 : -1;
            return;
        }

        var (inCount, outCount) = _buckets.GetValueOrDefault(index);
        _buckets[index] = entered ? (inCount + 1, outCount) : (inCount, outCount + 1);
        if (_latest is null || index > _latest)
        {
            _latest = index;
            Prune(index - retained);
        }
    }

    /// <summary>
    /// One point per bucket from the oldest retained (or the first ever, if later) to the one holding <paramref name="now"/>
    /// (or the latest delta, if later): the size at the end of the bucket and its entries and exits; buckets without
    /// deltas carry the size forward. Empty when no delta was ever recorded.
    /// </summary>
    public List<SegmentSizePoint> Points(DateTimeOffset now)
    {
        var points = new List<SegmentSizePoint>();
        if (_latest is not { } latest || _first is not { } first)
        {
            return points;
        }

        var end = Math.Max(now.UtcTicks / bucket.Ticks, latest);
        var start = Math.Max(end - retained + 1, first);
        var count = _baseCount;
        foreach (var (index, (entered, left)) in _buckets)
        {
            if (index >= start)
            {
                break;
            }

            count += entered - left;
        }

        for (var index = start; index <= end; index++)
        {
            var (entered, left) = _buckets.GetValueOrDefault(index);
            count += entered - left;
            points.Add(new SegmentSizePoint(new DateTimeOffset(index * bucket.Ticks, TimeSpan.Zero), count, entered, left));
        }

        return points;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_baseCount);
        writer.Write(_latest ?? long.MinValue);
        writer.Write(_first ?? long.MinValue);
        writer.Write7BitEncodedInt(_buckets.Count);
        foreach (var (index, (entered, left)) in _buckets)
        {
            writer.Write(index);
            writer.Write7BitEncodedInt64(entered);
            writer.Write7BitEncodedInt64(left);
        }
    }

    public void Read(BinaryReader reader)
    {
        _baseCount = reader.ReadInt64();
        _latest = reader.ReadInt64() is var latest && latest != long.MinValue ? latest : null;
        _first = reader.ReadInt64() is var first && first != long.MinValue ? first : null;
        _buckets.Clear();
        var count = reader.Read7BitEncodedInt();
        for (var i = 0; i < count; i++)
        {
            _buckets.Add(reader.ReadInt64(), (reader.Read7BitEncodedInt64(), reader.Read7BitEncodedInt64()));
        }
    }

    private void Prune(long through)
    {
        while (_buckets.Count > 0 && _buckets.First() is var (index, (entered, left)) && index <= through)
        {
            _baseCount += entered - left;
            _buckets.Remove(index);
        }
    }
}
