using Segmentation.Delivery.Sends;
using Segmentation.Domain.Triggers;
using static Segmentation.Grains.Tests.CustomerSilo;
using static Segmentation.Grains.Tests.Triggers.TriggerSilo;

namespace Segmentation.Grains.Tests.Triggers;

public sealed class CartAbandonmentGrainTests
{
    private static readonly (string, string)[] Enabled = [("CartAbandonment:Enabled", "true"), ("CartAbandonment:TemplateId", "d-cart")];

    [Fact]
    public async Task Reminder_IdleCart_SendsAtExactlyTheDueTime()
    {
        await using var silo = await StartAsync(Enabled);
        await silo.SendAsync(Subscriber("u1", Start), AddToCart("u1", Start));
        var due = Start.AddHours(1);

        await silo.AdvanceToAsync(due.AddTicks(-1));
        Assert.Empty(await silo.SendsAsync("u1"));
        Assert.Equal([new("cart_abandonment", due, TriggerKeys.Instant(Start), false)], await silo.PendingAsync("u1"));

        await silo.AdvanceToAsync(due);
        var send = Assert.Single(await silo.SendsAsync("u1"));
        Assert.Equal(SendIds.Compute("u1", "cart_abandonment", TriggerKeys.Instant(Start)), send.SendId);
        Assert.Equal((SendStatus.Pending, due, "d-cart", SendKind.Marketing), (send.Status, send.CreatedAt, send.TemplateId, send.Kind));
        var payload = send.Payload!.Read();
        var item = Assert.Single(payload.CartItems);
        Assert.Equal(("p-1", 89.9m, "https://shop.example/img/p-1.jpg"), (item.ProductId, item.Price, item.ImageUrl));
        Assert.Equal(("u1@example.com", "Ada", "1"), (payload.Recipient.Email, payload.Recipient.FirstName, payload.Properties["step"]));
    }

    [Fact]
    public async Task Order_BeforeTheDueTime_CancelsTheReminder()
    {
        await using var silo = await StartAsync(Enabled);
        await silo.SendAsync(Subscriber("u1", Start), AddToCart("u1", Start));

        await silo.SendAtAsync(Start.AddMinutes(30), Order("u1", "o-1", 89.9m, Start.AddMinutes(30)));
        Assert.Empty(await silo.PendingAsync("u1"));
        await silo.AdvanceToAsync(Start.AddDays(2));

        Assert.Empty(await silo.SendsAsync("u1"));
    }

    [Fact]
    public async Task Order_TimestampedBeforeTheCartAddButAppliedAfter_CancelsTheReminder()
    {
        await using var silo = await StartAsync(Enabled);
        await silo.SendAsync(Subscriber("u1", Start), AddToCart("u1", Start));

        // The shop's backend reports the order late, with a clock five minutes behind the browser's.
        await silo.SendAtAsync(Start.AddMinutes(10), Order("u1", "o-1", 89.9m, Start.AddMinutes(-5)) with { ReceivedAt = Start.AddMinutes(10) });
        await silo.AdvanceToAsync(Start.AddDays(2));

        Assert.Empty(await silo.SendsAsync("u1"));
        Assert.False((await silo.Directory().GetAsync("u1")).Profile!.Cart.IsEmpty);
    }

    [Fact]
    public async Task SecondStep_ADayAfterTheLastChange_AndTheCooldownSkipsTheNextCart()
    {
        await using var silo = await StartAsync(Enabled);
        await silo.SendAsync(Subscriber("u1", Start), AddToCart("u1", Start));
        await silo.AdvanceToAsync(Start.AddDays(1));
        Assert.Equal(2, (await silo.SendsAsync("u1")).Count);

        // Bought at +25 h; a new cart at +26 h is due at +27 h, within 12 hours of the last send (+24 h).
        await silo.SendAtAsync(Start.AddHours(25), Order("u1", "o-1", 89.9m, Start.AddHours(25)));
        await silo.SendAtAsync(Start.AddHours(26), AddToCart("u1", Start.AddHours(26), "p-2"));
        await silo.AdvanceToAsync(Start.AddHours(27));

        var sends = await silo.SendsAsync("u1");
        Assert.Equal(
            [
                (TriggerKeys.Instant(Start.AddHours(26)), SendStatus.Skipped, SendSkipReasons.Cooldown),
                (TriggerKeys.Instant(Start) + "/2", SendStatus.Pending, null),
                (TriggerKeys.Instant(Start), SendStatus.Pending, null),
            ],
            sends.Select(static s => (s.OccurrenceKey, s.Status, s.SkipReason?.Code)));
        Assert.Equal(Start.AddDays(1), sends[1].CreatedAt);
    }

