using System.Text.Json.Nodes;
using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;
using Segmentation.Domain.Triggers;
using Segmentation.Grains.Customers;
using Segmentation.Grains.Segments;
using Segmentation.Tracking;

namespace Segmentation.Grains.Tests.Customers;

/// <summary>
/// The customer state whose snapshot is kept in <c>Customers/Snapshots/customer-format3.snapshot</c> (written by the code
/// before the grain's collections were allocated lazily): every part of <see cref="CustomerGrainState"/> holds something.
/// </summary>
internal static class StoredGrainSnapshot
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "Customers", "Snapshots", "customer-format3.snapshot");

    public static CustomerGrainState Build()
    {
        var profile = new CustomerProfile();
        profile.Apply(Message(TrackingMessageType.Identify, "m-1", null, T0) with
        {
            AnonymousId = "anon-1",
            Traits = new JsonObject { ["email"] = "shopper@example.com", ["first_name"] = "Shopper", ["email_consent"] = "subscribed" },
        });
        profile.Apply(Message(TrackingMessageType.Track, "m-2", "Order Completed", T0.AddMinutes(5)) with
        {
            Properties = new JsonObject { ["order_id"] = "o-1", ["revenue"] = 42.5m, ["currency"] = "USD" },
        });
        profile.Apply(Message(TrackingMessageType.Track, "m-3", "Product Added", T0.AddMinutes(9)) with
        {
            Properties = new JsonObject { ["product_id"] = "p-1", ["name"] = "Product 1", ["price"] = 17, ["quantity"] = 2 },
        });

        var state = new CustomerGrainState
        {
            Profile = profile,
            ReportedRfm = new RfmInput(DateOnly.FromDateTime(T0.UtcDateTime), 1, 4250),
            ReportedEmail = "shopper@example.com",
            Registered = true,
            SegmentsEvaluatedAt = T0.AddMinutes(9),
            SegmentReminderAt = T0.AddDays(7),
            SegmentSequence = 3 << 16,
        };
        state.AddLinkedAnonymousId("anon-1");
        state.AddMergedSource("anon-2");
        state.Segments["vip"] = new SegmentMembershipEntry(3, T0.AddMinutes(5));
        state.Segments["buyers"] = new SegmentMembershipEntry(1, T0.AddMinutes(5));
        state.Triggers.Cart = new CartCycle(T0.AddMinutes(9), null);
        state.Triggers.Reminders["cart_abandonment"] = T0.AddMinutes(69);
        state.Triggers.Reminders["lapse"] = T0.AddDays(60);
        state.Triggers.Ledger.Record(new TriggerLedgerEntry("birthday", "2026", "2026", string.Empty, T0, TriggerOutcome.Sent));
        var due = new TriggerDue("browse_abandonment", T0, "p-1/x", "p-1/x", "p-1", "d-1", false, "p-1", new Dictionary<string, string> { ["product"] = "p-1" });
        state.Triggers.Ledger.Defer(due, T0.AddHours(10));
        return state;
    }

    private static TrackingMessage Message(TrackingMessageType type, string id, string? name, DateTimeOffset at) => new()
    {
        Type = type,
        MessageId = id,
        UserId = "customer-1",
        Event = name,
        Timestamp = at,
        ReceivedAt = at,
    };
}
