using Segmentation.Runtime.Reminders;

namespace Segmentation.Runtime.Tests;

public sealed class ReminderLatenessTests
{
    [Fact]
    public void Summarize_Nothing_IsAllZero()
    {
        Assert.Equal(new ReminderLatenessSummary(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero), new ReminderLateness().Summarize());
    }

    [Fact]
    public void Summarize_HundredDeliveries_GivesTheMillisecondAboveEachRankAndTheExactMaximum()
    {
        var lateness = new ReminderLateness();
        for (var i = 99; i >= 0; i--)
        {
            lateness.Record(TimeSpan.FromMilliseconds(i + 0.5));
        }

        var summary = lateness.Summarize();

        Assert.Equal(100, summary.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(50), summary.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(99), summary.P99);
        Assert.Equal(TimeSpan.FromMilliseconds(99.5), summary.Max);
    }

    [Fact]
    public void Summarize_PercentileBeyondTheExactRange_IsTheMaximum()
    {
        var lateness = new ReminderLateness();
        for (var i = 0; i < 98; i++)
        {
            lateness.Record(TimeSpan.FromMilliseconds(3.2));
        }

        lateness.Record(TimeSpan.FromSeconds(12));
        lateness.Record(TimeSpan.FromSeconds(40));

        var summary = lateness.Summarize();

        Assert.Equal(TimeSpan.FromMilliseconds(4), summary.P50);
        Assert.Equal(TimeSpan.FromSeconds(40), summary.P99);
        Assert.Equal(TimeSpan.FromSeconds(40), summary.Max);
    }

    [Fact]
    public void Record_EarlyDelivery_CountsAsOnTime()
    {
        var lateness = new ReminderLateness();

        lateness.Record(TimeSpan.FromMilliseconds(-20));

        Assert.Equal(new ReminderLatenessSummary(1, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero), lateness.Summarize());
    }
}
