using Segmentation.Grains.Customers;
using Segmentation.Grains.Segments;
using Segmentation.Runtime;
using Segmentation.TestKit;
using static Segmentation.Grains.Tests.CustomerSilo;
using static Segmentation.Grains.Tests.Segments.Engine.CustomerSegmentEvaluationTests;

namespace Segmentation.Grains.Tests.Segments.Engine;

/// <summary>The engine's side of a backfill: customers evaluate on request and report; the segment grain counts the reports.</summary>
public sealed class SegmentBackfillEvaluationTests
{
    [Fact]
    public async Task SegmentEvaluate_CustomersThatExistedBefore_EnterAndTheBackfillCompletesOnce()
    {
        var (harness, silo) = await SegmentSilo.StartAsync();
        await using var _ = silo;
        var t0 = silo.Clock.GetUtcNow();
        await silo.SendAsync(Track("u1", null, "Product Viewed", t0, Product()));
        await silo.SendAsync(Track("u2", null, "Product Viewed", t0, Product()));
        await silo.SendAsync(Track("u3", null, "Page Viewed", t0, Product()));
        var created = await silo.CreateAsync("viewers", "views(7d) > 0");
        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        var now = silo.Clock.GetUtcNow();

        await silo.Client.AppendAsync([Started("viewers", created.Version, total: 3, now), Page("viewers", created.Version, settled: 0, ["u1", "u2", "u3"], now)]);
        await silo.Client.AppendAsync([.. new[] { "u1", "u2", "u3", "u1" }.Select(id => Evaluate(id, "viewers", created.Version, now))]);
        await silo.WhenIdleAsync();

        var info = await silo.InfoAsync("viewers");
        Assert.Equal((2L, 2L), (info.Count, info.Entered));
        Assert.Equal(new SegmentBackfill(SegmentBackfillState.Complete, 1, 3, 3, now, now), info.Backfill);
        Assert.All(await harness.DeltasAsync("viewers"), d => Assert.Equal(("definition", now), (d.Cause, d.Time)));
    }

    [Fact]
    public async Task SegmentEvaluate_ReportsOfAnotherVersion_DoNotCount()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        var t0 = silo.Clock.GetUtcNow();
        await silo.SendAsync(Track("u1", null, "Product Viewed", t0, Product()));
        await silo.CreateAsync("viewers", "views(7d) > 0");

        await silo.Client.AppendAsync([Started("viewers", 1, total: 2, t0), Page("viewers", 1, settled: 0, ["u1"], t0), Evaluate("u1", "viewers", 2, t0), Evaluate("u1", "viewers", 1, t0)]);
        await silo.WhenIdleAsync();

        Assert.Equal(new SegmentBackfill(SegmentBackfillState.Running, 1, 1, 2, t0, null), (await silo.InfoAsync("viewers")).Backfill);
    }

    [Fact]
    public async Task BackfillPage_SettledCustomersCountAtOnceAndOnlyAskedOnesReportsCount()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        var t0 = silo.Clock.GetUtcNow();
        foreach (var id in new[] { "u1", "u2", "u3" })
        {
            await silo.SendAsync(Track(id, null, "Product Viewed", t0, Product()));
        }

        await silo.CreateAsync("viewers", "views(7d) > 0");

        // u3 was not asked by any page: its evaluation reports, but does not count.
        await silo.Client.AppendAsync([Started("viewers", 1, total: 4, t0), Page("viewers", 1, settled: 2, ["u1"], t0), Evaluate("u3", "viewers", 1, t0)]);
        await silo.WhenIdleAsync();
        Assert.Equal(new SegmentBackfill(SegmentBackfillState.Running, 1, 2, 4, t0, null), (await silo.InfoAsync("viewers")).Backfill);

        var later = t0.AddSeconds(1);
        await silo.Client.AppendAsync([Page("viewers", 1, settled: 1, [], later), Evaluate("u1", "viewers", 1, later)]);
        await silo.WhenIdleAsync();
        Assert.Equal(new SegmentBackfill(SegmentBackfillState.Complete, 1, 4, 4, t0, later), (await silo.InfoAsync("viewers")).Backfill);
    }

    [Fact]
    public async Task BackfillStarted_NoCustomers_CompletesAtOnce()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        await silo.CreateAsync("viewers", "views(7d) > 0");
        var now = silo.Clock.GetUtcNow();

        await silo.Client.AppendAsync([Started("viewers", 1, total: 0, now)]);
        await silo.WhenIdleAsync();

        Assert.Equal(new SegmentBackfill(SegmentBackfillState.Complete, 1, 0, 0, now, now), (await silo.InfoAsync("viewers")).Backfill);
    }

    [Fact]
    public async Task Delete_ThenCreateTheSameId_OldMembershipsNeverCount()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        await silo.CreateAsync("viewers", "views(7d) > 0");
        var t0 = silo.Clock.GetUtcNow();
        await silo.SendAsync(Track("u1", null, "Product Viewed", t0, Product()));
        await silo.SendAsync(Track("u2", null, "Product Viewed", t0, Product()));
        Assert.True(await silo.Segments().DeleteAsync("viewers"));
        await silo.SendAsync(Track("u2", null, "Page Viewed", t0.AddMinutes(1), Product()));
        Assert.DoesNotContain("viewers", await SegmentIdsAsync(silo, "u1"));

        var again = await silo.CreateAsync("viewers", "views(7d) > 0");
        await silo.WhenIdleAsync();
        Assert.Equal(0, (await silo.InfoAsync("viewers")).Count);
        await silo.Client.AppendAsync([Evaluate("u1", "viewers", again.Version, t0.AddMinutes(2)), Evaluate("u2", "viewers", again.Version, t0.AddMinutes(2))]);
        await silo.WhenIdleAsync();

        var info = await silo.InfoAsync("viewers");
        Assert.Equal((2, 2L, 2L), (info.Version, info.Count, info.Entered));
        Assert.Equal(["u1", "u2"], await silo.MemberIdsAsync("viewers"));
    }

    private static DurableMessage Started(string segmentId, int version, long total, DateTimeOffset at) =>
        new(SegmentGrain.IdOf(segmentId), RecordKinds.SegmentBackfillStarted, new SegmentBackfillStart(version, total, at, [(int)total]).Encode(), at);

    /// <summary>A page of the one shard: <paramref name="settled"/> customers needed nothing, <paramref name="asked"/> were asked.</summary>
    private static DurableMessage Page(string segmentId, int version, int settled, string[] asked, DateTimeOffset at) =>
        new(SegmentGrain.IdOf(segmentId), RecordKinds.SegmentBackfillPage, new SegmentBackfillPage(version, 0, null, false, settled, asked).Encode(), at);

    private static DurableMessage Evaluate(string customerId, string segmentId, int version, DateTimeOffset at) =>
        new(CustomerGrain.IdOf(customerId), RecordKinds.SegmentEvaluate, SegmentEvaluation.Encode(segmentId, version), at);
}
