using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Segmentation.Runtime;
using Segmentation.Runtime.Hosting;

namespace Segmentation.Grains.Segments;

/// <summary>
/// Evaluates a new or edited segment over every existing customer in the background. <see cref="Start"/> queues a
/// backfill; one worker runs them one at a time, and a newer version of a segment replaces its queued or running
/// older one. A backfill counts the registered customers and tells the segment grain (which shows the progress), then
/// goes through the customer registry page by page, a few shards at once: every customer of a page checks read-only
/// whether the new definition changes anything for it (an entry, an exit, or a reminder to move), and one atomic
/// durable append records the page with the segment grain and sends a <see cref="RecordKinds.SegmentEvaluate"/> to
/// the customers that must evaluate, who report back once they did. The appends in flight and the customers that have
/// not reported back are bounded, so tracking calls keep sharing every group commit. When the silo starts, every
/// segment whose current version has no complete backfill goes on from where its pages got to. Stopping the silo
/// cancels the running backfill.
/// </summary>
public sealed partial class SegmentBackfillService : BackgroundService
{
    private readonly IClusterClient _client;
    private readonly SegmentBackfillOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SegmentBackfillService> _logger;
    private readonly Silo? _silo;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _queued = new(StringComparer.Ordinal);
    private readonly Channel<string> _ready = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _resuming = true;
    private bool _running;

    /// <summary>With the <paramref name="silo"/> of this host, if any: backfills wait until it has caught up on the records recovery read.</summary>
    public SegmentBackfillService(
        IClusterClient client,
        IOptions<SegmentBackfillOptions> options,
        TimeProvider time,
        ILogger<SegmentBackfillService> logger,
        Silo? silo = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _silo = silo;
    }

    /// <summary>
    /// Queues the backfill of <paramref name="version"/> of a segment. A queued backfill of the same segment takes the
    /// newer version; a running older one stops at its next batch.
    /// </summary>
    public void Start(string segmentId, int version)
    {
        ArgumentNullException.ThrowIfNull(segmentId);
        lock (_lock)
        {
            if (_queued.TryGetValue(segmentId, out var queued))
            {
                _queued[segmentId] = Math.Max(queued, version);
                return;
            }

            _queued[segmentId] = version;
            _ready.Writer.TryWrite(segmentId);
            UpdateIdle();
        }
    }

    /// <summary>
    /// Completes once the (started) service has resumed the backfills left unfinished and has sent every queued
    /// backfill's evaluations (customers report back after that: the segment grain shows when they all did).
    /// </summary>
    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            return _idle.Task;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_silo is not null && !await _silo.WaitUntilCaughtUpAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        await ResumeAsync(stoppingToken).ConfigureAwait(false);
        await foreach (var segmentId in _ready.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            int version;
            lock (_lock)
            {
                version = _queued[segmentId];
                _queued.Remove(segmentId);
                _running = true;
            }

            try
            {
                await RunAsync(segmentId, version, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception, segmentId, version);
            }
            finally
            {
                lock (_lock)
                {
                    _running = false;
                    UpdateIdle();
                }
            }
        }
    }

    /// <summary>Starts again every backfill whose segment's current version did not complete one.</summary>
    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var definitions = await _client.GetGrain<SegmentCatalogGrain>(SegmentCatalogGrain.Key)
                .InvokeReadOnlyAsync(static g => g.ListAsync(), cancellationToken).ConfigureAwait(false);
            foreach (var definition in definitions)
            {
                var status = await _client.GetGrain<SegmentGrain>(definition.Id)
                    .InvokeReadOnlyAsync(static g => g.GetStatusAsync(), cancellationToken).ConfigureAwait(false);
                if (status.Backfill is not { State: SegmentBackfillState.Complete } backfill || backfill.Version < definition.Version)
                {
                    if (status.Backfill?.Version == definition.Version)
                    {
                        LogResumed(definition.Id, definition.Version);
                    }
                    else
                    {
                        LogNotRunYet(definition.Id, definition.Version);
                    }

                    Start(definition.Id, definition.Version);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogResumeFailed(exception);
        }
        finally
        {
            lock (_lock)
            {
                _resuming = false;
                UpdateIdle();
            }
        }
    }

    /// <summary>Whether a newer version of the segment was queued since <paramref name="version"/> started.</summary>
    private bool IsSuperseded(string segmentId, int version)
    {
        lock (_lock)
        {
            return _queued.TryGetValue(segmentId, out var queued) && queued > version;
        }
    }

    /// <summary>Completes or renews the idle task; called under the lock after every change.</summary>
    private void UpdateIdle()
    {
        if (!_resuming && !_running && _queued.Count == 0)
        {
            _idle.TrySetResult();
        }
        else if (_idle.Task.IsCompleted)
        {
            _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
