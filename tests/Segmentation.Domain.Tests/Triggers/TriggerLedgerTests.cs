using Segmentation.Domain.Triggers;

namespace Segmentation.Domain.Tests.Triggers;

public sealed class TriggerLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void InCooldown_SendOfAnotherSeriesWithinTheCooldown_OnlyForTheSameScope()
    {
        var ledger = new TriggerLedger();
        ledger.Record(new TriggerLedgerEntry("browse_abandonment", "p-1/a", "p-1/a", "p-1", T0, TriggerOutcome.Sent));

        Assert.True(ledger.InCooldown(Due("browse_abandonment", "p-1/b", "p-1"), TimeSpan.FromDays(7), T0.AddDays(7).AddTicks(-1)));
        Assert.False(ledger.InCooldown(Due("browse_abandonment", "p-1/b", "p-1"), TimeSpan.FromDays(7), T0.AddDays(7)));
        Assert.False(ledger.InCooldown(Due("browse_abandonment", "p-2/b", "p-2"), TimeSpan.FromDays(7), T0.AddHours(1)));
        Assert.False(ledger.InCooldown(Due("browse_abandonment", "p-1/a/2", "p-1", series: "p-1/a"), TimeSpan.FromDays(7), T0.AddHours(1)));
    }

    [Fact]
    public void InCooldown_SkippedOccurrencesDoNotCount()
    {
        var ledger = new TriggerLedger();
        ledger.Record(new TriggerLedgerEntry("lapse", "a", "a", string.Empty, T0, TriggerOutcome.Skipped));

        Assert.False(ledger.InCooldown(Due("lapse", "b", string.Empty), TimeSpan.FromDays(7), T0.AddHours(1)));
    }

    [Fact]
    public void SentWithin_CountsSendsOfTheRolling24Hours()
    {
        var ledger = new TriggerLedger();
        ledger.Record(new TriggerLedgerEntry("lapse", "a", "a", string.Empty, T0, TriggerOutcome.Sent));
        ledger.Record(new TriggerLedgerEntry("birthday", "2026", "2026", string.Empty, T0.AddHours(5), TriggerOutcome.Sent));
        ledger.Record(new TriggerLedgerEntry("birthday", "2027", "2027", string.Empty, T0.AddHours(6), TriggerOutcome.Skipped));

        Assert.Equal(2, ledger.SentWithin(TimeSpan.FromHours(24), T0.AddHours(23)));
        Assert.Equal(1, ledger.SentWithin(TimeSpan.FromHours(24), T0.AddHours(24)));
    }

    [Fact]
    public void Record_KeepsTheNewestDecisionsOfEachTrigger()
    {
        var ledger = new TriggerLedger();
        for (var i = 0; i <= TriggerLedger.MaxEntriesPerTrigger; i++)
        {
            ledger.Record(new TriggerLedgerEntry("lapse", $"k{i}", $"k{i}", string.Empty, T0.AddDays(i), TriggerOutcome.Sent));
        }

        ledger.Record(new TriggerLedgerEntry("birthday", "2026", "2026", string.Empty, T0, TriggerOutcome.Sent));

        Assert.False(ledger.IsDecided("lapse", "k0"));
        Assert.True(ledger.IsDecided("lapse", "k1"));
        Assert.True(ledger.IsDecided("birthday", "2026"));
    }

    [Fact]
    public void Defer_IsDecidedUntilTakenAtItsEnd()
    {
        var ledger = new TriggerLedger();
        var due = Due("lapse", "a", string.Empty);
        ledger.Defer(due, T0.AddHours(8));

        Assert.True(ledger.IsDecided("lapse", "a"));
        Assert.Equal(T0.AddHours(8), ledger.NextDeferralEnd("lapse"));
        Assert.Empty(ledger.TakeEnded("lapse", T0.AddHours(8).AddTicks(-1)));
        Assert.Equal([due], ledger.TakeEnded("lapse", T0.AddHours(8)).Select(static d => d.Due));
        Assert.False(ledger.IsDecided("lapse", "a"));
    }

    private static TriggerDue Due(string trigger, string key, string scope, string? series = null) =>
        new(trigger, T0, key, series ?? key, scope, null, false, null, new Dictionary<string, string>());
}
