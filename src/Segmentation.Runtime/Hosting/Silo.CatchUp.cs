using System.Diagnostics;
using Segmentation.Runtime.Durability;

namespace Segmentation.Runtime.Hosting;

public sealed partial class Silo
{
    /// <summary>
    /// Records read at recovery that are not applied yet; 0 once the silo has caught up. While it is above 0 the silo
    /// serves (a grain's records are applied before any call reaches it) and catches up in the background.
    /// </summary>
    public long RecordsToCatchUp => Runtime.Backlog?.Remaining ?? 0;

    /// <summary>Whether every record read at recovery is applied and the reminders run.</summary>
    public bool IsCaughtUp => _caughtUp.Task.IsCompletedSuccessfully;

    /// <summary>
    /// Completes once the silo is ready and has applied every record read at recovery, with the reminders loaded;
    /// faults when recovery failed; cancelled when the silo stopped before.
    /// </summary>
    public Task WhenCaughtUpAsync() => _caughtUp.Task;

    /// <summary>
    /// Waits for the catch-up: true once every record read at recovery is applied, false when recovery failed or the
    /// silo stopped first. For background services that need every acknowledged record applied (delivery, backfill):
    /// on false they end quietly, since the host reports that failure and stops.
    /// </summary>
    public Task<bool> WaitUntilCaughtUpAsync(CancellationToken cancellationToken) => SucceedsAsync(_caughtUp.Task, cancellationToken);

    /// <summary>
    /// Hands the grains' records to their activations in the order of their first record, at most about
    /// <see cref="Configuration.SiloOptions.CatchUpRecordsInFlight"/> at a time, waits until all are applied, then loads
    /// the reminders (their state is what the records left) and starts firing them.
    /// </summary>
    private async Task CatchUpAsync(RecoveryBacklog backlog, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        try
        {
            var bound = Runtime.Options.CatchUpRecordsInFlight;
            var replayed = backlog.Remaining;
            foreach (var grainId in backlog.GrainsInLogOrder())
            {
                await backlog.WhenInFlightBelowAsync(bound, cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                Runtime.Catalog.DispatchBacklog(grainId);
            }

            await backlog.WhenEmptyAsync(cancellationToken).ConfigureAwait(false);
            Runtime.Backlog = null;
            var now = Runtime.TimeProvider.GetUtcNow();
            Runtime.Reminders.Recovered(now);
            await Runtime.Reminders.RefreshAsync(now + Runtime.Options.ReminderLookAhead, cancellationToken).ConfigureAwait(false);
            if (RunBackgroundLoops)
            {
                StartReminders();
            }

            Runtime.Logger.CaughtUp(replayed, stopwatch.ElapsedMilliseconds);
            _caughtUp.TrySetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _caughtUp.TrySetCanceled(cancellationToken);
        }
        catch (Exception exception)
        {
            Runtime.Logger.CatchUpFailed(exception);
            _caughtUp.TrySetException(exception);
        }
    }
}
