using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Dispatch;

/// <summary>
/// Takes due sends from the outbox shards and posts them to the configured ESP endpoint (see <see cref="SendDispatch"/>).
/// Wakes at once for a new intent or a manual retry, and every <see cref="DeliveryOptions.PollInterval"/> for sends that
/// became due by time (retries after a restart, deferrals). Works on at most <see cref="DeliveryOptions.MaxSendsInProgress"/>
/// sends at once and one send per customer at a time; the rest wait in the outbox without using attempts, so nothing
/// is lost while the ESP is unreachable. Starts only once the silo has recovered (the outbox must be complete), and
/// not at all without an endpoint.
/// </summary>
public sealed class DeliveryDispatcher(
    OutboxDirectory outbox,
    OutboxSignal signal,
    ISendGuard guard,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger,
    IServiceProvider services) : BackgroundService
{
    private readonly ConcurrentDictionary<string, SendRecord> _inProgress = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _coolingUntil = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private readonly AsyncPulse _wake = new();

    /// <summary>Sends being worked on now (posting, or waiting for a retry).</summary>
    public int SendsInProgress => _inProgress.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled)
        {
            DeliveryLog.DeliveryOff(logger);
            return;
        }

        // Until the silo has caught up on the records recovery read, a shard could show a delivered send as pending.
        if (services.GetService<Runtime.Hosting.Silo>() is { } silo && !await silo.WaitUntilCaughtUpAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        var endpoint = new EspEndpoint(settings, time);
        await using (endpoint.ConfigureAwait(false))
        {
            DeliveryLog.DeliveryOn(logger, endpoint.Describe(), settings.Adapter, settings.MaxAttempts, settings.MaxConcurrency, settings.RateLimitPerSecond);
            var dispatch = new DispatchServices(endpoint, outbox, guard, time, logger, stoppingToken);
            var ticking = TickAsync(settings.PollInterval, stoppingToken);
            try
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    // Taken before looking, so a wake-up while looking is not lost.
                    var wake = Task.WhenAny(_wake.WaitAsync(), signal.NextWorkAsync());
                    await FillAsync(dispatch, settings, stoppingToken).ConfigureAwait(false);
                    await wake.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            finally
            {
                await Task.WhenAll(_running.Keys).ConfigureAwait(false);
                await ticking.ConfigureAwait(false);
            }
        }
    }

    private async Task TickAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(interval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                _wake.Pulse();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task FillAsync(DispatchServices dispatch, DeliveryOptions settings, CancellationToken stoppingToken)
    {
        var free = settings.MaxSendsInProgress - _inProgress.Count;
        if (free <= 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var (sendId, until) in _coolingUntil)
        {
            if (until <= now)
            {
                _coolingUntil.TryRemove(sendId, out _);
            }
        }

        var busySends = _inProgress.Keys.Concat(_coolingUntil.Keys).ToFrozenSet(StringComparer.Ordinal);
        var busyCustomers = _inProgress.Values.Select(static s => s.CustomerId).ToFrozenSet(StringComparer.Ordinal);
        IReadOnlyList<SendRecord>[] due;
        try
        {
            due = await Task.WhenAll(OutboxGrain.AllShards.Select(shard =>
                outbox.GetDueAsync(shard, now, free, busySends, busyCustomers, stoppingToken))).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            DeliveryLog.PollFailed(logger, exception);
            return;
        }

        foreach (var send in due.SelectMany(static sends => sends).OrderBy(static s => s.NextAttemptAt).Take(free))
        {
            if (_inProgress.TryAdd(send.SendId, send))
            {
                Track(RunAsync(send, dispatch, settings.RetryDelay));
            }
        }
    }

    private async Task RunAsync(SendRecord send, DispatchServices dispatch, TimeSpan coolDown)
    {
        await Task.Yield();
        try
        {
            await SendDispatch.RunAsync(send, dispatch).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (dispatch.Stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            _coolingUntil[send.SendId] = time.GetUtcNow() + coolDown;
            DeliveryLog.DispatchFailed(logger, exception, send.SendId, coolDown);
        }
        finally
        {
            _inProgress.TryRemove(send.SendId, out _);
            _wake.Pulse();
        }
    }

    private void Track(Task task)
    {
        _running.TryAdd(task, true);
        task.ContinueWith(finished => _running.TryRemove(finished, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
