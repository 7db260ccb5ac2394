using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;
using Segmentation.Grains.Customers;
using Segmentation.Grains.Triggers;
using Segmentation.TestKit;
using Segmentation.Tracking;

namespace Segmentation.Grains.Tests.Triggers;

/// <summary>A test silo with customer profiles and triggers on a fake clock that starts on a Monday at 10:00 UTC, and shortcuts.</summary>
internal static class TriggerSilo
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Options with <c>Segmentation:Triggers:</c> settings, e.g. <c>("CartAbandonment:Enabled", "true")</c>.</summary>
    public static TestSiloOptions Options(params (string Key, string Value)[] settings)
    {
        var options = new TestSiloOptions { Configure = static builder => builder.AddCustomerProfiles(), Clock = new FakeTimeProvider(Start) };
        foreach (var (key, value) in settings)
        {
            options.Settings[$"{TriggerOptions.SectionName}:{key}"] = value;
        }

        return options;
    }

    public static Task<TestSilo> StartAsync(params (string Key, string Value)[] settings) => TestSilo.StartAsync(Options(settings));

    /// <summary>The customer's sends and skips, newest first, once everything appended so far is applied.</summary>
    public static async Task<IReadOnlyList<SendRecord>> SendsAsync(this TestSilo silo, string customerId)
    {
        await silo.WhenIdleAsync();
        return await silo.Services.GetRequiredService<OutboxDirectory>().GetCustomerSendsAsync(customerId);
    }

    public static Task<IReadOnlyList<PendingTrigger>> PendingAsync(this TestSilo silo, string customerId) =>
        silo.Services.GetRequiredService<CustomerDirectory>().GetPendingTriggersAsync(customerId);

    public static TriggerDirectory Triggers(this TestSilo silo) => silo.Services.GetRequiredService<TriggerDirectory>();

    /// <summary>An identify with an email, marketing consent and a time zone.</summary>
    public static TrackingMessage Subscriber(string userId, DateTimeOffset at, string timeZone = "UTC", string? birthday = null)
    {
        var traits = new JsonObject { ["email"] = $"{userId}@example.com", ["first_name"] = "Ada", ["email_consent"] = true, ["timezone"] = timeZone };
        if (birthday is not null)
        {
            traits["birthday"] = birthday;
        }

        return CustomerSilo.Identify(userId, null, at, traits);
    }

    public static TrackingMessage AddToCart(string userId, DateTimeOffset at, string product = "p-1") =>
        CustomerSilo.Track(userId, null, "Product Added", at, new JsonObject
        {
            ["product_id"] = product,
            ["name"] = "Trail shoe",
            ["price"] = 89.9m,
            ["quantity"] = 1,
            ["image_url"] = $"https://shop.example/img/{product}.jpg",
        });

    public static TrackingMessage View(string userId, DateTimeOffset at, string product = "p-1") =>
        CustomerSilo.Track(userId, null, "Product Viewed", at, new JsonObject { ["product_id"] = product, ["name"] = "Trail shoe", ["price"] = 89.9m });

    /// <summary>Moves the clock to <paramref name="at"/> (firing what is due on the way) and applies the messages there.</summary>
    public static async Task SendAtAsync(this TestSilo silo, DateTimeOffset at, params TrackingMessage[] messages)
    {
        await silo.AdvanceToAsync(at);
        await silo.SendAsync(messages);
    }
}
