using Segmentation.Grains.Segments;
using Segmentation.TestKit;
using static Segmentation.Grains.Tests.CustomerSilo;
using static Segmentation.Grains.Tests.Segments.Engine.CustomerSegmentEvaluationTests;

namespace Segmentation.Grains.Tests.Segments.Engine;

public sealed class TimeWindowSegmentTests
{
    [Fact]
    public async Task Reminder_ActiveWithin7Days_MovesTheCustomerOutAtExactlyTheInstant()
    {
        var (harness, silo) = await SegmentSilo.StartAsync();
        await using var _ = silo;
        await silo.CreateAsync("active-7d", "last_activity_at within 7d");
        var t0 = silo.Clock.GetUtcNow();
        await silo.SendAsync(Track("u1", null, "Product Viewed", t0, Product()));
        var expiry = t0.AddDays(7);

        await silo.AdvanceToAsync(expiry.AddTicks(-1));
        Assert.Equal(1, (await silo.InfoAsync("active-7d")).Count);
        Assert.Equal(["active-7d"], await SegmentIdsAsync(silo, "u1"));

        await silo.AdvanceToAsync(expiry);
        Assert.Equal(0, (await silo.InfoAsync("active-7d")).Count);
        Assert.Empty(await SegmentIdsAsync(silo, "u1"));
        Assert.Equal(new SegmentDelta("u1", 1, false, expiry, "time", 0), (await harness.DeltasAsync("active-7d"))[^1]);
    }

    [Fact]
    public async Task Reminder_NewActivityInTheWindow_MovesTheExitLater()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        await silo.CreateAsync("active-7d", "last_activity_at within 7d");
        var t0 = silo.Clock.GetUtcNow();
        await silo.SendAsync(Track("u1", null, "Product Viewed", t0, Product()));
        await silo.AdvanceToAsync(t0.AddDays(3));
        await silo.SendAsync(Track("u1", null, "Product Viewed", t0.AddDays(3), Product()));

        await silo.AdvanceToAsync(t0.AddDays(10).AddTicks(-1));
        Assert.Equal(1, (await silo.InfoAsync("active-7d")).Count);

        await silo.AdvanceToAsync(t0.AddDays(10));
        var info = await silo.InfoAsync("active-7d");
        Assert.Equal((0L, 1L, 1L), (info.Count, info.Entered, info.Left));
    }

    [Fact]
    public async Task Reminder_IdleCart_EntersAbandonedCartWhenTheHourIsUp()
    {
        var (harness, silo) = await SegmentSilo.StartAsync();
        await using var _ = silo;
        var t0 = silo.Clock.GetUtcNow();
        await silo.SendAsync(Track("u1", null, "Product Added", t0, Product()));

        await silo.AdvanceToAsync(t0.AddHours(1).AddTicks(-1));
        Assert.Equal(0, (await silo.InfoAsync("abandoned-cart")).Count);
        await silo.AdvanceToAsync(t0.AddHours(2));

        Assert.Equal(["u1"], await silo.MemberIdsAsync("abandoned-cart"));
        Assert.Equal(new SegmentDelta("u1", 1, true, t0.AddHours(1), "time", 0), (await harness.DeltasAsync("abandoned-cart"))[^1]);
        await silo.SendAsync(Order("u1", "o-1", 20m, t0.AddHours(2)));
        Assert.Empty(await silo.MemberIdsAsync("abandoned-cart"));
    }
}
