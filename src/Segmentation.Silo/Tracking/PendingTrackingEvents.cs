using Microsoft.Extensions.Options;

namespace Segmentation.Silo.Tracking;

/// <summary>
/// Counts the tracking events this silo has accepted but whose group commit has not completed yet, and refuses
/// reservations past <see cref="TrackingOptions.MaxPendingEvents"/>, so that a silo whose storage cannot keep up
/// answers 429 instead of buffering without bound. A reservation is always granted when nothing is pending, so
/// one request larger than the bound still goes through on its own.
/// </summary>
internal sealed class PendingTrackingEvents
{
    private long _pending;
    private int _overloaded;

    public PendingTrackingEvents(IOptions<TrackingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Limit = options.Value.MaxPendingEvents;
    }

    /// <summary>The bound (<see cref="TrackingOptions.MaxPendingEvents"/>).</summary>
    public int Limit { get; }

    /// <summary>Events reserved and not yet released.</summary>
    public long Count => Interlocked.Read(ref _pending);

    /// <summary>True when no further event can be reserved now (a cheap check before reading a body).</summary>
    public bool IsFull => Count >= Limit;

    /// <summary>Reserves room for <paramref name="count"/> events; false when that would exceed the bound.</summary>
    public bool TryReserve(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var current = Interlocked.Read(ref _pending);
        while (true)
        {
            if (current > 0 && current + count > Limit)
            {
                return false;
            }

            var observed = Interlocked.CompareExchange(ref _pending, current + count, current);
            if (observed == current)
            {
                return true;
            }

            current = observed;
        }
    }

    /// <summary>Releases a reservation once its append completed (or failed).</summary>
    public void Release(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Interlocked.Add(ref _pending, -count);
    }

    /// <summary>Records that a request was refused; true only for the first refusal since the last granted reservation.</summary>
    public bool EnterOverload() => Interlocked.Exchange(ref _overloaded, 1) == 0;

    /// <summary>Records that a reservation was granted; true only for the first grant after a refusal.</summary>
    public bool LeaveOverload() => Volatile.Read(ref _overloaded) == 1 && Interlocked.Exchange(ref _overloaded, 0) == 1;
}
