using Segmentation.Tracking;

namespace Segmentation.Domain.Tests.Support;

/// <summary>A seeded generator of realistic mixed event streams (every event type the profile interprets).</summary>
internal static class StreamGenerator
{
    private static readonly string[] Products = ["p1", "p2", "p3", "p4", "p5"];
    private static readonly string[] Categories = ["shoes", "hats", "bags"];

    /// <summary>
    /// <paramref name="count"/> messages with timestamps spread over <paramref name="span"/> from
    /// <paramref name="start"/>, some on identical instants (ties are broken by message id), message ids not in time order.
    /// </summary>
    public static List<TrackingMessage> Generate(int seed, int count, DateTimeOffset start, TimeSpan span)
    {
        var random = new Random(seed);
        var messages = new List<TrackingMessage>(count);
        DateTimeOffset? previous = null;
        for (var i = 0; i < count; i++)
        {
            var at = previous is { } p && random.Next(8) == 0
                ? p
                : start + TimeSpan.FromTicks((long)(random.NextDouble() * span.Ticks) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond);
            previous = at;
            var id = $"m{random.Next(1_000_000):D6}-{i:D5}";
            messages.Add(Next(random, at, id));
        }

        return messages;
    }

    private static TrackingMessage Next(Random random, DateTimeOffset at, string id)
    {
        var product = Products[random.Next(Products.Length)];
        var category = Categories[random.Next(Categories.Length)];
        var price = random.Next(1, 20) * 5 + 0.99m;
        var orderId = $"o{random.Next(12)}";
        var campaign = random.Next(2) == 0 ? "spring" : "summer";
        var productJson = $$"""{"product_id":"{{product}}","name":"Item {{product}}","category":"{{category}}","price":{{price}},"quantity":{{random.Next(1, 4)}}}""";
        return random.Next(22) switch
        {
            0 or 1 => Messages.Page(at, """{"time_on_page":12.5}""", id),
            2 or 3 or 4 => Messages.Track("Product Viewed", at, productJson, id),
            5 => Messages.Track("Product List Viewed", at, $$"""{"category":"{{category}}"}""", id),
            6 or 7 => Messages.Track("Product Added", at, productJson, id),
            8 => Messages.Track("Product Removed", at, $$"""{"product_id":"{{product}}","quantity":1}""", id),
            9 => Messages.Track("Cart Viewed", at, $$"""{"products":[{{productJson}}]}""", id),
            10 => Messages.Track("Checkout Started", at, "{}", id),
            11 or 12 => Messages.Track("Order Completed", at, $$"""{"order_id":"{{orderId}}","revenue":{{price}},"currency":"usd","products":[{{productJson}}]}""", id),
            13 => Messages.Track("Order Refunded", at, $$"""{"order_id":"{{orderId}}","total":{{random.Next(1, 10)}}.5}""", id),
            14 => Messages.Track("Order Cancelled", at, $$"""{"order_id":"{{orderId}}"}""", id),
            15 => Messages.Track("Order Updated", at, $$"""{"order_id":"{{orderId}}","total":{{price + 1m}}}""", id),
            16 => Messages.Identify(at, $$"""{"email":"e{{random.Next(3)}}@example.com","first_name":"N{{random.Next(3)}}","email_consent":"{{(random.Next(2) == 0 ? "subscribed" : "unsubscribed")}}","plan":{"tier":{{random.Next(3)}}} }""", id, anonymousId: $"anon-{random.Next(3)}", context: """{"timezone":"Europe/Paris"}"""),
            17 => Messages.Track("Products Searched", at, $$"""{"query":"q{{random.Next(70)}}"}""", id),
            18 => Messages.Track(random.Next(2) == 0 ? "Email Opened" : "Email Link Clicked", at, $$"""{"campaign_id":"{{campaign}}"}""", id),
            19 => Messages.Track(random.Next(3) == 0 ? "Email Bounced" : "Unsubscribed", at, """{"bounce_type":"soft"}""", id),
            20 => Messages.Track("Wishlist Added", at, productJson, id),
            _ => Messages.Track("Order Completed", at, $$"""{"revenue":{{price}}}""", id),
        };
    }
}
