using Segmentation.Tracking;
using static Segmentation.Segments.Tests.Support.Messages;

namespace Segmentation.Segments.Tests.Support;

/// <summary>A seeded generator of mixed event streams touching every attribute group of the catalog.</summary>
internal static class StreamGenerator
{
    private static readonly string[] Categories = ["shoes", "Shoes", "hats", "bags"];

    public static List<TrackingMessage> Generate(int seed, int count, DateTimeOffset start, TimeSpan span)
    {
        var random = new Random(seed);
        var messages = new List<TrackingMessage>(count);
        for (var i = 0; i < count; i++)
        {
            var at = start + TimeSpan.FromMinutes(random.NextDouble() * span.TotalMinutes);
            at = new DateTimeOffset(at.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
            messages.Add(Next(random, at, $"m{i:D5}"));
        }

        return messages;
    }

    private static TrackingMessage Next(Random random, DateTimeOffset at, string id)
    {
        var category = Categories[random.Next(Categories.Length)];
        var price = random.Next(1, 40) * 5;
        var product = $$"""{"product_id":"p{{random.Next(5)}}","category":"{{category}}","price":{{price}},"quantity":{{random.Next(1, 3)}},"product id":"x"}""";
        return random.Next(14) switch
        {
            0 or 1 or 2 => Track("Product Viewed", at, product, id),
            3 or 4 => Track("Product Added", at, product, id),
            5 => Track("Product Removed", at, product, id),
            6 or 7 => Track("Order Completed", at, $$"""{"order_id":"o{{random.Next(20)}}","revenue":{{price * 3}},"currency":"{{(random.Next(2) == 0 ? "USD" : "EUR")}}","products":[{{product}}]}""", id),
            8 => Track("Email Opened", at, """{"campaign_id":"spring"}""", id),
            9 => Track("Email Link Clicked", at, """{"campaign_id":"spring"}""", id),
            10 => Track("Wishlist Added", at, product, id),
            11 => Identify(at, $$"""{"email":"a{{random.Next(3)}}@example.com","first_name":"Jo","country":"FR","email_consent":"{{(random.Next(3) == 0 ? "unsubscribed" : "subscribed")}}","plan":"{{(random.Next(2) == 0 ? "gold" : "vip")}}","tier":{{random.Next(1, 4)}},"score":"{{at.AddDays(-random.Next(10)):yyyy-MM-dd}}","address":{"city":"Paris"},"a_b":true}""", id),
            12 => Track("Order Cancelled", at, $$"""{"order_id":"o{{random.Next(20)}}"}""", id),
            _ => Page(at, id),
        };
    }
}
