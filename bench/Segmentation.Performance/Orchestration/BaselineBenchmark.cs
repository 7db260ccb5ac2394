using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Segmentation.Performance.Baseline;
using Segmentation.Performance.Reporting;

namespace Segmentation.Performance.Orchestration;

/// <summary>
/// The baseline's side of a run: a throwaway PostgreSQL cluster, the baseline server (this tool's <c>baseline</c>
/// command) as its own process, the same rate staircase as the silo's (same streams), then steady load at half its
/// sustained rate with freshness probes over at least three refreshes.
/// </summary>
internal sealed class BaselineBenchmark(RunContext run)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<BaselineResults> RunAsync(CancellationToken cancellationToken)
    {
        var settings = run.Settings;
        await using var cluster = await PostgresCluster.StartAsync(cancellationToken).ConfigureAwait(false);
        run.Log.Line($"baseline: PostgreSQL {cluster.Version} on port {cluster.Port}; segment counts refreshed every {settings.RefreshInterval.TotalSeconds:N0} s");
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        string[] arguments =
        [
            "baseline", "--connection", cluster.ConnectionString(), "--port", baseUrl.Port.ToString(CultureInfo.InvariantCulture),
            "--write-key", RunContext.WriteKey, "--refresh-interval", settings.RefreshInterval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
        ];
        await using var server = ChildProcess.Start(
            run.Tools.Self, arguments, new Dictionary<string, string>(), Path.GetFullPath(settings.OutputDirectory), run.Output("baseline.log"));
        await server.WaitUntilOkAsync(run.Http, new Uri(baseUrl, "health"), Stopwatch.GetTimestamp(), TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);

        var staircase = new StaircaseRunner(run.LoadGenerator, settings, run.RunPrefix, run.Log);
        var throughput = await staircase.RunAsync("baseline", baseUrl, RunContext.WriteKey, cancellationToken).ConfigureAwait(false);
        var freshness = await SteadyWithProbesAsync(baseUrl, run.SteadyRate(throughput.SustainedEventsPerSecond), cancellationToken).ConfigureAwait(false);
        var status = await run.Http.GetFromJsonAsync<BaselineStatus>(new Uri(baseUrl, "segments"), Json, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException("The baseline's /segments answered nothing.");
        return new BaselineResults(cluster.Version, settings.RefreshInterval.TotalSeconds, throughput, freshness, status.Refreshes, status.LongestRefreshMs);
    }

    private async Task<FreshnessResult> SteadyWithProbesAsync(Uri baseUrl, double rate, CancellationToken cancellationToken)
    {
        var probing = Max(run.Settings.SteadyDuration - TimeSpan.FromSeconds(10), run.Settings.RefreshInterval * 3);
        run.Log.Line($"baseline: steady load at {rate:N0} events/s with freshness probes for {probing.TotalSeconds:N0} s");
        var load = run.LoadGenerator.RunAsync(run.Load(baseUrl, "baseline-steady", rate, probing + TimeSpan.FromSeconds(5), seed: 2000), cancellationToken);
        var poster = new TrackingPoster(run.Http, baseUrl, RunContext.WriteKey);
        var probeCount = new Uri(baseUrl, $"segments/{BaselineSegment.ProbeId}");
        var probe = new FreshnessProbe(poster.ProbeAsync, token => ReadCountAsync(probeCount, token), ProbeSchedule.Continuous(run.Settings.RefreshInterval));
        var freshness = await probe.RunAsync(run.RunPrefix, probing, rate, cancellationToken).ConfigureAwait(false);
        await load.ConfigureAwait(false);
        run.Log.Line($"baseline: freshness p99 {freshness.P99Ms:N0} ms over {freshness.Probes:N0} probes");
        return freshness;
    }

    private async Task<long> ReadCountAsync(Uri url, CancellationToken cancellationToken)
    {
        var segment = await run.Http.GetFromJsonAsync<JsonElement>(url, cancellationToken).ConfigureAwait(false);
        return segment.GetProperty("count").GetInt64();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
