using Segmentation.Runtime.Catalog;

namespace Segmentation.Runtime.Durability;

/// <summary>
/// The bookkeeping of one partition log on its owner silo: the next offset to assign, which dispatched records
/// are applied (the low-water mark that a checkpoint may cover), and which activations changed since the last one.
/// </summary>
internal sealed class PartitionState(int partition)
{
    private readonly Lock _lock = new();
    private readonly Queue<long> _inFlight = new();
    private readonly HashSet<long> _done = [];
    private HashSet<Activation> _dirty = [];
    private readonly HashSet<Task> _outgoing = [];
    private TaskCompletionSource? _idle;

    public int Partition { get; } = partition;

    /// <summary>The next offset the group commit assigns; owned by the writer loop.</summary>
    public long NextOffset { get; set; } = 1;

    /// <summary>The checkpoint offset last written to storage.</summary>
    public long StoredCheckpoint { get; set; }

    /// <summary>Every dispatched record at or below this offset is applied.</summary>
    public long AppliedThrough { get; private set; }

    public void Reset(long checkpoint, long lastOffset)
    {
        lock (_lock)
        {
            StoredCheckpoint = checkpoint;
            AppliedThrough = checkpoint;
            NextOffset = lastOffset + 1;
            _inFlight.Clear();
            _done.Clear();
        }
    }

    /// <summary>A record was handed to its activation; offsets are dispatched in increasing order.</summary>
    public void Dispatched(long offset)
    {
        lock (_lock)
        {
            _inFlight.Enqueue(offset);
        }
    }

    public void Completed(long offset)
    {
        TaskCompletionSource? idle = null;
        lock (_lock)
        {
            _done.Add(offset);
            while (_inFlight.TryPeek(out var head) && _done.Remove(head))
            {
                _inFlight.Dequeue();
                AppliedThrough = head;
            }

            if (_inFlight.Count == 0)
            {
                idle = _idle;
                _idle = null;
            }
        }

        idle?.TrySetResult();
    }

    /// <summary>Completes when every record dispatched so far is applied.</summary>
    public Task WhenAppliedAsync()
    {
        lock (_lock)
        {
            if (_inFlight.Count == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    public void MarkDirty(Activation activation)
    {
        lock (_lock)
        {
            _dirty.Add(activation);
        }
    }

    /// <summary>An append made by a grain of this partition; a checkpoint waits for it before covering the turn.</summary>
    public void TrackOutgoing(Task append)
    {
        lock (_lock)
        {
            _outgoing.Add(append);
        }

        append.ContinueWith(
            static (task, state) =>
            {
                var self = (PartitionState)state!;
                lock (self._lock)
                {
                    self._outgoing.Remove(task);
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Completes when every append grains of this partition made so far is durable (or failed).</summary>
    public Task WhenOutgoingDurableAsync()
    {
        lock (_lock)
        {
            return _outgoing.Count == 0 ? Task.CompletedTask : Task.WhenAll(_outgoing.ToArray()).ContinueWith(
                static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Nothing in flight: every dispatched record applied and every grain append durable.</summary>
    public bool IsQuiet
    {
        get
        {
            lock (_lock)
            {
                return _inFlight.Count == 0 && _outgoing.Count == 0;
            }
        }
    }

    public HashSet<Activation> TakeDirty()
    {
        lock (_lock)
        {
            var dirty = _dirty;
            _dirty = [];
            return dirty;
        }
    }
}
