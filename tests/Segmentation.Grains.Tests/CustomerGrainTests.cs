using System.Text.Json.Nodes;
using Segmentation.TestKit;
using static Segmentation.Grains.Tests.CustomerSilo;

namespace Segmentation.Grains.Tests;

public sealed class CustomerGrainTests
{
    [Fact]
    public async Task AppendAsync_TrackingCalls_BuildTheProfile()
    {
        await using var silo = await StartAsync();
        var now = silo.Clock.GetUtcNow();

        await silo.SendAsync(
            Track("u1", null, "Product Viewed", now, new JsonObject { ["product_id"] = "sku-9", ["category"] = "shoes" }),
            Order("u1", "o-1", 120m, now.AddMinutes(5)));

        var lookup = await silo.Directory().GetAsync("u1");
        Assert.True(lookup.Exists);
        Assert.Equal(1, lookup.Profile!.Purchases.OrderCount);
        Assert.Equal(120m, lookup.Profile.Purchases.TotalRevenue);
    }

    [Fact]
    public async Task GetAsync_UnknownCustomer_DoesNotExist()
    {
        await using var silo = await StartAsync();

        var lookup = await silo.Directory().GetAsync("nobody");

        Assert.False(lookup.Exists);
        Assert.Null(lookup.Profile);
    }

    [Fact]
    public async Task Identify_WithAnonymousHistory_MergesItIntoTheKnownCustomer()
    {
        await using var silo = await StartAsync();
        var now = silo.Clock.GetUtcNow();
        await silo.SendAsync(Track(null, "anon-1", "Product Viewed", now, new JsonObject { ["product_id"] = "sku-1" }));

        await silo.SendAsync(Identify("u1", "anon-1", now.AddMinutes(1), new JsonObject { ["email"] = "Ada@Example.com" }));
        await silo.SendAsync(Track(null, "anon-1", "Product Viewed", now.AddMinutes(2), new JsonObject { ["product_id"] = "sku-2" }));

        var known = await silo.Directory().GetAsync("u1");
        var viaAnonymous = await silo.Directory().GetAsync("anon-1");
        Assert.Equal("u1", viaAnonymous.CustomerId);
        Assert.Contains("anon-1", known.Profile!.Identity.AnonymousIds);
        Assert.Equal(2, known.Profile.Browsing.RecentProducts.Count);
    }

    [Fact]
    public async Task Alias_PreviousIdHistory_JoinsTheUser()
    {
        await using var silo = await StartAsync();
        var now = silo.Clock.GetUtcNow();
        await silo.SendAsync(Order("anon-7", "o-7", 40m, now));

        await silo.SendAsync(Alias("anon-7", "u7", now.AddMinutes(1)));

        var known = await silo.Directory().GetAsync("u7");
        Assert.Equal(1, known.Profile!.Purchases.OrderCount);
        Assert.False((await silo.Directory().GetAsync("anon-7")).CustomerId == "anon-7");
    }

    [Fact]
    public async Task FindAsync_ByEmailAnyCase_FindsTheCustomerAndFollowsAnEmailChange()
    {
        await using var silo = await StartAsync();
        var now = silo.Clock.GetUtcNow();
        await silo.SendAsync(Identify("u1", null, now, new JsonObject { ["email"] = "ada@example.com" }));

        Assert.Equal(["u1"], (await silo.Directory().FindAsync("ADA@example.com ")).Select(c => c.CustomerId));

        await silo.SendAsync(Identify("u1", null, now.AddMinutes(1), new JsonObject { ["email"] = "ada@new.example" }));
        Assert.Empty(await silo.Directory().FindAsync("ada@example.com"));
        Assert.Equal(["u1"], (await silo.Directory().FindAsync("ada@new.example")).Select(c => c.CustomerId));
        Assert.Equal(["u1"], (await silo.Directory().FindAsync("u1")).Select(c => c.CustomerId));
    }

    [Fact]
    public async Task RefreshRfm_OrdersAcrossCustomers_ScoresEveryBuyer()
    {
        await using var silo = await StartAsync();
        var now = silo.Clock.GetUtcNow();
        for (var i = 1; i <= 10; i++)
        {
            await silo.SendAsync(Order($"u{i}", $"o-{i}", 10m * i, now.AddDays(-i)));
        }

        var cutPoints = await silo.RefreshRfmAsync();

        Assert.Equal(10, cutPoints.PopulationSize);
        var best = await silo.Directory().GetAsync("u10");
        Assert.Equal(5, best.Profile!.Rfm!.Scores.Monetary);
        Assert.Equal(1, best.Profile.Rfm.Scores.Recency);
    }

    [Fact]
    public async Task RestartAsync_AfterKill_RecoversProfilesAndIndexes()
    {
        var silo = await StartAsync();
        var now = silo.Clock.GetUtcNow();
        await silo.SendAsync(Identify("u1", null, now, new JsonObject { ["email"] = "ada@example.com" }), Order("u1", "o-1", 99.5m, now));
        await silo.CheckpointAsync();
        await silo.SendAsync(Order("u1", "o-2", 0.5m, now.AddHours(1)));

        silo = await silo.RestartAsync();
        await using var restarted = silo;
        await silo.WhenIdleAsync();

        var lookup = Assert.Single(await silo.Directory().FindAsync("ada@example.com"));
        Assert.Equal(2, lookup.Profile!.Purchases.OrderCount);
        Assert.Equal(100m, lookup.Profile.Purchases.TotalRevenue);
        Assert.Equal(1, (await silo.RefreshRfmAsync()).PopulationSize);
    }

    [Fact]
    public async Task AppendAsync_SameMessageTwice_AppliedOnce()
    {
        await using var silo = await StartAsync();
        var order = Order("u1", "o-1", 50m, silo.Clock.GetUtcNow()) with { MessageId = "m-1" };

        await silo.SendAsync(order);
        await silo.SendAsync(order with { Properties = new JsonObject { ["order_id"] = "o-2", ["revenue"] = 70 } });

        Assert.Equal(1, (await silo.Directory().GetAsync("u1")).Profile!.Purchases.OrderCount);
    }
}
