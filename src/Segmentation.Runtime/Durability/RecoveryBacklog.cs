using Segmentation.Runtime.Scheduler;
using Segmentation.Runtime.Storage;

namespace Segmentation.Runtime.Durability;

/// <summary>
/// The records after each partition's checkpoint, by target grain in log order, until they are applied: their index
/// entries only (offset, grain, locator), which is all recovery reads before the silo is ready. A grain's records are
/// handed to its activation, ahead of anything else queued there, by whatever reaches it first: a call, a new record,
/// a timer tick, or the silo's catch-up, which goes through the grains in the order of their first record with a
/// bounded number of records in flight. The turn that applies them reads their bodies first (see
/// <see cref="ApplyBacklogWorkItem"/>). Until then they are held in their partition, so no checkpoint covers them.
/// </summary>
internal sealed class RecoveryBacklog
{
    private readonly Dictionary<GrainId, GrainBacklog>[] _byPartition;
    private readonly List<GrainBacklog>[] _order;
    private readonly Lock _lock = new();
    private long _remaining;
    private long _inFlight;
    private TaskCompletionSource? _capacity;
    private long _resumeAt;
    private TaskCompletionSource? _empty;
    private Exception? _failure;

    public RecoveryBacklog(int partitionCount)
    {
        _byPartition = [.. Enumerable.Range(0, partitionCount).Select(static _ => new Dictionary<GrainId, GrainBacklog>())];
        _order = [.. Enumerable.Range(0, partitionCount).Select(static _ => new List<GrainBacklog>())];
    }

    /// <summary>Records read and not applied yet.</summary>
    public long Remaining => Interlocked.Read(ref _remaining);

    /// <summary>
    /// Adds a record of <paramref name="partition"/>'s log, by its index entry, and holds it there. One caller per
    /// partition, in offset order, before the backlog is published to the activations.
    /// </summary>
    public void Add(PartitionState partition, LogIndexEntry entry)
    {
        var grains = _byPartition[partition.Partition];
        if (!grains.TryGetValue(entry.Target, out var grain))
        {
            grain = new GrainBacklog(entry.Target, partition);
            grains.Add(entry.Target, grain);
            _order[partition.Partition].Add(grain);
        }

        grain.Records!.Add(entry);
        partition.Held(entry.Offset);
        Interlocked.Increment(ref _remaining);
    }

    /// <summary>Whether the grain still has records to hand over.</summary>
    public bool Holds(GrainId grainId, int partition) =>
        _byPartition[partition].TryGetValue(grainId, out var grain) && Volatile.Read(ref grain.Records) is not null;

    /// <summary>
    /// Takes the grain's records, if it still has any, and queues one turn that reads and applies them in log order.
    /// Called under the lock of the activation that owns <paramref name="queue"/>, so nothing is queued there between
    /// the take and the turn; nothing is read here.
    /// </summary>
    public void TakeInto(GrainId grainId, int partition, Queue<WorkItem> queue)
    {
        if (!_byPartition[partition].TryGetValue(grainId, out var grain)
            || Interlocked.Exchange(ref grain.Records, null) is not { } records)
        {
            return;
        }

        Interlocked.Add(ref _inFlight, records.Count);
        grain.Partition.Released(records.Count);
        queue.Enqueue(new ApplyBacklogWorkItem(records, grain.Partition, this));
    }

    /// <summary>
    /// The bodies of records taken from the grain could not be read: they are held again (no checkpoint covers them;
    /// the grain's next activation takes them again), and the catch-up fails with <paramref name="failure"/>.
    /// </summary>
    public void ReadFailed(GrainId grainId, PartitionState partition, List<LogIndexEntry> records, Exception failure)
    {
        partition.HeldAgain(records.Count);
        Volatile.Write(ref _byPartition[partition.Partition][grainId].Records, records);
        Interlocked.Add(ref _inFlight, -records.Count);
        TaskCompletionSource? capacity;
        TaskCompletionSource? empty;
        lock (_lock)
        {
            _failure ??= failure;
            (capacity, _capacity) = (_capacity, null);
            (empty, _empty) = (_empty, null);
        }

        capacity?.TrySetException(failure);
        empty?.TrySetException(failure);
    }

    /// <summary>The grains in the order of their first record, partitions taken in turn; the catch-up's order.</summary>
    public IEnumerable<GrainId> GrainsInLogOrder()
    {
        var longest = _order.Max(static grains => grains.Count);
        for (var i = 0; i < longest; i++)
        {
            foreach (var grains in _order)
            {
                if (i < grains.Count && Volatile.Read(ref grains[i].Records) is not null)
                {
                    yield return grains[i].GrainId;
                }
            }
        }
    }

    /// <summary>A record taken from the backlog was applied (or failed and was skipped).</summary>
    public void Applied()
    {
        var inFlight = Interlocked.Decrement(ref _inFlight);
        var remaining = Interlocked.Decrement(ref _remaining);
        TaskCompletionSource? capacity = null;
        TaskCompletionSource? empty = null;
        lock (_lock)
        {
            if (_capacity is not null && inFlight <= _resumeAt)
            {
                capacity = _capacity;
                _capacity = null;
            }

            if (remaining == 0)
            {
                empty = _empty;
                _empty = null;
            }
        }

        capacity?.TrySetResult();
        empty?.TrySetResult();
    }

    /// <summary>
    /// Completes at once while fewer than <paramref name="bound"/> records taken from the backlog wait to be applied;
    /// otherwise once at most half of <paramref name="bound"/> do, so that the catch-up hands over grains in runs.
    /// Faults once the bodies of a grain's records could not be read.
    /// </summary>
    public Task WhenInFlightBelowAsync(int bound, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_failure is not null)
            {
                return Task.FromException(_failure);
            }

            if (Interlocked.Read(ref _inFlight) < bound)
            {
                return Task.CompletedTask;
            }

            _resumeAt = bound / 2;
            _capacity ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _capacity.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Completes once every record read is applied; faults once the bodies of a grain's records could not be read.</summary>
    public Task WhenEmptyAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_failure is not null)
            {
                return Task.FromException(_failure);
            }

            if (Remaining == 0)
            {
                return Task.CompletedTask;
            }

            _empty ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _empty.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>One grain's records not yet handed to its activation; null once taken.</summary>
    private sealed class GrainBacklog(GrainId grainId, PartitionState partition)
    {
        public GrainId GrainId { get; } = grainId;

        public PartitionState Partition { get; } = partition;

        public List<LogIndexEntry>? Records = [];
    }
}
