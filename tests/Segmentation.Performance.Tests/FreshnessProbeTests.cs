using Segmentation.Performance.Orchestration;

namespace Segmentation.Performance.Tests;

public sealed class FreshnessProbeTests
{
    private static readonly ProbeSchedule Fast = new(1, TimeSpan.Zero, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(200));

    [Fact]
    public async Task Run_CountFollowsEveryProbe_CountsEachOneAndNoneUnseen()
    {
        var acknowledged = 0L;
        var probe = new FreshnessProbe(
            (_, _) => Task.FromResult(Interlocked.Increment(ref acknowledged) > 0),
            _ => Task.FromResult(Interlocked.Read(ref acknowledged)),
            Fast);

        var result = await probe.RunAsync("test", TimeSpan.FromMilliseconds(100), 1_000, CancellationToken.None);

        Assert.True(result.Probes > 0);
        Assert.Equal(Interlocked.Read(ref acknowledged), result.Probes);
        Assert.Equal(0, result.Unseen);
        Assert.Equal(1_000, result.BackgroundEventsPerSecond);
    }

    [Fact]
    public async Task Run_CountNeverMoves_ReportsTheOneProbeInFlightAsUnseen()
    {
        var sent = new List<string>();
        var probe = new FreshnessProbe(
            (id, _) =>
            {
                sent.Add(id);
                return Task.FromResult(true);
            },
            _ => Task.FromResult(7L),
            Fast);

        var result = await probe.RunAsync("run", TimeSpan.FromMilliseconds(50), 0, CancellationToken.None);

        Assert.Equal(["run-probe-0"], sent);
        Assert.Equal(0, result.Probes);
        Assert.Equal(1, result.Unseen);
    }

    [Fact]
    public async Task Run_ProbesNotAcknowledged_AreNeitherCountedNorUnseen()
    {
        var probe = new FreshnessProbe((_, _) => Task.FromResult(false), _ => Task.FromResult(0L), Fast);

        var result = await probe.RunAsync("run", TimeSpan.FromMilliseconds(30), 0, CancellationToken.None);

        Assert.Equal(0, result.Probes);
        Assert.Equal(0, result.Unseen);
    }

    [Fact]
    public async Task Run_CountMovesByRefreshes_CountsEveryProbeAcknowledgedBeforeEachRefresh()
    {
        var acknowledged = 0L;
        var polls = 0;
        var counted = 0L;
        var schedule = new ProbeSchedule(int.MaxValue, TimeSpan.Zero, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(5));
        var probe = new FreshnessProbe(
            (_, _) => Task.FromResult(Interlocked.Increment(ref acknowledged) > 0),
            _ =>
            {
                // A refresh every fifth read counts everything acknowledged by then.
                if (++polls % 5 == 0)
                {
                    counted = Interlocked.Read(ref acknowledged);
                }

                return Task.FromResult(counted);
            },
            schedule);

        var result = await probe.RunAsync("run", TimeSpan.FromMilliseconds(60), 0, CancellationToken.None);

        // How many probes fit in the run depends on the machine; each one must be counted by a later refresh.
        Assert.True(result.Probes > 0);
        Assert.Equal(Interlocked.Read(ref acknowledged), result.Probes);
        Assert.Equal(0, result.Unseen);
    }
}
