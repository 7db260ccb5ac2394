namespace Segmentation.Client;

/// <summary>The mutable counters behind <see cref="TrackingClientStatistics"/>; updated with interlocked operations.</summary>
internal sealed class ClientCounters
{
    private long _enqueued;
    private long _sent;
    private long _dropped;
    private long _failed;
    private long _abandoned;
    private long _retries;
    private int _inFlight;

    public void AddEnqueued() => Interlocked.Increment(ref _enqueued);

    public void AddSent(int count) => Interlocked.Add(ref _sent, count);

    public void AddDropped() => Interlocked.Increment(ref _dropped);

    public void AddFailed(int count) => Interlocked.Add(ref _failed, count);

    public void AddAbandoned(int count) => Interlocked.Add(ref _abandoned, count);

    public void AddRetry() => Interlocked.Increment(ref _retries);

    public int InFlight
    {
        get => Volatile.Read(ref _inFlight);
        set => Volatile.Write(ref _inFlight, value);
    }

    public TrackingClientStatistics Snapshot(int queued) => new()
    {
        Enqueued = Interlocked.Read(ref _enqueued),
        Sent = Interlocked.Read(ref _sent),
        Dropped = Interlocked.Read(ref _dropped),
        Failed = Interlocked.Read(ref _failed),
        Abandoned = Interlocked.Read(ref _abandoned),
        Retries = Interlocked.Read(ref _retries),
        Queued = queued,
        InFlight = InFlight,
    };
}
