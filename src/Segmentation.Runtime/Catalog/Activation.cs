using Microsoft.Extensions.Logging;
using Segmentation.Runtime.Scheduler;

namespace Segmentation.Runtime.Catalog;

/// <summary>
/// One live grain: its instance and its queue of turns. Exactly one exclusive turn runs at a time; consecutive
/// read-only turns may run together. Calls that arrive while it is being collected move to the next activation.
/// </summary>
internal sealed partial class Activation : IThreadPoolWorkItem
{
    private readonly Lock _lock = new();
    private readonly Queue<WorkItem> _queue = new();
    private bool _scheduled;
    private bool _deactivateRequested;
    private Grain? _grain;
    private TaskCompletionSource? _collected;

    public Activation(SiloRuntime runtime, GrainId grainId, GrainTypeInfo typeInfo)
    {
        Runtime = runtime;
        GrainId = grainId;
        TypeInfo = typeInfo;
        Partition = runtime.PartitionMap.GetPartition(grainId);
        LastUsedTimestamp = runtime.TimeProvider.GetTimestamp();
        _queue.Enqueue(new ActionWorkItem<bool>(static activation => activation.ActivateAsync()));
    }

    public SiloRuntime Runtime { get; }

    public GrainId GrainId { get; }

    public GrainTypeInfo TypeInfo { get; }

    public int Partition { get; }

    public ILogger Log => Runtime.Logger;

    public ActivationState State { get; private set; }

    /// <summary>When the last call was queued, in <see cref="TimeProvider.GetTimestamp"/> units.</summary>
    public long LastUsedTimestamp { get; private set; }

    public Grain Grain => _grain ?? throw new InvalidOperationException($"{GrainId} is not activated.");

    /// <summary>
    /// Queues a turn, behind the grain's records recovery has not applied yet (taken from the backlog in the same
    /// step); false when the activation is gone and the caller must look it up again.
    /// </summary>
    public bool TryEnqueue(WorkItem item, bool touch = true) => TryEnqueueCore(item, touch);

    /// <summary>Queues the grain's records recovery has not applied yet, if any; false when the activation is gone.</summary>
    public bool TryTakeBacklog() => TryEnqueueCore(null, touch: false);

    private bool TryEnqueueCore(WorkItem? item, bool touch)
    {
        lock (_lock)
        {
            if (State == ActivationState.Invalid)
            {
                return false;
            }

            Runtime.Backlog?.TakeInto(GrainId, Partition, _queue);
            if (item is not null)
            {
                _queue.Enqueue(item);
            }

            if (_queue.Count == 0)
            {
                return true;
            }

            if (touch)
            {
                LastUsedTimestamp = Runtime.TimeProvider.GetTimestamp();
            }

            if (_scheduled)
            {
                return true;
            }

            _scheduled = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return true;
    }

    /// <summary>
    /// Claims the activation for a turn its caller runs at once on its own thread: true when it is activated with
    /// nothing queued or running (the caller then runs the turn and calls <see cref="EndInlineTurn"/>); false when the
    /// turn must be queued instead. Calls that arrive meanwhile queue behind it.
    /// </summary>
    public bool TryBeginInlineTurn()
    {
        lock (_lock)
        {
            if (State != ActivationState.Valid || _scheduled || _queue.Count != 0 || _grain is null
                || Runtime.Backlog?.Holds(GrainId, Partition) == true)
            {
                return false;
            }

            _scheduled = true;
            return true;
        }
    }

    /// <summary>Ends a turn begun with <see cref="TryBeginInlineTurn"/>: what was queued meanwhile runs next.</summary>
    public void EndInlineTurn()
    {
        lock (_lock)
        {
            if (_queue.Count == 0 && !_deactivateRequested)
            {
                _scheduled = false;
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>Starts collection when nothing is queued or running; false otherwise.</summary>
    public bool TryStartDeactivation(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (State != ActivationState.Valid || _scheduled || _queue.Count != 0)
            {
                return false;
            }

            State = ActivationState.Deactivating;
            _queue.Enqueue(DeactivationItem(reason));
            _scheduled = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return true;
    }

    /// <summary>Collects the activation after whatever is queued now, even when busy (silo stop).</summary>
    public Task DeactivateAfterQueueAsync(DeactivationReason reason)
    {
        var item = DeactivationItem(reason);
        lock (_lock)
        {
            if (State != ActivationState.Valid)
            {
                return Task.CompletedTask;
            }

            State = ActivationState.Deactivating;
        }

        return TryEnqueue(item) ? item.Task : Task.CompletedTask;
    }

    void IThreadPoolWorkItem.Execute() => _ = RunAsync();

    private async Task RunAsync()
    {
        while (true)
        {
            WorkItem item;
            List<WorkItem>? readers = null;
            lock (_lock)
            {
                if (State == ActivationState.Invalid)
                {
                    return;
                }

                if (!_queue.TryDequeue(out var next))
                {
                    if (!_deactivateRequested || State != ActivationState.Valid)
                    {
                        _scheduled = false;
                        return;
                    }

                    State = ActivationState.Deactivating;
                    next = DeactivationItem(DeactivationReason.Requested);
                }

                item = next;
                if (item.IsReadOnly)
                {
                    readers = [item];
                    while (_queue.TryPeek(out var following) && following.IsReadOnly)
                    {
                        readers.Add(_queue.Dequeue());
                    }
                }
            }

            if (readers is null)
            {
                await item.ExecuteAsync(this);
            }
            else
            {
                await RunReadersAsync(readers);
            }
        }
    }

    private async Task RunReadersAsync(List<WorkItem> readers)
    {
        var running = new Task[readers.Count];
        for (var i = 0; i < readers.Count; i++)
        {
            running[i] = readers[i].ExecuteAsync(this).AsTask();
        }

        await Task.WhenAll(running);
    }

    private static ActionWorkItem<bool> DeactivationItem(DeactivationReason reason) =>
        new(activation => activation.DeactivateAsync(reason));

    /// <summary>Completes once the activation is gone from the catalog.</summary>
    public Task WhenCollectedAsync()
    {
        lock (_lock)
        {
            if (State == ActivationState.Invalid)
            {
                return Task.CompletedTask;
            }

            _collected ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _collected.Task;
        }
    }

    /// <summary>Marks the activation gone and hands back what is still queued, for the next activation.</summary>
    private List<WorkItem> Invalidate()
    {
        lock (_lock)
        {
            State = ActivationState.Invalid;
            _scheduled = false;
            List<WorkItem> leftovers = [.. _queue];
            _queue.Clear();
            return leftovers;
        }
    }

    /// <summary>Leaves the catalog; whoever waits for the collection is released.</summary>
    private void RemoveFromCatalog()
    {
        Runtime.Catalog.Remove(this);
        TaskCompletionSource? collected;
        lock (_lock)
        {
            collected = _collected;
        }

        collected?.TrySetResult();
    }

    public void RequestDeactivateOnIdle()
    {
        lock (_lock)
        {
            _deactivateRequested = true;
        }
    }
}
