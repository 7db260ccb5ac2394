using System.Text.Json.Nodes;
using Segmentation.Grains.Segments;
using static Segmentation.Grains.Tests.CustomerSilo;
using static Segmentation.Grains.Tests.Segments.Engine.CustomerSegmentEvaluationTests;

namespace Segmentation.Grains.Tests.Segments.Engine;

public sealed class SegmentMergeTests
{
    [Fact]
    public async Task Identify_AnonymousMemberMergedIntoKnownCustomer_LeavesAndTheKnownCustomerEnters()
    {
        var (harness, silo) = await SegmentSilo.StartAsync();
        await using var _ = silo;
        await silo.CreateAsync("viewers", "views(7d) > 0");
        var t0 = silo.Clock.GetUtcNow();
        await silo.SendAsync(Track(null, "anon-1", "Product Viewed", t0, Product()));
        Assert.Equal(["anon-1"], await silo.MemberIdsAsync("viewers"));

        await silo.SendAsync(Identify("u1", "anon-1", t0.AddMinutes(1), new JsonObject { ["email"] = "ada@example.com" }));

        Assert.Equal(["u1"], await silo.MemberIdsAsync("viewers"));
        var info = await silo.InfoAsync("viewers");
        Assert.Equal((1L, 2L, 1L), (info.Count, info.Entered, info.Left));
        var deltas = await harness.DeltasAsync("viewers");
        Assert.Contains(deltas, d => d is { CustomerId: "anon-1", Entered: false, Cause: "link" });
        Assert.Contains(deltas, d => d is { CustomerId: "u1", Entered: true, Cause: "merge" });
        Assert.Equal(["viewers"], await SegmentIdsAsync(silo, "anon-1"));
    }

    [Fact]
    public async Task Tracking_ToMergedAwayId_CountsForTheKnownCustomerOnly()
    {
        await using var silo = await Segmentation.TestKit.TestSilo.StartAsync(new SegmentSilo().Options);
        await silo.CreateAsync("carts", "not cart.empty");
        var t0 = silo.Clock.GetUtcNow();
        await silo.SendAsync(Alias("anon-1", "u1", t0));

        await silo.SendAsync(Track(null, "anon-1", "Product Added", t0.AddMinutes(1), Product()));

        Assert.Equal(["u1"], await silo.MemberIdsAsync("carts"));
        Assert.Equal(1, (await silo.InfoAsync("carts")).Entered);
    }
}
