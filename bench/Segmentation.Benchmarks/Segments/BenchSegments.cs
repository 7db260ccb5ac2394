using System.Globalization;
using System.Text.Json.Nodes;
using Segmentation.Domain.Profiles;
using Segmentation.Grains.Segments;
using Segmentation.Segments.Evaluation;
using Segmentation.Tracking;

namespace Segmentation.Benchmarks.Segments;

/// <summary>
/// A realistic set of 100 active segments (the 16 starters and 84 marketing rules of 14 kinds: windows, filtered
/// counts and sums, recency, traits, cart, lifecycle, RFM, <c>in_segment</c>), and a shopper with 60 days of history.
/// </summary>
public static class BenchSegments
{
    private static readonly string[] Templates =
    [
        "orders_count({0}d) >= {1}",
        "revenue({0}d) > {2}",
        "views({0}d) >= {1} and orders_count({0}d) = 0",
        "count(\"Product Viewed\" where category = \"{3}\", {0}d) >= {1}",
        "sum(\"Order Completed\" where currency = \"USD\", revenue, {0}d) > {2}",
        "email_opened within {0}d or email_clicked within {0}d",
        "total_revenue >= {2} and can_email",
        "country = \"FR\" and traits.plan = \"{3}\"",
        "last_order_at before {0}d and orders_count > 0",
        "not cart.empty and cart.value >= {1}",
        "lifecycle = \"active\" and avg_order_value > {1}",
        "rfm.r >= 4 and rfm.f >= {4}",
        "in_segment(\"recent-buyers\") and can_email and views({0}d) > {1}",
        "first_seen_at within {0}d or traits.tier >= {4}",
    ];

    private static readonly string[] Categories = ["shoes", "hats", "bags", "coats", "socks", "belts"];

    /// <summary>The starters plus 84 generated rules, as drafts with ids.</summary>
    public static IReadOnlyList<SegmentDraft> Drafts()
    {
        var drafts = StarterSegments.All.Select(static s => s with { Id = SegmentIds.FromName(s.Name, static _ => false) }).ToList();
        for (var i = 0; drafts.Count < 100; i++)
        {
            var variant = i / Templates.Length;
            var rule = string.Format(
                CultureInfo.InvariantCulture,
                Templates[i % Templates.Length],
                (variant * 13 % 88) + 2,
                variant + 1,
                (variant + 1) * 75,
                Categories[variant % Categories.Length],
                (variant % 5) + 1);
            drafts.Add(new SegmentDraft($"bench-{i:D2}", $"Bench {i}", rule));
        }

        return drafts;
    }

    /// <summary>The compiled set the customer grains would evaluate.</summary>
    public static SegmentDefinitionSet Set() =>
        new(1, Drafts().Select(static d => new ActiveSegment(d.Id!, d.Name, 1, 1, SegmentRuleCompiler.Compile(d.Rule))));

    /// <summary>A shopper's 60 days: <paramref name="events"/> views, cart changes, orders and email opens, then an identify.</summary>
    public static IEnumerable<TrackingMessage> History(string userId, DateTimeOffset end, int events = 300, int seed = 7)
    {
        var random = new Random(seed);
        var start = end.AddDays(-60);
        for (var i = 0; i < events; i++)
        {
            var at = start.AddMinutes((i * 60.0 * 24 * 60 / events) + random.Next(30));
            var product = new JsonObject
            {
                ["product_id"] = $"p{random.Next(40)}",
                ["category"] = Categories[random.Next(Categories.Length)],
                ["price"] = random.Next(5, 200),
                ["quantity"] = 1,
            };
            var (name, properties) = random.Next(10) switch
            {
                < 5 => ("Product Viewed", product),
                5 or 6 => ("Product Added", product),
                7 => ("Order Completed", new JsonObject { ["order_id"] = $"o{i}", ["revenue"] = random.Next(20, 300), ["currency"] = "USD" }),
                8 => ("Email Opened", new JsonObject { ["campaign_id"] = "spring" }),
                _ => ("Product Removed", product),
            };
            yield return Track(userId, name, at, properties, $"m{i}");
        }

        yield return new TrackingMessage
        {
            Type = TrackingMessageType.Identify,
            MessageId = "identify",
            UserId = userId,
            Timestamp = end,
            ReceivedAt = end,
            Traits = new JsonObject { ["email"] = "shopper@example.com", ["country"] = "FR", ["plan"] = "hats", ["tier"] = 2, ["email_consent"] = "subscribed" },
        };
    }

    public static CustomerProfile Profile(DateTimeOffset end, int events)
    {
        var profile = new CustomerProfile();
        foreach (var message in History("shopper", end, events))
        {
            profile.Apply(message);
        }

        return profile;
    }

    public static TrackingMessage Track(string userId, string name, DateTimeOffset at, JsonObject? properties, string? messageId = null) => new()
    {
        Type = TrackingMessageType.Track,
        MessageId = messageId ?? Guid.NewGuid().ToString("N"),
        UserId = userId,
        Event = name,
        Properties = properties,
        Timestamp = at,
        ReceivedAt = at,
    };
}
