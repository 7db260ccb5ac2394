using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Grains.Segments;
using Segmentation.Grains.Tests.Segments.Backfill;
using Segmentation.Segments.Evaluation;
using Segmentation.TestKit;

namespace Segmentation.Grains.Tests.Segments.Preview;

public sealed class SegmentPreviewerTests
{
    [Fact]
    public async Task PreviewAsync_CountAndSample_EqualAnIndependentEvaluation()
    {
        await using var silo = await TestSilo.StartAsync(BackfillSilo.Options());
        var book = new OrderBook();
        await SegmentBackfillServiceTests.SeedAsync(silo, book, customers: 130);

        var preview = await Previewer(silo, pageSize: 3)
            .PreviewAsync(SegmentRuleCompiler.Compile("orders_count >= 2"), sampleSize: 10);

        var members = book.CustomersWithAtLeast(2);
        Assert.Equal((members.Count, 130L), (preview.Count, preview.Evaluated));
        Assert.Equal(members[..10], preview.Sample);
    }

    [Fact]
    public async Task PreviewAsync_MergedAndEventlessIds_AreNotEvaluated()
    {
        await using var silo = await TestSilo.StartAsync(BackfillSilo.Options());
        var now = silo.Clock.GetUtcNow();
        await silo.SendAsync(
            CustomerSilo.Track(null, "anon-1", "Product Viewed", now),
            CustomerSilo.Track(null, "anon-2", "Product Viewed", now),
            CustomerSilo.Order("u-1", "o-1", 150m, now),
            CustomerSilo.Order("u-2", "o-2", 50m, now));
        await silo.SendAsync(CustomerSilo.Identify("u-1", "anon-1", now, new JsonObject { ["plan"] = "gold" }));

        var preview = await silo.Services.GetRequiredService<SegmentPreviewer>()
            .PreviewAsync(SegmentRuleCompiler.Compile("total_revenue > 100 or views(7d) > 0"), sampleSize: 5);

        // anon-1 merged into u-1 (its view now counts there); anon-2 is anonymous but has a profile of its own.
        Assert.Equal((2L, 3L), (preview.Count, preview.Evaluated));
        Assert.Equal(["anon-2", "u-1"], preview.Sample);
    }

    [Fact]
    public async Task PreviewAsync_SampleLargerThanTheMembers_ListsEveryMemberInIdOrder()
    {
        await using var silo = await TestSilo.StartAsync(BackfillSilo.Options());
        var book = new OrderBook();
        await SegmentBackfillServiceTests.SeedAsync(silo, book, customers: 40);

        var preview = await Previewer(silo, pageSize: 2)
            .PreviewAsync(SegmentRuleCompiler.Compile("orders_count = 3"), sampleSize: 1_000);

        Assert.Equal((10L, 40L), (preview.Count, preview.Evaluated));
        Assert.Equal(book.CustomersWithAtLeast(3), preview.Sample);
    }

    [Fact]
    public async Task PreviewAsync_NoCustomers_CountsNothing()
    {
        await using var silo = await TestSilo.StartAsync(BackfillSilo.Options());

        var preview = await silo.Services.GetRequiredService<SegmentPreviewer>().PreviewAsync(SegmentRuleCompiler.Compile("can_email"), sampleSize: 5);

        Assert.Equal((0L, 0L), (preview.Count, preview.Evaluated));
        Assert.Empty(preview.Sample);
    }

    private static SegmentPreviewer Previewer(TestSilo silo, int pageSize) =>
        new(silo.Client, pageSize);
}
