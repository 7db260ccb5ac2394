using Segmentation.Grains.Segments;
using Segmentation.Segments.Catalog;
using Segmentation.Segments.Parsing;
using Segmentation.TestKit;

namespace Segmentation.Grains.Tests.Segments.Engine;

public sealed class StarterSegmentsTests
{
    public static TheoryData<string> StarterRules() => [.. StarterSegments.All.Select(static s => s.Rule)];

    [Theory]
    [MemberData(nameof(StarterRules))]
    public void All_EveryRule_ParsesWithTheRealParser(string rule)
    {
        var parsed = SegmentRuleParser.TryParse(rule, out _, out var error);

        Assert.True(parsed, error?.Message);
    }

    [Fact]
    public async Task Catalog_NewDeployment_SeedsTheArticlesSegmentsAndEveryRfmCell()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);

        var segments = await silo.Segments().ListAsync();

        Assert.All(segments, static s => Assert.True(s.Starter));
        Assert.All(segments, static s => Assert.Equal(1, s.Version));
        Assert.Equal(
            [
                "abandoned-cart", "high-value", "lapsed", "new-customers", "recent-buyers",
                "rfm-about-to-sleep", "rfm-at-risk", "rfm-cant-lose-them", "rfm-champions", "rfm-hibernating", "rfm-loyal",
                "rfm-need-attention", "rfm-new", "rfm-potential-loyalists", "rfm-promising", "vip",
            ],
            segments.Select(static s => s.Id));
        Assert.Equal("orders_count(7d) > 0", segments.Single(static s => s.Id == "recent-buyers").Rule);
        Assert.Equal(
            AttributeCatalog.RfmCellValues.Select(static cell => $"rfm.cell = \"{cell}\"").Order(),
            segments.Where(static s => s.Id.StartsWith("rfm-", StringComparison.Ordinal)).Select(static s => s.Rule).Order());
    }

    [Fact]
    public async Task Catalog_RemovedStarter_DoesNotComeBackAfterARestart()
    {
        var options = new SegmentSilo().Options;
        var silo = await TestSilo.StartAsync(options);
        Assert.True(await silo.Segments().DeleteAsync("vip"));

        silo = await silo.RestartAsync();
        await using (silo)
        {
            Assert.Null(await silo.Segments().GetAsync("vip"));
            Assert.Equal(StarterSegments.All.Count - 1, (await silo.Segments().ListAsync()).Count);
        }
    }

    [Fact]
    public async Task Catalog_EditedStarter_KeepsItsStarterFlag()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);

        var edited = await silo.Segments().UpdateAsync("recent-buyers", new SegmentDraft(null, "Recent Buyers", "orders_count(14d) > 0"));

        Assert.NotNull(edited);
        Assert.True(edited.Starter);
        Assert.Equal(2, edited.Version);
    }
}
