using Segmentation.Runtime.Catalog;
using Segmentation.Runtime.Hosting;
using Segmentation.Runtime.Storage;

namespace Segmentation.Runtime.Reminders;

internal sealed partial class ReminderService
{
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _plannedWakeTicks = long.MaxValue;

    /// <summary>Loads from storage every reminder of every partition due at or before <paramref name="horizon"/>.</summary>
    public async Task RefreshAsync(DateTimeOffset horizon, CancellationToken cancellationToken = default)
    {
        for (var partition = 0; partition < _partitions.Length; partition++)
        {
            var reminders = _partitions[partition];
            await reminders.StoreSync.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await RefreshPartitionAsync(partition, reminders, horizon, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                reminders.StoreSync.Release();
            }
        }
    }

    private async Task RefreshPartitionAsync(
        int partition, PartitionReminders reminders, DateTimeOffset horizon, CancellationToken cancellationToken)
    {
        var limit = runtime.Options.ReminderLoadBatch;
        while (true)
        {
            var stored = await runtime.Storage.ReadDueAsync(partition, horizon, limit, cancellationToken).ConfigureAwait(false);

            // A full batch may have left out reminders due at its last due time: cover only what is before it.
            var reached = stored.Count < limit ? horizon : stored[^1].DueAt.AddTicks(-1);
            lock (reminders.Sync)
            {
                if (reached <= reminders.Horizon && stored.Count == limit)
                {
                    // The whole batch shares one due time (or what precedes it is known): read a larger one.
                    limit *= 2;
                    continue;
                }

                if (reached > reminders.Horizon)
                {
                    reminders.Extend([.. stored.Where(entry => entry.DueAt <= reached)], reached);
                }

                return;
            }
        }
    }

    /// <summary>The earliest due time of a reminder held in memory, if any.</summary>
    public DateTimeOffset? EarliestDue()
    {
        DateTimeOffset? earliest = null;
        foreach (var reminders in _partitions)
        {
            lock (reminders.Sync)
            {
                var due = reminders.EarliestDue();
                if (due is not null && (earliest is null || due < earliest))
                {
                    earliest = due;
                }
            }
        }

        return earliest;
    }

    /// <summary>Fires every reminder due by now: appends one firing record each, durably. Returns how many.</summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken = default)
    {
        var now = runtime.TimeProvider.GetUtcNow();
        var due = new List<ReminderEntry>();
        foreach (var reminders in _partitions)
        {
            lock (reminders.Sync)
            {
                due.AddRange(reminders.TakeDue(now));
            }
        }

        if (due.Count == 0)
        {
            return 0;
        }

        var messages = due.ConvertAll(entry => new DurableMessage(
            entry.GrainId, ReminderRecord.Kind, ReminderRecord.Encode(entry.Name, entry.DueAt, entry.Period), now));
        try
        {
            await runtime.Writer.AppendAsync(messages, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            foreach (var entry in due)
            {
                var reminders = _partitions[entry.Partition];
                lock (reminders.Sync)
                {
                    reminders.Unfire(entry);
                }
            }

            throw;
        }

        return due.Count;
    }

    /// <summary>
    /// Applies a firing record inside the grain's turn: delivers it when the reminder is still the one that
    /// fired, then moves a periodic reminder to its next tick after the firing time or removes a one-shot one.
    /// </summary>
    public async ValueTask ApplyFiringAsync(Activation activation, LogRecord record)
    {
        var firing = ReminderRecord.Decode(record.Payload);
        var key = new ReminderKey(activation.GrainId, firing.Name);
        var current = await GetCurrentAsync(activation.Partition, key).ConfigureAwait(false);
        var reminders = _partitions[activation.Partition];
        lock (reminders.Sync)
        {
            reminders.Fired(key);
        }

        if (current is null || current.DueAt != firing.DueAt)
        {
            return;
        }

        var next = current.IsPeriodic
            ? current with { DueAt = ReminderRecord.NextDue(current.DueAt, current.Period, record.Time) }
            : null;
        if (record.Time.UtcTicks >= Volatile.Read(ref _liveSinceTicks))
        {
            Lateness.Record(runtime.TimeProvider.GetUtcNow() - firing.DueAt);
        }

        await ChangeAsync(activation, key, next).ConfigureAwait(false);
        if (activation.Grain is IRemindable remindable)
        {
            await remindable.ReceiveReminderAsync(firing, CancellationToken.None);
        }
    }

    /// <summary>The background loop: refreshes the window, fires what is due, sleeps until the next due time.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var time = runtime.TimeProvider;
        var refreshEvery = runtime.Options.ReminderLookAhead / 2;
        var nextRefresh = DateTimeOffset.MinValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            var wake = Volatile.Read(ref _wake).Task;
            try
            {
                var now = time.GetUtcNow();
                if (now >= nextRefresh)
                {
                    await RefreshAsync(now + runtime.Options.ReminderLookAhead, cancellationToken).ConfigureAwait(false);
                    nextRefresh = now + refreshEvery;
                }

                await FireDueAsync(cancellationToken).ConfigureAwait(false);
                var next = EarliestDue() is { } due && due < nextRefresh ? due : nextRefresh;
                var delay = next - time.GetUtcNow();
                Volatile.Write(ref _plannedWakeTicks, next.UtcTicks);
                if (delay > TimeSpan.Zero)
                {
                    await Task.WhenAny(wake, Task.Delay(delay, time, cancellationToken)).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                runtime.Logger.ReminderFiringFailed(exception);
                await Task.WhenAny(wake, Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Wakes the loop when a reminder now falls due before the loop planned to look again.</summary>
    private void WakeUpIfEarlier(ReminderEntry? entry)
    {
        if (entry is not null && entry.DueAt.UtcTicks < Volatile.Read(ref _plannedWakeTicks))
        {
            WakeUp();
        }
    }

    private void WakeUp()
    {
        var wake = Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        wake.TrySetResult();
    }
}
