using Segmentation.Runtime.Catalog;

namespace Segmentation.Runtime.Durability;

/// <summary>
/// The bookkeeping of one partition log on its owner silo: the next offset to assign, which dispatched records
/// are applied (the low-water mark that a checkpoint may cover), and which activations changed since the last one.
/// Records recovery read but has not handed to their grains yet are held: they keep the low-water mark below them
/// like any record in flight, but waiting for the applied records does not wait for them.
/// </summary>
internal sealed class PartitionState(int partition)
{
    private readonly Lock _lock = new();
    private readonly Queue<long> _inFlight = new();
    private readonly HashSet<long> _done = [];
    private HashSet<Activation> _dirty = [];
    private readonly HashSet<Task> _outgoing = [];
    private TaskCompletionSource? _idle;
    private long _held;

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
            _held = 0;
        }
    }

    /// <summary>
    /// A record recovery read and holds until its grain is caught up; offsets are held in increasing order, before
    /// any record is dispatched. <see cref="Released"/> says when it is handed to its activation.
    /// </summary>
    public void Held(long offset)
    {
        lock (_lock)
        {
            _inFlight.Enqueue(offset);
            _held++;
        }
    }

    /// <summary><paramref name="count"/> held records were handed to their activation.</summary>
    public void Released(int count)
    {
        lock (_lock)
        {
            _held -= count;
        }
    }

    /// <summary>
    /// <paramref name="count"/> released records could not be applied (their bodies could not be read): they are held
    /// again, still below every checkpoint, and waiting for the applied records no longer waits for them.
    /// </summary>
    public void HeldAgain(int count)
    {
        TaskCompletionSource? idle = null;
        lock (_lock)
        {
            _held += count;
            if (Outstanding == 0)
            {
                idle = _idle;
                _idle = null;
            }
        }

        idle?.TrySetResult();
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

            if (Outstanding == 0)
            {
                idle = _idle;
                _idle = null;
            }
        }

        idle?.TrySetResult();
    }

    /// <summary>Dispatched records not applied yet (the done and held ones wait in the queue behind its head).</summary>
    private long Outstanding => _inFlight.Count - _done.Count - _held;

    /// <summary>Completes when every record dispatched so far is applied (held records are not waited for).</summary>
    public Task WhenAppliedAsync()
    {
        lock (_lock)
        {
            if (Outstanding == 0)
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
                return Outstanding == 0 && _outgoing.Count == 0;
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
