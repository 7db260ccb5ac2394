using System.Globalization;
using Segmentation.Runtime.Reminders;
using Segmentation.TestKit;

namespace Segmentation.Runtime.Tests;

public sealed class ReminderTests
{
    [Fact]
    public async Task Reminder_OneShot_FiresOnceAtItsExactDueTime()
    {
        await using var silo = await TestSilos.StartAsync();
        var due = silo.Clock.GetUtcNow().AddSeconds(90.25);
        await RemindAsync(silo, "l", "cart", due, TimeSpan.Zero);

        await silo.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal([$"fired:l:cart:due={due:O}:now={due:O}"], silo.Probe().Events);
        Assert.Contains($"fired:cart@{due.UtcTicks}", await silo.LedgerAsync("l"));
    }

    [Fact]
    public async Task Reminders_SeveralGrains_FireInDueOrder()
    {
        await using var silo = await TestSilos.StartAsync();
        var start = silo.Clock.GetUtcNow();
        await RemindAsync(silo, "a", "r", start.AddSeconds(30), TimeSpan.Zero);
        await RemindAsync(silo, "b", "r", start.AddSeconds(10), TimeSpan.Zero);
        await RemindAsync(silo, "c", "r", start.AddSeconds(20), TimeSpan.Zero);

        await silo.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(["b", "c", "a"], silo.Probe().Events.Select(e => e.Split(':')[1]));
    }

