using Segmentation.Runtime.Hosting;
using Segmentation.Runtime.Scheduler;

namespace Segmentation.Runtime.Catalog;

internal sealed partial class Activation
{
    private List<Timers.GrainTimer>? _timers;

    private async ValueTask<bool> ActivateAsync()
    {
        try
        {
            var grain = TypeInfo.Create(Runtime.Services);
            grain.Attach(this);
            if (TypeInfo.IsDurable)
            {
                var snapshot = await Runtime.Storage.ReadSnapshotAsync(GrainId);
                if (snapshot is not null)
                {
                    ((IDurableGrain)grain).ReadSnapshot(snapshot.Data);
                    AppliedOffset = snapshot.AppliedOffset;
                    _lastSnapshotBytes = snapshot.Data.Length;
                }
            }

            _grain = grain;
            await grain.OnActivateAsync(CancellationToken.None);
            return true;
        }
        catch (Exception exception)
        {
            Log.ActivationFailed(exception, GrainId);
            Abandon(exception);
            return false;
        }
    }

    /// <summary>
    /// Drops the activation from inside a turn, without running anything more on it: everything queued behind fails
    /// with <paramref name="exception"/> (a record sent to it is skipped). The next call creates a new activation.
    /// </summary>
    public void Abandon(Exception exception)
    {
        StopTimers();
        var leftovers = Invalidate();
        RemoveFromCatalog();
        foreach (var item in leftovers)
        {
            item.Fail(exception);
        }
    }

    private async ValueTask<bool> DeactivateAsync(DeactivationReason reason)
    {
        try
        {
            await Grain.OnDeactivateAsync(reason, CancellationToken.None);
        }
        catch (Exception exception)
        {
            Log.DeactivationFailed(exception, GrainId);
        }

        if (TypeInfo.IsDurable && IsDirty && !await TryWriteOwnSnapshotAsync())
        {
            // Without its snapshot the state would exist only here: stay active and retry at the next collection.
            lock (_lock)
            {
                State = ActivationState.Valid;
            }

            return false;
        }

        StopTimers();
        var leftovers = Invalidate();
        RemoveFromCatalog();
        foreach (var item in leftovers.Where(static item => item is not TimerTickWorkItem))
        {
            Runtime.Catalog.Dispatch(GrainId, item);
        }

        return true;
    }

    private async ValueTask<bool> TryWriteOwnSnapshotAsync()
    {
        try
        {
            await Runtime.Checkpoints.WriteGrainSnapshotAsync(this);
            return true;
        }
        catch (Exception exception)
        {
            Log.DeactivationFailed(exception, GrainId);
            return false;
        }
    }

    internal void AddTimer(Timers.GrainTimer timer) => (_timers ??= []).Add(timer);

    internal void RemoveTimer(Timers.GrainTimer timer) => _timers?.Remove(timer);

    private void StopTimers()
    {
        if (_timers is null)
        {
            return;
        }

        foreach (var timer in _timers.ToArray())
        {
            timer.Dispose();
        }

        _timers = null;
    }
}
