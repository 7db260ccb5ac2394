using Microsoft.Extensions.Options;
using Segmentation.Delivery.Outbox;
using Segmentation.Grains;
using Segmentation.Grains.Segments;
using Segmentation.Runtime;
using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;

namespace Segmentation.Silo.Dashboard.Live;

/// <summary>
/// Samples the live figures every <see cref="DashboardOptions.LiveUpdateInterval"/> once the silo is ready, keeps the
/// latest <see cref="DashboardSnapshot"/> for pages to render from, and pushes each new one to the open pages
/// (<see cref="Updated"/>). One sampler serves every page, however many are open.
/// </summary>
internal sealed class DashboardPulse(
    RuntimeSilo silo,
    SegmentDirectory segments,
    OutboxDirectory outbox,
    OutboxSignal sendLog,
    IGrainFactory grains,
    TrackedEventCounter events,
    IOptions<DashboardOptions> options,
    TimeProvider time,
    ILogger<DashboardPulse> logger) : BackgroundService
{
    private readonly TaskCompletionSource<DashboardSnapshot> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SegmentTrendCache _trends = new(segments);
    private DashboardSnapshot? _current;

    /// <summary>Raised with every new snapshot, on the sampler's thread: handlers must return quickly.</summary>
    public event Action<DashboardSnapshot>? Updated;

    /// <summary>The latest snapshot; waits for the first one while the silo is starting.</summary>
    public Task<DashboardSnapshot> CurrentAsync(CancellationToken cancellationToken = default) =>
        Volatile.Read(ref _current) is { } current ? Task.FromResult(current) : _first.Task.WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await silo.WaitUntilReadyAsync(stoppingToken))
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.LiveUpdateInterval, time);
        var previous = (Total: events.Total, At: time.GetUtcNow());
        do
        {
            try
            {
                var now = time.GetUtcNow();
                var total = events.Total;
                var rate = now > previous.At ? (total - previous.Total) / (now - previous.At).TotalSeconds : 0;
                previous = (total, now);
                Publish(await SampleAsync(now, rate, stoppingToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                DashboardLog.PulseFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<DashboardSnapshot> SampleAsync(DateTimeOffset now, double eventsPerSecond, CancellationToken cancellationToken)
    {
        // Read before the counts: a change while they are read moves it again, so the next sample reads them again.
        var sendLogChanges = sendLog.Changes;
        var sendsToday = outbox.CountByStatusAsync(DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
        var customers = Task.WhenAll(Shards.All.Select(shard => grains.GetGrain<CustomerRegistryGrain>(shard)
            .InvokeReadOnlyAsync(static g => g.CountAsync(), cancellationToken).AsTask()));
        var list = await segments.ListAsync(cancellationToken);
        var summaries = await _trends.SummarizeAsync(list, now, cancellationToken);
        return new DashboardSnapshot(
            now, eventsPerSecond, (await customers).Sum(static c => (long)c), silo.ActivationCount, summaries, await sendsToday, sendLogChanges);
    }

    private void Publish(DashboardSnapshot snapshot)
    {
        Volatile.Write(ref _current, snapshot);
        _first.TrySetResult(snapshot);
        Updated?.Invoke(snapshot);
    }
}
