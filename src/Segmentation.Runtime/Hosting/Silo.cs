using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Segmentation.Runtime.Catalog;
using Segmentation.Runtime.Configuration;
using Segmentation.Runtime.Durability;
using Segmentation.Runtime.Reminders;
using Segmentation.Runtime.Storage;

namespace Segmentation.Runtime.Hosting;

/// <summary>
/// A silo: opens storage (refusing to start when it cannot), reads the index of every partition's log after the last
/// checkpoint (which grain holds which records; their bodies are read as they are applied), and is then ready: it runs
/// the group commit, checkpoints and activation collection while it catches up on the records it read (a grain's are
/// applied before anything else reaches it; see <see cref="WhenCaughtUpAsync"/>), and starts the reminders once caught
/// up. Stopping flushes accepted appends, checkpoints every partition with every changed grain's snapshot, collects
/// every activation and checkpoints again; records a stop during the catch-up left unapplied stay for the next start.
/// </summary>
public sealed partial class Silo : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _loops = [];
    private readonly Lock _stopLock = new();
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _recovery = Task.CompletedTask;
    private Task _catchUp = Task.CompletedTask;
    private Task? _stop;

    public Silo(
        IOptions<SiloOptions> options,
        GrainTypeRegistry registry,
        ISiloStorage storage,
        TimeProvider timeProvider,
        ILogger<Silo> logger,
        IServiceProvider services)
        : this(options.Value, registry, storage, timeProvider, logger, services, runBackgroundLoops: true)
    {
    }

    internal Silo(
        SiloOptions options,
        GrainTypeRegistry registry,
        ISiloStorage storage,
        TimeProvider timeProvider,
        ILogger logger,
        IServiceProvider services,
        bool runBackgroundLoops)
    {
        Runtime = new SiloRuntime(options, registry, storage, timeProvider, logger, services);
        RunBackgroundLoops = runBackgroundLoops;
    }

    public SiloStatus Status { get; private set; } = SiloStatus.Created;

    /// <summary>Grain references and durable appends for the host.</summary>
    public IClusterClient Client => Runtime.Client;

    /// <summary>Live activations.</summary>
    public int ActivationCount => Runtime.Catalog.Count;

    /// <summary>Reminders held in memory (those due within the look-ahead horizon).</summary>
    public int InMemoryReminderCount => Runtime.Reminders.InMemoryCount;

    /// <summary>How late reminder firings reached their grains since this silo became ready.</summary>
    public ReminderLatenessSummary ReminderLateness => Runtime.Reminders.Lateness.Summarize();

    internal SiloRuntime Runtime { get; }

    internal bool RunBackgroundLoops { get; }

    /// <summary>Completes when recovery has finished; faults when it failed.</summary>
    public Task WhenReadyAsync() => _ready.Task;

    /// <summary>
    /// Waits for recovery: true once the silo is ready, false when its recovery failed. For background services that
    /// need a ready silo: on false they end quietly, since the host reports that failure and stops.
    /// </summary>
    public Task<bool> WaitUntilReadyAsync(CancellationToken cancellationToken) => SucceedsAsync(_ready.Task, cancellationToken);

    /// <summary>Opens storage (throwing <see cref="StorageOpenException"/> when it cannot) and starts recovery.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Status = SiloStatus.Recovering;
        try
        {
            await Runtime.Storage.OpenAsync(Runtime.Options.PartitionCount, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Status = SiloStatus.Failed;
            throw;
        }

        _recovery = RecoverAsync(_stopping.Token);
    }

    /// <summary>Stops the silo once; concurrent and later calls wait for that same stop.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopLock)
        {
            return _stop ??= Status == SiloStatus.Created ? Task.CompletedTask : StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        Status = SiloStatus.Stopping;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await IgnoreFailureAsync(_recovery).ConfigureAwait(false);
        var recovered = _ready.Task.IsCompletedSuccessfully;

        // A catch-up cut short hands over no more grains: their records stay held, below every checkpoint, for the next start.
        await IgnoreFailureAsync(_catchUp).ConfigureAwait(false);
        _caughtUp.TrySetCanceled(_stopping.Token);
        await Task.WhenAll(_loops.Select(IgnoreCancellationAsync)).ConfigureAwait(false);
        if (!recovered)
        {
            // Recovery failed or was cut short (WhenReadyAsync reports why): there is nothing to flush or checkpoint.
            await Runtime.Storage.DisposeAsync().ConfigureAwait(false);
            Status = SiloStatus.Stopped;
            return;
        }

        await Runtime.QuiesceAsync().ConfigureAwait(false);
        await Runtime.Writer.StopAsync().ConfigureAwait(false);
        await Runtime.WhenAppliedAsync().ConfigureAwait(false);

        // Every changed grain's snapshot, one checkpoint per partition, while the activations are still there: written
        // by each activation on its way out instead, a million resident customers would take a million commits.
        await Runtime.Checkpoints.CheckpointAllAsync(Durability.SnapshotMode.All, cancellationToken).ConfigureAwait(false);
        var activations = Runtime.Catalog.Snapshot();
        await Task.WhenAll(activations.Select(a => a.DeactivateAfterQueueAsync(DeactivationReason.SiloStopping)))
            .ConfigureAwait(false);

        // What changed on the way out (a grain that changed then wrote its own snapshot) and the reminder changes left.
        await Runtime.Checkpoints.CheckpointAllAsync(Durability.SnapshotMode.All, cancellationToken).ConfigureAwait(false);
        await Runtime.Storage.DisposeAsync().ConfigureAwait(false);
        Status = SiloStatus.Stopped;
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var backlog = await ReadBacklogAsync(cancellationToken).ConfigureAwait(false);
            Runtime.Backlog = backlog;
            Runtime.Writer.Start();
            Runtime.Logger.Recovered(Runtime.Partitions.Length, backlog.Remaining, stopwatch.ElapsedMilliseconds);
            if (RunBackgroundLoops)
            {
                StartLoops();
            }

            Status = SiloStatus.Ready;
            _ready.TrySetResult();
            _catchUp = CatchUpAsync(backlog, stopwatch, cancellationToken);
        }
        catch (Exception exception)
        {
            Status = SiloStatus.Failed;
            _ready.TrySetException(exception);
            _caughtUp.TrySetException(exception);
            throw;
        }
    }

    /// <summary>True once <paramref name="step"/> completes, false when it fails or is cancelled; throws only for <paramref name="cancellationToken"/>.</summary>
    private static async Task<bool> SucceedsAsync(Task step, CancellationToken cancellationToken)
    {
        try
        {
            await step.WaitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task IgnoreFailureAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Already reported through WhenReadyAsync.
        }
    }

    private static async Task IgnoreCancellationAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
