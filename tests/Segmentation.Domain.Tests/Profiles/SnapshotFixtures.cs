using Segmentation.Domain.Profiles;
using Segmentation.Domain.Tests.Support;
using Segmentation.Tracking;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Profiles;

/// <summary>
/// The profiles whose snapshots are kept as files in <c>Profiles/Snapshots</c> (format 3, written by the profile code
/// before its collections were allocated lazily): each is built again from the same messages by the code under test.
/// </summary>
internal static class SnapshotFixtures
{
    public static IReadOnlyDictionary<string, Func<CustomerProfile>> Profiles { get; } = new Dictionary<string, Func<CustomerProfile>>(StringComparer.Ordinal)
    {
        ["empty"] = static () => new CustomerProfile(),
        ["three-events"] = static () => ProfileAssert.Build(ThreeEvents()),
        ["mixed-20-days"] = static () => ProfileAssert.Build(Arrival(37, 400, TimeSpan.FromDays(20))),
        ["mixed-120-days"] = static () => ProfileAssert.Build(Arrival(36, 1500, TimeSpan.FromDays(120))),
        ["merged"] = static () =>
        {
            var stream = StreamGenerator.Generate(38, 300, T0, TimeSpan.FromHours(30));
            var first = ProfileAssert.BuildInOrder(stream.Where((_, i) => i % 3 != 0));
            first.MergeFrom(ProfileAssert.BuildInOrder(stream.Where((_, i) => i % 3 == 0)));
            return first;
        },
    };

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Profiles", "Snapshots", name + ".snapshot");

    /// <summary>What each customer of the reminder-load benchmark sends: identify, an order 45 days before, a cart add.</summary>
    private static IEnumerable<TrackingMessage> ThreeEvents()
    {
        yield return Identify(T0, """{"email":"shopper7@example.com","first_name":"Shopper","email_consent":"subscribed"}""", id: "c7-identify", userId: "customer-7");
        yield return Track("Order Completed", T0, """{"order_id":"c7-o1","revenue":279,"currency":"USD"}""", id: "c7-order", userId: "customer-7");
        yield return Track(
            "Product Added",
            T0.AddDays(45),
            """{"product_id":"p7","name":"Product 7","price":17,"quantity":1,"image_url":"https://shop.example/images/p7.jpg"}""",
            id: "c7-cart",
            userId: "customer-7");
    }

    /// <summary>A generated stream in the order it arrives: each message delayed by up to 20 hours.</summary>
    private static List<TrackingMessage> Arrival(int seed, int count, TimeSpan span)
    {
        var random = new Random(seed);
        return StreamGenerator.Generate(seed, count, T0, span)
            .OrderBy(m => m.Timestamp.UtcTicks + (long)(random.NextDouble() * TimeSpan.FromHours(20).Ticks))
            .ToList();
    }
}
