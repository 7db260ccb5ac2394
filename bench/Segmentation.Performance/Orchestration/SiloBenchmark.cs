using System.Diagnostics;
using Segmentation.Performance.Baseline;
using Segmentation.Performance.Reporting;

namespace Segmentation.Performance.Orchestration;

/// <summary>
/// The silo's side of a run, against the built silo as a process on a fresh data directory: the rate staircase, the
/// whole population, memory, freshness probes and a ledger under steady load, kill -9 and the restart, then the
/// backfill of a new segment over everyone.
/// </summary>
internal sealed partial class SiloBenchmark(RunContext run)
{
    private const string ManagementKey = "segmentation-benchmark-management-key";
    private const string ProbeRule = $"count(\"{BaselineSegment.ProbeEvent}\") > 0";
    private const string CartIdleRule = "not cart.empty and cart.updated_at before 1m";
    private const string BackfillRule = "total_revenue >= 100";

    private readonly Uri _baseUrl = new($"http://127.0.0.1:{FreePort.Next()}/");
    private string DataDirectory => run.Output("silo-data");

    public async Task<SiloResults> RunAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        Directory.CreateDirectory(DataDirectory);
        try
        {
            BeforeKill before;
            await using (var silo = Start("silo.log"))
            {
                before = await RunUntilKilledAsync(silo.Process, silo.Api, cancellationToken).ConfigureAwait(false);
            }

            var restartedAt = Stopwatch.GetTimestamp();
            await using var restarted = Start("silo-restarted.log");
            var ready = await restarted.Process.WaitUntilOkAsync(run.Http, new Uri(_baseUrl, "health/ready"), restartedAt, TimeSpan.FromMinutes(30), cancellationToken)
                .ConfigureAwait(false);
            var recovery = await VerifyRecoveryAsync(restarted, before.Ledger, ready, cancellationToken).ConfigureAwait(false);
            var backfill = await BackfillAsync(restarted.Api, cancellationToken).ConfigureAwait(false);
            return new SiloResults(before.Throughput, before.Population, before.Memory, before.Freshness, before.Lateness, recovery, backfill);
        }
        finally
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private async Task<BeforeKill> RunUntilKilledAsync(ChildProcess silo, SiloApi api, CancellationToken cancellationToken)
    {
        await silo.WaitUntilOkAsync(run.Http, new Uri(_baseUrl, "health/ready"), Stopwatch.GetTimestamp(), TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        var empty = await api.GetStatsAsync(cancellationToken).ConfigureAwait(false);
        await api.CreateSegmentAsync(BaselineSegment.ProbeId, "Latency probe", ProbeRule, cancellationToken).ConfigureAwait(false);
        await api.CreateSegmentAsync("cart-idle-1m", "Cart idle for a minute", CartIdleRule, cancellationToken).ConfigureAwait(false);

        var staircase = new StaircaseRunner(run.LoadGenerator, run.Settings, run.RunPrefix, run.Log);
        var throughput = await staircase.RunAsync("silo", _baseUrl, RunContext.WriteKey, cancellationToken).ConfigureAwait(false);
        var population = await PopulateAsync(api, throughput.SustainedEventsPerSecond, cancellationToken).ConfigureAwait(false);
        var memory = Memory(empty, await api.GetStatsAsync(cancellationToken).ConfigureAwait(false));
        run.Log.Line($"silo: {memory.ResidentActivations:N0} resident, {memory.WorkingSetBytes / 1048576.0:N0} MiB resident memory");
        var (freshness, lateness, ledger) = await SteadyThenKillAsync(silo, api, run.SteadyRate(throughput.SustainedEventsPerSecond), cancellationToken)
            .ConfigureAwait(false);
        return new BeforeKill(throughput, population, memory, freshness, lateness, ledger);
    }

    private StartedSilo Start(string logName)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
            ["Segmentation__DataDirectory"] = Path.GetFullPath(DataDirectory),
            ["Segmentation__Tracking__WriteKeys__0__Key"] = RunContext.WriteKey,
            ["Segmentation__Tracking__WriteKeys__0__Name"] = "benchmark",
            ["Segmentation__Management__ApiKeys__0__Key"] = ManagementKey,
            ["Segmentation__Management__ApiKeys__0__Name"] = "benchmark",
        };
        var process = ChildProcess.Start(
            run.Tools.Silo, ["--urls", _baseUrl.GetLeftPart(UriPartial.Authority)], environment, Path.GetFullPath(run.Settings.OutputDirectory), run.Output(logName));
        return new StartedSilo(process, new SiloApi(run.Http, _baseUrl, ManagementKey));
    }

    private static MemoryResult Memory(SiloStats empty, SiloStats populated)
    {
        double PerHundredThousand(long added) => populated.Activations > 0 ? added / (double)populated.Activations * 100_000 : 0;
        return new MemoryResult(
            populated.Customers,
            populated.Activations,
            empty.WorkingSetBytes,
            populated.WorkingSetBytes,
            empty.ManagedHeapBytes,
            populated.ManagedHeapBytes,
            PerHundredThousand(populated.WorkingSetBytes - empty.WorkingSetBytes),
            PerHundredThousand(populated.ManagedHeapBytes - empty.ManagedHeapBytes));
    }

    private sealed record BeforeKill(
        ThroughputResult Throughput,
        PopulationResult Population,
        MemoryResult Memory,
        FreshnessResult Freshness,
        ReminderLatenessResult Lateness,
        AcknowledgedLedger Ledger);

    private sealed record StartedSilo(ChildProcess Process, SiloApi Api) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }
}
