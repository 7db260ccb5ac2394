using System.Diagnostics;
using Segmentation.LoadGenerator.Shoppers;
using Segmentation.Performance.Baseline;
using Segmentation.Performance.Reporting;

namespace Segmentation.Performance.Orchestration;

internal sealed partial class SiloBenchmark
{
    private static readonly TimeSpan ProbeStartDelay = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan KillBeforeEnd = TimeSpan.FromSeconds(2);

    /// <summary>Brings every customer in with <c>--visit-all</c> at 80 % of the sustained rate, then waits until the silo knows them all.</summary>
    private async Task<PopulationResult> PopulateAsync(SiloApi api, double sustained, CancellationToken cancellationToken)
    {
        var rate = run.PopulationRate(sustained);
        var events = PopulationPlan.EventsToVisitEveryCustomer(new ShopperModelOptions { Customers = run.Settings.Customers, Seed = 1000 });
        var step = run.Load(_baseUrl, "populate", rate, PopulationPlan.Duration(events, rate, TimeSpan.FromSeconds(2)), seed: 1000, visitAll: true);
        run.Log.Line($"silo: bringing in {run.Settings.Customers:N0} customers with {events:N0} events at {rate:N0}/s");
        var started = Stopwatch.GetTimestamp();
        var report = await run.LoadGenerator.RunAsync(step, cancellationToken).ConfigureAwait(false);
        var stats = await api.GetStatsAsync(cancellationToken).ConfigureAwait(false);
        while (stats.Customers < run.Settings.Customers && Stopwatch.GetElapsedTime(started) < step.Duration + TimeSpan.FromMinutes(5))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            stats = await api.GetStatsAsync(cancellationToken).ConfigureAwait(false);
        }

        run.Log.Line($"silo: {stats.Customers:N0} customers, {report.Events.Acknowledged:N0} of {report.Events.Scheduled:N0} events acknowledged");
        return new PopulationResult(stats.Customers, report.Events.Acknowledged, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// Steady load at <paramref name="rate"/>; meanwhile freshness probes and the ledger writers; then the reminder
    /// lateness so far, and kill -9 shortly before the load ends, with the ledger still writing.
    /// </summary>
    private async Task<(FreshnessResult, ReminderLatenessResult, AcknowledgedLedger)> SteadyThenKillAsync(
        ChildProcess silo, SiloApi api, double rate, CancellationToken cancellationToken)
    {
        var duration = run.Settings.SteadyDuration;
        run.Log.Line($"silo: steady load at {rate:N0} events/s for {duration.TotalSeconds:N0} s with freshness probes and the ledger, then kill -9");
        var started = Stopwatch.GetTimestamp();
        var load = run.LoadGenerator.RunAsync(run.Load(_baseUrl, "silo-steady", rate, duration, seed: 2000), cancellationToken);
        await Task.Delay(ProbeStartDelay, cancellationToken).ConfigureAwait(false);
        var poster = new TrackingPoster(run.Http, _baseUrl, RunContext.WriteKey);
        var ledger = new AcknowledgedLedger(poster, run.RunPrefix);
        using var stopLedger = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = ledger.RunAsync(stopLedger.Token);
        var probe = new FreshnessProbe(poster.ProbeAsync, async token => (await api.GetSegmentAsync(BaselineSegment.ProbeId, token).ConfigureAwait(false)).Count, ProbeSchedule.OneAtATime);
        var freshness = await probe.RunAsync(run.RunPrefix, duration - ProbeStartDelay - TimeSpan.FromSeconds(8), rate, cancellationToken).ConfigureAwait(false);
        var lateness = (await api.GetStatsAsync(cancellationToken).ConfigureAwait(false)).ReminderLateness;
        var untilKill = duration - KillBeforeEnd - Stopwatch.GetElapsedTime(started);
        if (untilKill > TimeSpan.Zero)
        {
            await Task.Delay(untilKill, cancellationToken).ConfigureAwait(false);
        }

        await silo.KillHardAsync().ConfigureAwait(false);
        await stopLedger.CancelAsync().ConfigureAwait(false);
        await writing.ConfigureAwait(false);
        await load.ConfigureAwait(false);
        run.Log.Line($"silo: killed; freshness p99 {freshness.P99Ms:N1} ms over {freshness.Probes:N0} probes, {ledger.Acknowledged:N0} ledger events acknowledged");
        return (freshness, new ReminderLatenessResult(lateness.Count, lateness.P50Ms, lateness.P99Ms, lateness.MaxMs), ledger);
    }

    private async Task<RecoveryResult> VerifyRecoveryAsync(StartedSilo restarted, AcknowledgedLedger ledger, TimeSpan ready, CancellationToken cancellationToken)
    {
        var stats = await restarted.Api.GetStatsAsync(cancellationToken).ConfigureAwait(false);
        var (missing, duplicates) = await ledger.VerifyAsync(restarted.Api, cancellationToken).ConfigureAwait(false);
        var recoveryLine = File.ReadLines(restarted.Process.LogPath).LastOrDefault(static line => line.Contains("Recovered ", StringComparison.Ordinal));
        var recovered = recoveryLine?[(recoveryLine.IndexOf("Recovered ", StringComparison.Ordinal))..];
        run.Log.Line($"silo: ready {ready.TotalSeconds:N2} s after the restart with {stats.Customers:N0} customers ({recovered}); {missing:N0} acknowledged events missing, {duplicates:N0} twice");
        return new RecoveryResult(stats.Customers, ready.TotalSeconds, recovered, ledger.Acknowledged, missing, duplicates);
    }

    private async Task<BackfillResult> BackfillAsync(SiloApi api, CancellationToken cancellationToken)
    {
        const string Id = "backfill-bench";
        var customers = (await api.GetStatsAsync(cancellationToken).ConfigureAwait(false)).Customers;
        run.Log.Line($"silo: backfill of a new segment ({BackfillRule}) over {customers:N0} customers");
        await api.CreateSegmentAsync(Id, "Backfill benchmark", BackfillRule, cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        SegmentState segment;
        while ((segment = await api.GetSegmentAsync(Id, cancellationToken).ConfigureAwait(false)).Backfill.State != "Complete")
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromHours(1))
            {
                throw new TimeoutException($"The backfill of '{Id}' did not complete within an hour.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }

        var seconds = ((segment.Backfill.CompletedAt ?? DateTimeOffset.UtcNow) - segment.Backfill.StartedAt).TotalSeconds;
        run.Log.Line($"silo: backfill complete in {seconds:N1} s, {segment.Count:N0} members");
        return new BackfillResult(BackfillRule, customers, seconds, segment.Count);
    }
}
