using Segmentation.Grains.Segments;
using Segmentation.TestKit;
using static Segmentation.Grains.Tests.CustomerSilo;
using static Segmentation.Grains.Tests.Segments.Engine.CustomerSegmentEvaluationTests;

namespace Segmentation.Grains.Tests.Segments.Engine;

public sealed class SegmentCrashTests
{
    [Fact]
    public async Task KillAndRestart_ReplayedDeltas_KeepCountsExactAndNeverDoubled()
    {
        var options = new SegmentSilo().Options;
        var silo = await TestSilo.StartAsync(options);
        await silo.CreateAsync("viewers", "views(7d) > 0");
        await silo.CreateAsync("carts", "not cart.empty");
        var t0 = silo.Clock.GetUtcNow();
        for (var i = 0; i < 10; i++)
        {
            await silo.SendAsync(Track($"u{i:D2}", null, "Product Viewed", t0, Product()));
        }

        await silo.CheckpointAsync();
        for (var i = 10; i < 20; i++)
        {
            // After the checkpoint: a replay sends these customers' deltas again, an entry and an exit included.
            await silo.SendAsync(
                Track($"u{i:D2}", null, "Product Viewed", t0.AddMinutes(1), Product()),
                Track($"u{i:D2}", null, "Product Added", t0.AddMinutes(1), Product()),
                Order($"u{i:D2}", $"o{i}", 20m, t0.AddMinutes(2)));
        }

        await silo.SendAsync(Track("u00", null, "Product Viewed", t0.AddMinutes(2), Product()));

        silo = await silo.RestartAsync();
        await using (silo)
        {
            await silo.WhenIdleAsync();
            var info = await silo.InfoAsync("viewers");
            Assert.Equal((20L, 20L, 0L), (info.Count, info.Entered, info.Left));
            Assert.Equal(Enumerable.Range(0, 20).Select(static i => $"u{i:D2}"), await silo.MemberIdsAsync("viewers"));
            Assert.Equal(20, (await silo.Segments().GetHistoryAsync("viewers", SegmentHistoryResolution.Minute))![^1].Count);
            var carts = await silo.InfoAsync("carts");
            Assert.Equal((0L, 10L, 10L), (carts.Count, carts.Entered, carts.Left));

            await silo.AdvanceToAsync(t0.AddMinutes(2).AddDays(7));

            info = await silo.InfoAsync("viewers");
            Assert.Equal((0L, 20L, 20L), (info.Count, info.Entered, info.Left));
        }
    }

    [Fact]
    public async Task KillAndRestart_PendingWindowExpiry_StillFiresOnce()
    {
        var options = new SegmentSilo().Options;
        var silo = await TestSilo.StartAsync(options);
        await silo.CreateAsync("viewers", "views(7d) > 0");
        var t0 = silo.Clock.GetUtcNow();
        await silo.SendAsync(Track("u1", null, "Product Viewed", t0, Product()));

        silo = await silo.RestartAsync();
        await using (silo)
        {
            await silo.AdvanceToAsync(t0.AddDays(7));

            var info = await silo.InfoAsync("viewers");
            Assert.Equal((0L, 1L, 1L), (info.Count, info.Entered, info.Left));
        }
    }
}