    [Fact]
    public async Task QuietHours_DueAt2130_SendsAt0800TheNextMorning()
    {
        await using var silo = await StartAsync(Enabled);
        var evening = Start.Date.AddHours(20.5);
        await silo.SendAtAsync(evening, Subscriber("u1", evening), AddToCart("u1", evening));
        var morning = new DateTimeOffset(Start.Date.AddDays(1).AddHours(8), TimeSpan.Zero);

        await silo.AdvanceToAsync(morning.AddTicks(-1));
        Assert.Empty(await silo.SendsAsync("u1"));
        Assert.Equal([new("cart_abandonment", morning, TriggerKeys.Instant(evening), true)], (await silo.PendingAsync("u1")).Where(static p => p.Deferred));

        await silo.AdvanceToAsync(morning);
        var send = Assert.Single(await silo.SendsAsync("u1"));
        Assert.Equal((TriggerKeys.Instant(evening), morning), (send.OccurrenceKey, send.CreatedAt));
    }

    [Fact]
    public async Task QuietHours_BoughtDuringTheNight_TheDeferredSendIsSkipped()
    {
        await using var silo = await StartAsync(Enabled);
        var evening = Start.Date.AddHours(20.5);
        await silo.SendAtAsync(evening, Subscriber("u1", evening), AddToCart("u1", evening));
        var checkout = CustomerSilo.Track("u1", null, "Checkout Started", evening.AddHours(2));

        await silo.SendAtAsync(evening.AddHours(2), checkout);
        await silo.AdvanceToAsync(evening.AddDays(1));

        var skip = Assert.Single(await silo.SendsAsync("u1"));
        Assert.Equal((SendStatus.Skipped, SendSkipReasons.ConditionNotMet), (skip.Status, skip.SkipReason!.Code));
    }

    [Fact]
    public async Task Anonymous_NoReminderUntilAnEmailIsKnown_ThenTheCartIsSentOnTime()
    {
        await using var silo = await StartAsync(Enabled);
        await silo.SendAsync(AddToCart("u1", Start));
        Assert.Empty(await silo.PendingAsync("u1"));

        await silo.SendAtAsync(Start.AddMinutes(30), Subscriber("u1", Start.AddMinutes(30)));
        await silo.AdvanceToAsync(Start.AddDays(2).AddHours(-1));

        Assert.Equal([Start.AddHours(1), Start.AddDays(1)], (await silo.SendsAsync("u1")).Select(static s => s.CreatedAt).Reverse());
    }

    [Fact]
    public async Task Consent_MissingOrWithdrawn_SkipsWithTheReason()
    {
        await using var silo = await StartAsync(Enabled);
        var unknown = Identify("u-unknown", null, Start, new() { ["email"] = "x@example.com" });
        var unsubscribed = Identify("u-unsubscribed", null, Start, new() { ["email"] = "y@example.com", ["unsubscribed"] = true });
        await silo.SendAsync(unknown, unsubscribed, AddToCart("u-unknown", Start), AddToCart("u-unsubscribed", Start));

        await silo.AdvanceToAsync(Start.AddHours(1));

        Assert.Equal(SendSkipReasons.NoConsent, Assert.Single(await silo.SendsAsync("u-unknown")).SkipReason!.Code);
        Assert.Equal(SendSkipReasons.Unsubscribed, Assert.Single(await silo.SendsAsync("u-unsubscribed")).SkipReason!.Code);
    }

    [Fact]
    public async Task Disabled_ReminderThatFiresAfterwards_SkipsAsDisabledAndNoneAreSetAgain()
    {
        await using var silo = await StartAsync(Enabled);
        await silo.SendAsync(Subscriber("u1", Start), AddToCart("u1", Start));
        var settings = (Domain.Triggers.Settings.CartAbandonmentSettings)(await silo.Triggers().GetAsync("cart_abandonment"))!.Settings;
        settings.Enabled = false;
        await silo.Triggers().UpdateAsync("cart_abandonment", settings, "tests");

        await silo.AdvanceToAsync(Start.AddDays(2));

        Assert.Equal(SendSkipReasons.TriggerDisabled, Assert.Single(await silo.SendsAsync("u1")).SkipReason!.Code);
        Assert.Empty(await silo.PendingAsync("u1"));
    }
}
