namespace Segmentation.Grains.Segments;

/// <summary>A segment's size history: per minute for 48 hours and per hour for 90 days.</summary>
internal sealed class SegmentSizeHistory
{
    private readonly SegmentSizeSeries _minutes = new(TimeSpan.FromMinutes(1), 48 * 60);
    private readonly SegmentSizeSeries _hours = new(TimeSpan.FromHours(1), 90 * 24);

    public void Record(DateTimeOffset time, bool entered)
    {
        _minutes.Record(time, entered);
        _hours.Record(time, entered);
    }

    public List<SegmentSizePoint> Points(SegmentHistoryResolution resolution, DateTimeOffset now) =>
        (resolution == SegmentHistoryResolution.Minute ? _minutes : _hours).Points(now);

    public void Write(BinaryWriter writer)
    {
        _minutes.Write(writer);
        _hours.Write(writer);
    }

    public void Read(BinaryReader reader)
    {
        _minutes.Read(reader);
        _hours.Read(reader);
    }
}