    [Fact]
    public async Task Reminder_Periodic_FiresEveryPeriod()
    {
        await using var silo = await TestSilos.StartAsync();
        var start = silo.Clock.GetUtcNow();
        await RemindAsync(silo, "l", "tick", start.AddSeconds(1), TimeSpan.FromSeconds(2));

        await silo.AdvanceAsync(TimeSpan.FromSeconds(6));

        Assert.Equal(
            [start.AddSeconds(1), start.AddSeconds(3), start.AddSeconds(5)],
            silo.Probe().Events.Select(e => DateTimeOffset.Parse(e[(e.IndexOf("due=", StringComparison.Ordinal) + 4)..e.IndexOf(":now", StringComparison.Ordinal)], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Reminder_CancelledBeforeDue_NeverFires()
    {
        await using var silo = await TestSilos.StartAsync();
        await RemindAsync(silo, "l", "cart", silo.Clock.GetUtcNow().AddMinutes(5), TimeSpan.Zero);
        await silo.AdvanceAsync(TimeSpan.FromMinutes(4));

        await silo.AppendAsync("l", "forget", "cart");
        await silo.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Empty(silo.Probe().Events);
    }

    [Fact]
    public async Task Reminder_MovedLater_FiresOnlyAtTheNewTime()
    {
        await using var silo = await TestSilos.StartAsync();
        var start = silo.Clock.GetUtcNow();
        await RemindAsync(silo, "l", "cart", start.AddMinutes(5), TimeSpan.Zero);
        await RemindAsync(silo, "l", "cart", start.AddMinutes(50), TimeSpan.Zero);

        await silo.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal([$"fired:l:cart:due={start.AddMinutes(50):O}:now={start.AddMinutes(50):O}"], silo.Probe().Events);
    }

    [Fact]
    public async Task Reminder_CancelledWhileItsFiringIsInFlight_IsNotDelivered()
    {
        await using var silo = await TestSilos.StartAsync();
        var due = silo.Clock.GetUtcNow().AddSeconds(5);
        await RemindAsync(silo, "l", "cart", due, TimeSpan.Zero);
        await silo.WhenIdleAsync();
        var holdApply = silo.Client.GetGrain<Grains.LedgerGrain>("l");

        // The cancellation is in the log before the firing: applying the firing must see it gone.
        await silo.AppendAsync("l", "forget", "cart");
        await silo.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(silo.Probe().Events);
        Assert.DoesNotContain(await holdApply.InvokeAsync(g => g.GetEntriesAsync()), e => e.StartsWith("fired:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminder_DueWhileTheSiloWasDown_FiresOnceAfterRestart()
    {
        var options = TestSilos.Options();
        var silo = await TestSilo.StartAsync(options);
        var start = silo.Clock.GetUtcNow();
        await RemindAsync(silo, "l", "lapse", start.AddMinutes(1), TimeSpan.Zero);
        await RemindAsync(silo, "l", "daily", start.AddMinutes(1), TimeSpan.FromMinutes(10));

        silo = await RestartAfterDowntimeAsync(silo, options, TimeSpan.FromMinutes(45));
        await using var restarted = silo;
        await silo.AdvanceAsync(TimeSpan.Zero);

        var entries = await silo.LedgerAsync("l");
        Assert.Equal(1, entries.Count(e => e.StartsWith("fired:lapse@", StringComparison.Ordinal)));
        Assert.Equal(1, entries.Count(e => e.StartsWith("fired:daily@", StringComparison.Ordinal)));

        // Missed ticks are skipped: the next is the first tick after the catch-up firing at 00:45, so 00:51.
        await silo.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(1, (await silo.LedgerAsync("l")).Count(e => e.StartsWith("fired:daily@", StringComparison.Ordinal)));
        await silo.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(2, (await silo.LedgerAsync("l")).Count(e => e.StartsWith("fired:daily@", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reminder_FiredThenKilledBeforeCheckpoint_IsAppliedExactlyOnce()
    {
        var options = TestSilos.Options();
        var silo = await TestSilo.StartAsync(options);
        var due = silo.Clock.GetUtcNow().AddSeconds(30);
        await RemindAsync(silo, "l", "cart", due, TimeSpan.Zero);
        await silo.CheckpointAsync();
        await silo.AdvanceAsync(TimeSpan.FromMinutes(1));

        silo = await silo.RestartAsync();
        await using var restarted = silo;
        await silo.AdvanceAsync(TimeSpan.FromMinutes(10));

        // Recovery replays the one firing record (the snapshot predates it); nothing fires a second time.
        Assert.Single(await silo.LedgerAsync("l"), e => e.StartsWith("fired:", StringComparison.Ordinal));
        Assert.Equal([$"fired:l:cart:due={due:O}:now={due.AddSeconds(30):O}"], silo.Probe().Events);
    }

    [Fact]
    public async Task Reminders_DueBeyondTheLookAhead_StayOutOfMemory()
    {
        var silo = await TestSilos.StartAsync(o => o.ReminderLookAhead = TimeSpan.FromSeconds(10));
        var start = silo.Clock.GetUtcNow();
        for (var i = 0; i < 200; i++)
        {
            await RemindAsync(silo, $"g{i}", "later", start.AddDays(30).AddSeconds(i), TimeSpan.Zero);
        }

        await RemindAsync(silo, "soon", "now", start.AddSeconds(5), TimeSpan.Zero);
        await silo.CheckpointAsync();
        silo = await silo.StopAndRestartAsync();
        await using var restarted = silo;

        Assert.Equal(1, silo.Silo.InMemoryReminderCount);
    }

    [Fact]
    public async Task ReminderLateness_FiredAtTheDueTime_CountsOneOnTime()
    {
        await using var silo = await TestSilos.StartAsync();
        await RemindAsync(silo, "l", "cart", silo.Clock.GetUtcNow().AddSeconds(5), TimeSpan.Zero);

        await silo.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(new ReminderLatenessSummary(1, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero), silo.Silo.ReminderLateness);
    }

    [Fact]
    public async Task ReminderLateness_DueWhileTheSiloWasDown_CountsTheWaitAfterTheDueTime()
    {
        var options = TestSilos.Options();
        var silo = await TestSilo.StartAsync(options);
        var start = silo.Clock.GetUtcNow();
        await RemindAsync(silo, "l", "lapse", start.AddMinutes(1), TimeSpan.Zero);

        silo = await RestartAfterDowntimeAsync(silo, options, TimeSpan.FromMinutes(45));
        await using var restarted = silo;
        await silo.AdvanceAsync(TimeSpan.Zero);

        var late = TimeSpan.FromMinutes(44);
        Assert.Equal(new ReminderLatenessSummary(1, late, late, late), silo.Silo.ReminderLateness);
    }

    [Fact]
    public async Task ReminderLateness_FiringReplayedByRecovery_IsNotCountedAgain()
    {
        var options = TestSilos.Options();
        var silo = await TestSilo.StartAsync(options);
        await RemindAsync(silo, "l", "cart", silo.Clock.GetUtcNow().AddSeconds(30), TimeSpan.Zero);
        await silo.CheckpointAsync();
        await silo.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(1, silo.Silo.ReminderLateness.Count);

        silo = await silo.RestartAsync();
        await using var restarted = silo;
        await silo.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.Single(silo.Probe().Events);
        Assert.Equal(0, silo.Silo.ReminderLateness.Count);
    }

    /// <summary>Checkpoints, crashes, lets <paramref name="downtime"/> pass with the silo down, and starts a new silo.</summary>
    private static async Task<TestSilo> RestartAfterDowntimeAsync(TestSilo silo, TestSiloOptions options, TimeSpan downtime)
    {
        await silo.CheckpointAsync();
        await silo.KillAsync();
        options.Clock.Advance(downtime);
        return await TestSilo.StartAsync(options);
    }

    private static async Task RemindAsync(TestSilo silo, string ledger, string name, DateTimeOffset due, TimeSpan period)
    {
        await silo.AppendAsync(ledger, "remind", $"{name}|{due.UtcTicks}|{period.Ticks}");
        await silo.WhenIdleAsync();
    }
}
