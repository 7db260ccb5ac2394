using Segmentation.Grains.Customers;
using Segmentation.Grains.Segments;
using Segmentation.Runtime;
using Segmentation.Storage.InMemory;
using Segmentation.TestKit;

namespace Segmentation.Grains.Tests.Segments.Backfill;

public sealed class SegmentBackfillRecoveryTests
{
    private const string RepeatBuyers = "orders_count >= 2";

    [Fact]
    public async Task Resume_SiloCrashedHalfwayThroughABackfill_GoesOnWhereItsPagesGotAndCompletesWithTheExactCount()
    {
        var storage = new InMemorySiloStorage();
        var logs = new LogCapture();
        var options = BackfillSilo.Options(batchSize: 4, logs: logs);
        options.StorageFactory = () => storage;
        var silo = await TestSilo.StartAsync(options);
        var book = new OrderBook();
        await SegmentBackfillServiceTests.SeedAsync(silo, book, customers: 60);
        await silo.CheckpointAsync();
        await silo.Segments().CreateAsync(new SegmentDraft("repeat", "Repeat buyers", RepeatBuyers));

        // What a backfill had done when the silo crashed: started, then through the first half of the shards that
        // have customers, asking the repeat buyers among them to evaluate in the same appends as the pages.
        var counts = await CustomerRegistry.SyncCountsAsync(silo.Client, silo.Clock, CancellationToken.None);
        var now = silo.Clock.GetUtcNow();
        var start = new SegmentBackfillStart(1, counts.Sum(), now, counts);
        await silo.Client.AppendAsync([new DurableMessage(SegmentGrain.IdOf("repeat"), RecordKinds.SegmentBackfillStarted, start.Encode(), now)]);
        var members = book.CustomersWithAtLeast(2).ToHashSet();
        var gone = 0;
        var askedBefore = new List<string>();
        foreach (var shard in Enumerable.Range(0, counts.Length).Where(s => counts[s] > 0).Take(counts.Count(static c => c > 0) / 2))
        {
            var keys = await CustomerRegistry.Shard(silo.Client, shard).InvokeAsync(g => g.ListAsync(null, 1_000, counts[shard]));
            var asked = keys.Where(members.Contains).ToList();
            var page = new SegmentBackfillPage(1, shard, keys[^1], ShardDone: true, keys.Count - asked.Count, asked);
            await silo.Client.AppendAsync([
                new DurableMessage(SegmentGrain.IdOf("repeat"), RecordKinds.SegmentBackfillPage, page.Encode(), now),
                .. asked.Select(id => new DurableMessage(CustomerGrain.IdOf(id), RecordKinds.SegmentEvaluate, SegmentEvaluation.Encode("repeat", 1), now))]);
            gone += keys.Count;
            askedBefore.AddRange(asked);
        }

        await silo.WhenIdleAsync();
        var before = (await silo.InfoAsync("repeat")).Backfill;
        Assert.Equal((SegmentBackfillState.Running, (long)gone, 60L), (before.State, before.Evaluated, before.Total));

        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        silo = await silo.RestartAsync();
        await using (silo)
        {
            await silo.Backfills().StartAsync(CancellationToken.None);
            await silo.WhenBackfilledAsync();

            var info = await silo.InfoAsync("repeat");
            Assert.Equal((SegmentBackfillState.Complete, 1, 60L, 60L), (info.Backfill.State, info.Backfill.Version, info.Backfill.Evaluated, info.Backfill.Total));
            Assert.Equal(before.StartedAt, info.Backfill.StartedAt);
            Assert.Contains(logs.Messages, m => m.Contains("segment repeat version 1 did not complete before the silo stopped", StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Messages, m => m.Contains("segment repeat version 1 has not run yet", StringComparison.Ordinal));
            Assert.Equal(book.CustomersWithAtLeast(2), await silo.MemberIdsAsync("repeat"));

            // The customers of the pages done before the crash were not asked again; after it, only members were asked.
            var asked = await SegmentBackfillServiceTests.AskedAsync(storage, book.Customers, "repeat");
            Assert.Equal(asked.Count, asked.Distinct().Count());
            Assert.Equal(members.Order(StringComparer.Ordinal), asked.Order(StringComparer.Ordinal));
            Assert.Subset(asked.ToHashSet(), askedBefore.ToHashSet());
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
    public async Task Resume_OnANewStore_StartsTheStarterSegmentsBackfillsAsNotRunYetRatherThanInterrupted()
    {
        var logs = new LogCapture();
        await using var silo = await BackfillSilo.StartAsync(BackfillSilo.Options(logs: logs));

        var starters = await silo.Segments().ListAsync(CancellationToken.None);
        Assert.NotEmpty(starters);
        foreach (var starter in starters)
        {
            Assert.Contains(logs.Messages, m => m.Contains($"segment {starter.Id} version 1 has not run yet", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(logs.Messages, m => m.Contains("did not complete before the silo stopped", StringComparison.Ordinal));
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
