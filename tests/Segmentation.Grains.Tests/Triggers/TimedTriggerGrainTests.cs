using Segmentation.Delivery.Sends;
using Segmentation.Domain.Triggers;
using static Segmentation.Grains.Tests.CustomerSilo;
using static Segmentation.Grains.Tests.Triggers.TriggerSilo;

namespace Segmentation.Grains.Tests.Triggers;

public sealed class TimedTriggerGrainTests
{
    [Fact]
    public async Task Birthday_InTokyoAndLosAngeles_EachAtNineLocal()
    {
        await using var silo = await StartAsync(("Birthday:Enabled", "true"));
        await silo.SendAsync(Subscriber("u-tokyo", Start, "Asia/Tokyo", "1990-03-05"), Subscriber("u-la", Start, "America/Los_Angeles", "1990-03-05"));
        var tokyo = new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.Zero);
        var losAngeles = new DateTimeOffset(2026, 3, 5, 17, 0, 0, TimeSpan.Zero);

        await silo.AdvanceToAsync(tokyo);
        Assert.Equal((tokyo, "2026"), (Assert.Single(await silo.SendsAsync("u-tokyo")).CreatedAt, (await silo.SendsAsync("u-tokyo"))[0].OccurrenceKey));
        await silo.AdvanceToAsync(losAngeles.AddTicks(-1));
        Assert.Empty(await silo.SendsAsync("u-la"));

        await silo.AdvanceToAsync(losAngeles);
        Assert.Equal(losAngeles, Assert.Single(await silo.SendsAsync("u-la")).CreatedAt);
        Assert.Equal(new DateTimeOffset(2027, 3, 5, 0, 0, 0, TimeSpan.Zero), Assert.Single(await silo.PendingAsync("u-tokyo")).DueAt);
    }

    [Fact]
    public async Task Birthday_LocalTimeSkippedBySpringForward_SendsAtTheFirstInstantAfterTheGap()
    {
        await using var silo = await StartAsync(
            ("Birthday:Enabled", "true"), ("Birthday:LocalTime", "02:00"), ("Guardrails:QuietHoursStart", "00:00"), ("Guardrails:QuietHoursEnd", "00:00"));
        await silo.SendAsync(Subscriber("u1", Start, "Europe/Berlin", "1980-03-29"));

        // Berlin's clocks jump from 02:00 CET to 03:00 CEST on 2026-03-29: 01:00Z.
        await silo.AdvanceToAsync(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), Assert.Single(await silo.SendsAsync("u1")).CreatedAt);
    }

    [Fact]
    public async Task Lapse_SixtyDaysWithoutActivity_ThenWinBackAtNinety()
    {
        await using var silo = await StartAsync(("Lapse:Enabled", "true"), ("Lapse:WinBackTemplateId", "d-win-back"));
        await silo.SendAsync(Subscriber("u1", Start), Track("u1", null, "Product Viewed", Start, new() { ["product_id"] = "p-1" }));

        await silo.AdvanceToAsync(Start.AddDays(60).AddTicks(-1));
        Assert.Empty(await silo.SendsAsync("u1"));
        await silo.AdvanceToAsync(Start.AddDays(90));

        var sends = await silo.SendsAsync("u1");
        Assert.Equal(
            [(TriggerKeys.Instant(Start) + "/win-back", Start.AddDays(90), "d-win-back"), (TriggerKeys.Instant(Start), Start.AddDays(60), null)],
            sends.Select(static s => (s.OccurrenceKey, s.CreatedAt, s.TemplateId)));
    }

    [Fact]
    public async Task Lapse_ActivityBeforeTheDueTime_MovesIt()
    {
        await using var silo = await StartAsync(("Lapse:Enabled", "true"));
        await silo.SendAsync(Subscriber("u1", Start));
        await silo.SendAtAsync(Start.AddDays(30), Track("u1", null, "Product Viewed", Start.AddDays(30), new() { ["product_id"] = "p-1" }));

        await silo.AdvanceToAsync(Start.AddDays(90).AddTicks(-1));

        Assert.Empty(await silo.SendsAsync("u1"));
        Assert.Equal(Start.AddDays(90), (await silo.PendingAsync("u1"))[0].DueAt);
    }

    [Fact]
    public async Task BrowseAbandonment_TwoViews_SendsTheProductAnHourAfterTheLast()
    {
        await using var silo = await StartAsync(("BrowseAbandonment:Enabled", "true"));
        await silo.SendAsync(Subscriber("u1", Start), View("u1", Start), View("u1", Start.AddMinutes(5)));

        await silo.AdvanceToAsync(Start.AddMinutes(65).AddTicks(-1));
        Assert.Empty(await silo.SendsAsync("u1"));
        await silo.AdvanceToAsync(Start.AddMinutes(65));

        var send = Assert.Single(await silo.SendsAsync("u1"));
        Assert.Equal(("p-1/" + TriggerKeys.Instant(Start.AddMinutes(5)), "p-1", "Trail shoe"), (send.OccurrenceKey, send.Payload!.Read().BrowsedProduct!.ProductId, send.Payload.Read().BrowsedProduct!.Name));
    }

    [Fact]
    public async Task BrowseAbandonment_AddedToTheCart_NothingIsSent()
    {
        await using var silo = await StartAsync(("BrowseAbandonment:Enabled", "true"));
        await silo.SendAsync(Subscriber("u1", Start), View("u1", Start), View("u1", Start.AddMinutes(5)));

        await silo.SendAtAsync(Start.AddMinutes(30), AddToCart("u1", Start.AddMinutes(30)));
        await silo.AdvanceToAsync(Start.AddDays(1));

        Assert.Empty(await silo.SendsAsync("u1"));
    }
}
