using Segmentation.LoadGenerator.Sending;

namespace Segmentation.LoadGenerator.Tests;

public sealed class RateScheduleTests
{
    [Fact]
    public void Without_a_ramp_events_are_due_evenly()
    {
        var schedule = new RateSchedule(1_000, TimeSpan.Zero, TimeSpan.FromSeconds(2));

        Assert.Equal(2_000, schedule.TotalEvents);
        Assert.Equal(TimeSpan.FromMilliseconds(100), schedule.DueOffset(100));
        Assert.Equal(TimeSpan.FromSeconds(2), schedule.DueOffset(2_000));
        Assert.Equal(1_000, schedule.RateAt(TimeSpan.FromSeconds(1)));
        Assert.Equal(0, schedule.RateAt(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void A_ramp_climbs_linearly_and_offers_half_the_rate_over_its_length()
    {
        var schedule = new RateSchedule(1_000, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));

        Assert.Equal((1_000 * 10 / 2) + (1_000 * 10), schedule.TotalEvents);
        Assert.Equal(500, schedule.RateAt(TimeSpan.FromSeconds(5)));
        Assert.Equal(1_000, schedule.RateAt(TimeSpan.FromSeconds(10)));
        Assert.Equal(1_250, schedule.EventsDueBy(TimeSpan.FromSeconds(5)), 9);
        Assert.Equal(TimeSpan.FromSeconds(5), schedule.DueOffset(1_250));
        Assert.Equal(TimeSpan.FromSeconds(10), schedule.DueOffset(5_000));
        Assert.Equal(TimeSpan.FromSeconds(11), schedule.DueOffset(6_000));
    }

    [Fact]
    public void Due_offsets_invert_the_events_due()
    {
        var schedule = new RateSchedule(7_333, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(9));
        for (long events = 0; events <= schedule.TotalEvents; events += 997)
        {
            Assert.Equal(events, schedule.EventsDueBy(schedule.DueOffset(events)), 2);
        }
    }

    [Fact]
    public void A_ramp_longer_than_the_duration_is_cut_at_the_duration()
    {
        var schedule = new RateSchedule(100, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(10));

        Assert.Equal(250, schedule.TotalEvents);
    }

    [Fact]
    public void Invalid_schedules_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateSchedule(0, TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateSchedule(double.NaN, TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateSchedule(10, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateSchedule(10, TimeSpan.Zero, TimeSpan.Zero));
    }
}
