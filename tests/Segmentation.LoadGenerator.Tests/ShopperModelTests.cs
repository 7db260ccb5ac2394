using System.Text.Json;
using Segmentation.LoadGenerator.Shoppers;

namespace Segmentation.LoadGenerator.Tests;

public sealed class ShopperModelTests
{
    private static readonly HashSet<string> TrackEvents =
    [
        "Products Searched", "Product List Viewed", "Product Viewed", "Product Added", "Product Removed", "Cart Viewed",
        "Checkout Started", "Order Completed", "Email Opened", "Email Link Clicked",
    ];

    private static readonly string[] ProductFields = ["product_id", "sku", "category", "name", "brand", "price"];

    private readonly List<JsonElement> _events = ShopperStream.Events(ShopperStream.Bodies(ShopperStream.SmallPopulation(), batches: 200));

    [Fact]
    public void The_same_seed_gives_the_same_bytes()
    {
        var first = ShopperStream.Bodies(ShopperStream.SmallPopulation(seed: 42), batches: 30);
        var second = ShopperStream.Bodies(ShopperStream.SmallPopulation(seed: 42), batches: 30);
        var other = ShopperStream.Bodies(ShopperStream.SmallPopulation(seed: 43), batches: 30);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Every_call_has_a_type_ids_a_unique_message_id_and_the_send_time()
    {
        Assert.Equal(20_000, _events.Count);
        var messageIds = new HashSet<string>();
        foreach (var e in _events)
        {
            var type = e.GetProperty("type").GetString();
            Assert.Contains(type, new[] { "track", "identify", "page" });
            var messageId = e.GetProperty("messageId").GetString()!;
            Assert.StartsWith("test-run-", messageId, StringComparison.Ordinal);
            Assert.InRange(messageId.Length, 1, 100);
            Assert.True(messageIds.Add(messageId), $"duplicate messageId {messageId}");
            Assert.True(e.TryGetProperty("userId", out _) || e.TryGetProperty("anonymousId", out _));
            Assert.Equal("2026-03-01T12:00:00.123Z", e.GetProperty("timestamp").GetString());
            if (type == "track")
            {
                Assert.Contains(e.GetProperty("event").GetString()!, TrackEvents);
                Assert.Equal(JsonValueKind.Object, e.GetProperty("properties").ValueKind);
            }
        }
    }

    [Fact]
    public void The_mix_has_every_kind_of_call_with_views_most_common_and_fewer_orders_than_checkouts()
    {
        var byName = _events.GroupBy(Name).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(ShopperEventNames.All, kind => Assert.True(byName.GetValueOrDefault(ShopperEventNames.NameOf(kind)) > 0, $"no {kind}"));
        Assert.Equal("Product Viewed", byName.MaxBy(p => p.Value).Key);
        Assert.True(byName["Order Completed"] < byName["Checkout Started"]);
        Assert.True(byName["Checkout Started"] < byName["Product Added"]);
        Assert.True(byName["Email Link Clicked"] < byName["Email Opened"]);
    }

    [Fact]
    public void Visiting_every_customer_first_brings_each_customer_in_turn_in_the_first_sessions()
    {
        var firstAppearances = FirstAppearancesWithin500Sessions(visitAll: true);

        Assert.Equal(Enumerable.Range(0, 500), firstAppearances);
    }

    [Fact]
    public void Without_visiting_every_customer_first_popular_customers_come_back_and_some_never_show_up()
    {
        var firstAppearances = FirstAppearancesWithin500Sessions(visitAll: false);

        Assert.InRange(firstAppearances.Count, 1, 450);
    }

    private static List<int> FirstAppearancesWithin500Sessions(bool visitAll)
    {
        var model = new ShopperModel(new ShopperModelOptions
        {
            Customers = 500, Products = 100, ConcurrentSessions = 20, VisitEveryCustomerFirst = visitAll,
        });
        var shopperEvent = new ShopperEvent();
        var seen = new HashSet<int>();
        var firstAppearances = new List<int>();
        while (model.SessionsStarted < 500)
        {
            model.Next(shopperEvent);
            if (seen.Add(shopperEvent.Customer))
            {
                firstAppearances.Add(shopperEvent.Customer);
            }
        }

        return firstAppearances;
    }

    [Fact]
    public void Orders_carry_id_revenue_currency_and_products_that_add_up()
    {
        var orders = _events.Where(e => Name(e) == "Order Completed").ToList();
        Assert.NotEmpty(orders);
        var orderIds = new HashSet<string>();
        foreach (var order in orders)
        {
            var p = order.GetProperty("properties");
            Assert.True(orderIds.Add(p.GetProperty("order_id").GetString()!));
            Assert.Equal("USD", p.GetProperty("currency").GetString());
            var products = p.GetProperty("products").EnumerateArray().ToList();
            Assert.NotEmpty(products);
            decimal sum = 0;
            foreach (var product in products)
            {
                Assert.All(ProductFields, field => Assert.True(product.TryGetProperty(field, out _), $"product without {field}"));
                var quantity = product.GetProperty("quantity").GetInt32();
                Assert.InRange(quantity, 1, 100);
                sum += product.GetProperty("price").GetDecimal() * quantity;
            }

            Assert.Equal(sum, p.GetProperty("revenue").GetDecimal());
            Assert.Equal(
                sum + p.GetProperty("shipping").GetDecimal() + p.GetProperty("tax").GetDecimal(),
                p.GetProperty("total").GetDecimal());
        }
    }

    [Fact]
    public void Checkouts_announce_the_order_id_of_the_order_that_follows()
    {
        var checkoutIds = _events.Where(e => Name(e) == "Checkout Started")
            .Select(e => e.GetProperty("properties").GetProperty("order_id").GetString()).ToHashSet();

        Assert.All(_events.Where(e => Name(e) == "Order Completed"), order =>
            Assert.Contains(order.GetProperty("properties").GetProperty("order_id").GetString(), checkoutIds));
    }

    [Fact]
    public void Cart_events_carry_the_product_fields_quantity_and_cart_id()
    {
        foreach (var e in _events.Where(e => Name(e) is "Product Added" or "Product Removed"))
        {
            var p = e.GetProperty("properties");
            Assert.All(ProductFields, field => Assert.True(p.TryGetProperty(field, out _), $"{Name(e)} without {field}"));
            Assert.StartsWith("test-run-cart-", p.GetProperty("cart_id").GetString(), StringComparison.Ordinal);
            Assert.True(p.GetProperty("quantity").GetInt32() >= 1);
        }
    }

    [Fact]
    public void Identify_calls_carry_traits_with_a_test_domain_email()
    {
        var identifies = _events.Where(e => Name(e) == "identify").ToList();
        Assert.NotEmpty(identifies);
        foreach (var identify in identifies)
        {
            Assert.StartsWith("user-", identify.GetProperty("userId").GetString(), StringComparison.Ordinal);
            var traits = identify.GetProperty("traits");
            Assert.EndsWith("@example.test", traits.GetProperty("email").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(traits.GetProperty("first_name").GetString()));
            Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(traits.GetProperty("timezone").GetString()!));
            Assert.True(DateOnly.TryParseExact(traits.GetProperty("birthday").GetString(), "yyyy-MM-dd", out _));
        }
    }

