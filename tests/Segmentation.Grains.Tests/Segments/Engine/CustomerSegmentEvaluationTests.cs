using System.Text.Json.Nodes;
using Segmentation.Grains.Customers;
using Segmentation.Grains.Segments;
using Segmentation.Segments.Evaluation;
using Segmentation.TestKit;
using static Segmentation.Grains.Tests.CustomerSilo;

namespace Segmentation.Grains.Tests.Segments.Engine;

public sealed class CustomerSegmentEvaluationTests
{
    [Fact]
    public async Task ApplyAsync_EventStream_SendsDeltasWithTimeAndCause()
    {
        var (harness, silo) = await SegmentSilo.StartAsync();
        await using var _ = silo;
        await silo.CreateAsync("viewers", "views(7d) > 0");
        await silo.CreateAsync("carts", "not cart.empty");
        await silo.CreateAsync("buyers", "orders_count > 0");
        var t0 = silo.Clock.GetUtcNow();

        await silo.SendAsync(Track("u1", null, "Product Viewed", t0, Product()));
        await silo.SendAsync(Track("u1", null, "Product Added", t0.AddMinutes(1), Product()));
        await silo.SendAsync(Order("u1", "o-1", 30m, t0.AddMinutes(2)));

        Assert.Equal([new SegmentDelta("u1", 1, true, t0, "Product Viewed", 0)], await harness.DeltasAsync("viewers"));
        Assert.Equal(
            [new SegmentDelta("u1", 1, true, t0.AddMinutes(1), "Product Added", 0), new SegmentDelta("u1", 1, false, t0.AddMinutes(2), "Order Completed", 0)],
            await harness.DeltasAsync("carts"));
        Assert.Equal([new SegmentDelta("u1", 1, true, t0.AddMinutes(2), "Order Completed", 0)], await harness.DeltasAsync("buyers"));
        Assert.Equal(
            [new CustomerSegmentMembership("buyers", "buyers", t0.AddMinutes(2)), new CustomerSegmentMembership("viewers", "viewers", t0)],
            (await silo.Segments().GetCustomerSegmentsAsync("u1")).Where(static m => m.SegmentId is "buyers" or "viewers" or "carts"));
        var carts = await silo.InfoAsync("carts");
        Assert.Equal((0L, 1L, 1L), (carts.Count, carts.Entered, carts.Left));
    }

    [Fact]
    public async Task ApplyAsync_IdentifyCall_HasItsTypeAsCause()
    {
        var (harness, silo) = await SegmentSilo.StartAsync();
        await using var _ = silo;
        await silo.CreateAsync("known", "email exists");
        var t0 = silo.Clock.GetUtcNow();

        await silo.SendAsync(Identify("u1", null, t0, new JsonObject { ["email"] = "ada@example.com" }));

        Assert.Equal([new SegmentDelta("u1", 1, true, t0, "identify", 0)], await harness.DeltasAsync("known"));
    }

    [Fact]
    public async Task ApplyAsync_LateReceiveTime_NeverEvaluatesBeforeTheLastEvaluation()
    {
        var (harness, silo) = await SegmentSilo.StartAsync();
        await using var _ = silo;
        await silo.CreateAsync("carts", "not cart.empty");
        var t0 = silo.Clock.GetUtcNow();

        await silo.SendAsync(Track("u1", null, "Product Viewed", t0.AddMinutes(5), Product()));
        await silo.SendAsync(Track("u1", null, "Product Added", t0.AddMinutes(1), Product()));

        Assert.Equal([new SegmentDelta("u1", 1, true, t0.AddMinutes(5), "Product Added", 0)], await harness.DeltasAsync("carts"));
    }

    [Fact]
    public async Task ApplyAsync_InSegmentRule_FollowsTheSegmentItRefersTo()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        await silo.CreateAsync("viewers", "views(7d) > 0");
        await silo.CreateAsync("known-viewers", "in_segment(\"viewers\") and email exists");
        await silo.CreateAsync("lost-known", "not in_segment(\"known-viewers\") and email exists");
        var t0 = silo.Clock.GetUtcNow();

        await silo.SendAsync(Identify("u1", null, t0, new JsonObject { ["email"] = "ada@example.com" }));
        Assert.Equal(["lost-known"], await SegmentIdsAsync(silo, "u1"));

        await silo.SendAsync(Track("u1", null, "Product Viewed", t0.AddMinutes(1), Product()));
        Assert.Equal(["known-viewers", "viewers"], await SegmentIdsAsync(silo, "u1"));

        await silo.AdvanceToAsync(t0.AddMinutes(1).AddDays(7));
        Assert.Equal(["lost-known"], await SegmentIdsAsync(silo, "u1"));
    }

    [Fact]
    public async Task EvaluateAsync_UnsavedRule_UsesTheProfileNowAndCurrentMemberships()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        await silo.CreateAsync("viewers", "views(7d) > 0");
        var t0 = silo.Clock.GetUtcNow();
        await silo.SendAsync(Track("u1", null, "Product Viewed", t0, Product()));
        await silo.SendAsync(Track(null, "anon-1", "Product Viewed", t0, Product()));
        await silo.SendAsync(Identify("u2", "anon-1", t0, new JsonObject { ["email"] = "b@example.com" }));
        var rule = SegmentRuleCompiler.Compile("in_segment(\"viewers\") and views(7d) = 1");

        Assert.True(await EvaluateAsync(silo, "u1", rule));
        Assert.True(await EvaluateAsync(silo, "u2", rule));
        Assert.Null(await EvaluateAsync(silo, "anon-1", rule));
        Assert.Null(await EvaluateAsync(silo, "nobody", rule));
        silo.Clock.Advance(TimeSpan.FromDays(7));
        Assert.False(await EvaluateAsync(silo, "u1", SegmentRuleCompiler.Compile("views(7d) = 1")));
    }

    private static readonly HashSet<string> StarterIds = [.. StarterSegments.All.Select(static s => SegmentIds.FromName(s.Name, static _ => false))];

    internal static JsonObject Product() => new() { ["product_id"] = "p-1", ["price"] = 20, ["quantity"] = 1 };

    /// <summary>The customer's segments other than the starters.</summary>
    internal static async Task<List<string>> SegmentIdsAsync(TestSilo silo, string customerId) =>
        [.. (await silo.Segments().GetCustomerSegmentsAsync(customerId)).Select(static m => m.SegmentId).Where(static id => !StarterIds.Contains(id))];

    private static Task<bool?> EvaluateAsync(TestSilo silo, string customerId, CompiledSegmentRule rule) =>
        silo.Client.GetGrain<CustomerGrain>(customerId).InvokeReadOnlyAsync(g => g.EvaluateAsync(rule)).AsTask();
}
