using Segmentation.Grains.Customers;
using Segmentation.Grains.Segments;
using Segmentation.Runtime;
using Segmentation.TestKit;

namespace Segmentation.Grains.Tests.Segments.Backfill;

public sealed class SegmentBackfillRecoveryTests
{
    private const string RepeatBuyers = "orders_count >= 2";

    [Fact]
    public async Task Resume_SiloCrashedHalfwayThroughABackfill_StartsItAgainAndCompletesWithTheExactCount()
    {
        var options = BackfillSilo.Options(batchSize: 4);
        var silo = await TestSilo.StartAsync(options);
        var book = new OrderBook();
        await SegmentBackfillServiceTests.SeedAsync(silo, book, customers: 60);
        await silo.Segments().CreateAsync(new SegmentDraft("repeat", "Repeat buyers", RepeatBuyers));

        // What a backfill had done when the silo crashed: started over 60 customers, half of them asked.
        var now = silo.Clock.GetUtcNow();
        var half = Enumerable.Range(0, 30).Select(i => new DurableMessage(
            CustomerGrain.IdOf(BackfillSilo.CustomerId(i * 2)), RecordKinds.SegmentEvaluate, SegmentEvaluation.Encode("repeat", 1), now));
        await silo.Client.AppendAsync([
            new DurableMessage(SegmentGrain.IdOf("repeat"), RecordKinds.SegmentBackfillStarted, new SegmentBackfillStart(1, 60, now).Encode(), now),
            .. half]);
        await silo.WhenIdleAsync();
        var before = (await silo.InfoAsync("repeat")).Backfill;
        Assert.Equal((SegmentBackfillState.Running, 30L, 60L), (before.State, before.Evaluated, before.Total));

        silo = await silo.RestartAsync();
        await using (silo)
        {
            await silo.Backfills().StartAsync(CancellationToken.None);
            await silo.WhenBackfilledAsync();

            var info = await silo.InfoAsync("repeat");
            Assert.Equal((SegmentBackfillState.Complete, 1, 60L, 60L), (info.Backfill.State, info.Backfill.Version, info.Backfill.Evaluated, info.Backfill.Total));
            Assert.Equal(book.CustomersWithAtLeast(2), await silo.MemberIdsAsync("repeat"));
        }
    }

    [Fact]
    public async Task Resume_SiloKilledWhileTheBackfillSends_CompletesWithTheExactCountAfterRestart()
    {
        var options = BackfillSilo.Options(batchSize: 2);
        var silo = await BackfillSilo.StartAsync(options);
        var book = new OrderBook();
        await SegmentBackfillServiceTests.SeedAsync(silo, book, customers: 200);
        await silo.CheckpointAsync();

        // Killed as soon as the save is acknowledged: the backfill has sent nothing, some or all of its batches.
        await silo.Segments().CreateAsync(new SegmentDraft("repeat", "Repeat buyers", RepeatBuyers));
        silo = await silo.RestartAsync();
        await using (silo)
        {
            await silo.Backfills().StartAsync(CancellationToken.None);
            await silo.WhenBackfilledAsync();

            var info = await silo.InfoAsync("repeat");
            Assert.Equal((SegmentBackfillState.Complete, 200L, 200L), (info.Backfill.State, info.Backfill.Evaluated, info.Backfill.Total));
            Assert.Equal(book.CustomersWithAtLeast(2).Count, info.Count);
            Assert.Equal(book.CustomersWithAtLeast(2), await silo.MemberIdsAsync("repeat"));
        }
    }

    [Fact]
    public async Task Resume_BackfillCompleteBeforeTheRestart_IsNotRunAgain()
    {
        var options = BackfillSilo.Options();
        var silo = await BackfillSilo.StartAsync(options);
        await SegmentBackfillServiceTests.SeedAsync(silo, new OrderBook(), customers: 12);
        await silo.Segments().CreateAsync(new SegmentDraft("repeat", "Repeat buyers", RepeatBuyers));
        await silo.WhenBackfilledAsync();
        var completed = (await silo.InfoAsync("repeat")).Backfill;

        silo.Clock.Advance(TimeSpan.FromMinutes(5));
        silo = await silo.RestartAsync();
        await using (silo)
        {
            await silo.Backfills().StartAsync(CancellationToken.None);
            await silo.WhenBackfilledAsync();

            Assert.Equal(completed, (await silo.InfoAsync("repeat")).Backfill);
        }
    }
}