    [Fact]
    public void Anonymous_visitors_browse_first_and_are_identified_later_under_the_same_anonymous_id()
    {
        var firstSeenAnonymous = new Dictionary<string, int>();
        var identifiedLater = 0;
        for (var index = 0; index < _events.Count; index++)
        {
            var e = _events[index];
            if (!e.TryGetProperty("anonymousId", out var anonymous))
            {
                continue;
            }

            var anonymousId = anonymous.GetString()!;
            if (!e.TryGetProperty("userId", out _))
            {
                firstSeenAnonymous.TryAdd(anonymousId, index);
            }
            else if (Name(e) == "identify" && firstSeenAnonymous.ContainsKey(anonymousId))
            {
                identifiedLater++;
            }
        }

        Assert.True(identifiedLater > 0, "no anonymous visitor identified later");
    }

    [Fact]
    public void Email_opens_come_from_the_server_with_the_user_id_only()
    {
        var opens = _events.Where(e => Name(e) == "Email Opened").ToList();
        Assert.NotEmpty(opens);
        Assert.All(opens, open =>
        {
            Assert.True(open.TryGetProperty("userId", out _));
            Assert.False(open.TryGetProperty("anonymousId", out _));
            Assert.StartsWith("cmp-", open.GetProperty("properties").GetProperty("campaign_id").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Popular_customers_and_products_take_a_larger_share()
    {
        var views = _events.Where(e => Name(e) == "Product Viewed")
            .GroupBy(e => e.GetProperty("properties").GetProperty("product_id").GetString()).ToDictionary(g => g.Key!, g => g.Count());

        Assert.True(views.GetValueOrDefault("P000001") > views.GetValueOrDefault("P000100") * 5);
        var model = new ShopperModel(ShopperStream.SmallPopulation());
        var e = new ShopperEvent();
        var counts = new int[model.Options.Customers];
        for (var i = 0; i < 50_000; i++)
        {
            model.Next(e);
            counts[e.Customer]++;
        }

        Assert.True(counts.Take(10).Sum() > counts.Skip(1_000).Take(10).Sum() * 5);
        Assert.Equal(50_000, model.EventsGenerated);
        Assert.Equal(50_000, model.EventMix().Values.Sum());
    }

    [Fact]
    public void Batches_stop_short_of_the_byte_limit()
    {
        var bodies = ShopperStream.Bodies(ShopperStream.SmallPopulation(), batches: 10, batchSize: 10_000, maxBatchBytes: 64 * 1024);

        Assert.All(bodies, body => Assert.InRange(body.Length, 16 * 1024, 64 * 1024));
        Assert.All(ShopperStream.Events(bodies), e => Assert.True(e.TryGetProperty("messageId", out _)));
    }

    [Fact]
    public void Customer_traits_and_ids_depend_only_on_the_customer_number()
    {
        var traits = CustomerTraits.Of(41);

        Assert.Equal("user-0000042", traits.UserId);
        Assert.Equal(traits, CustomerTraits.Of(41));
        Assert.Matches("^anon-[0-9a-f]{16}$", traits.AnonymousId);
        Assert.NotEqual(traits.AnonymousId, CustomerTraits.Of(42).AnonymousId);
    }

    private static string Name(JsonElement e) =>
        e.TryGetProperty("event", out var name) ? name.GetString()! : e.GetProperty("type").GetString()!;
}
