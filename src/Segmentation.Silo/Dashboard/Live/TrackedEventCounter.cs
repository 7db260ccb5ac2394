namespace Segmentation.Silo.Dashboard.Live;

/// <summary>Counts the tracking events made durable since the silo started (what the overview's events per second come from).</summary>
internal sealed class TrackedEventCounter
{
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public void Add(int count) => Interlocked.Add(ref _total, count);
}
