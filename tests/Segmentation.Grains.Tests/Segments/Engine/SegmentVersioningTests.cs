using Segmentation.Grains.Segments;
using Segmentation.TestKit;

namespace Segmentation.Grains.Tests.Segments.Engine;

public sealed class SegmentVersioningTests
{
    [Fact]
    public async Task UpdateAsync_Edits_AreRecordedAsVersions()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        var created = await silo.Segments().CreateAsync(new SegmentDraft("shoes", "Shoe fans", "views(7d) > 0", "Viewers"));
        silo.Clock.Advance(TimeSpan.FromHours(1));

        var updated = await silo.Segments().UpdateAsync("shoes", new SegmentDraft(null, "Shoe lovers", "views(14d) > 1", "Frequent viewers"));

        Assert.NotNull(updated);
        Assert.Equal((2, "Shoe lovers", "views(14d) > 1", "Frequent viewers"), (updated.Version, updated.Name, updated.Rule, updated.Description));
        Assert.Equal(created.CreatedAt, updated.CreatedAt);
        Assert.Equal(created.CreatedAt.AddHours(1), updated.UpdatedAt);
        var versions = await silo.Segments().GetVersionsAsync("shoes");
        Assert.Equal(
            [
                new SegmentVersionRecord(1, "Shoe fans", "views(7d) > 0", "Viewers", created.CreatedAt),
                new SegmentVersionRecord(2, "Shoe lovers", "views(14d) > 1", "Frequent viewers", created.CreatedAt.AddHours(1)),
            ],
            versions);
    }

    [Fact]
    public async Task UpdateAsync_NothingChanged_SavesNoVersion()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        await silo.CreateAsync("shoes", "views(7d) > 0");

        var updated = await silo.Segments().UpdateAsync("shoes", new SegmentDraft(null, "shoes", "views( 7d )>0"));

        Assert.Equal(1, updated!.Version);
        Assert.Single((await silo.Segments().GetVersionsAsync("shoes"))!);
    }

    [Fact]
    public async Task UpdateAsync_UnknownSegment_ReturnsNull()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);

        Assert.Null(await silo.Segments().UpdateAsync("nope", new SegmentDraft(null, "nope", "can_email")));
        Assert.Null(await silo.Segments().GetVersionsAsync("nope"));
    }

    [Fact]
    public async Task CreateAsync_IdDeletedBefore_GoesOnCountingVersions()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        await silo.CreateAsync("shoes", "views(7d) > 0");
        await silo.Segments().UpdateAsync("shoes", new SegmentDraft(null, "shoes", "views(7d) > 1"));
        await silo.Segments().DeleteAsync("shoes");

        var again = await silo.CreateAsync("shoes", "views(30d) > 0");

        Assert.Equal(3, again.Version);
        Assert.Equal([3], (await silo.Segments().GetVersionsAsync("shoes"))!.Select(static v => v.Version));
    }

    [Fact]
    public async Task CreateAsync_AcknowledgedSave_SurvivesACrash()
    {
        var options = new SegmentSilo().Options;
        var silo = await TestSilo.StartAsync(options);
        await silo.CreateAsync("shoes", "views(7d) > 0");
        await silo.Segments().UpdateAsync("shoes", new SegmentDraft(null, "shoes", "views(7d) > 1"));

        silo = await silo.RestartAsync();
        await using (silo)
        {
            var shoes = await silo.InfoAsync("shoes");
            Assert.Equal((2, "views(7d) > 1"), (shoes.Version, shoes.Rule));
        }
    }
}
