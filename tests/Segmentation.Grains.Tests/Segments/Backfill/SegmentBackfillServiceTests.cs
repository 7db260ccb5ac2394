using Segmentation.Grains.Customers;
using Segmentation.Grains.Segments;
using Segmentation.Storage.InMemory;
using Segmentation.TestKit;

namespace Segmentation.Grains.Tests.Segments.Backfill;

public sealed class SegmentBackfillServiceTests
{
    private const string RepeatBuyers = "orders_count >= 2";

    [Fact]
    public async Task Start_NewSegmentOverExistingCustomers_CompletesWithTheExactCount()
    {
        await using var silo = await BackfillSilo.StartAsync(BackfillSilo.Options(batchSize: 4));
        var book = new OrderBook();
        await SeedAsync(silo, book, customers: 90);

        await silo.Segments().CreateAsync(new SegmentDraft("repeat", "Repeat buyers", RepeatBuyers));
        await silo.WhenBackfilledAsync();

        var info = await silo.InfoAsync("repeat");
        Assert.Equal(
            (SegmentBackfillState.Complete, 1, 90L, 90L),
            (info.Backfill.State, info.Backfill.Version, info.Backfill.Evaluated, info.Backfill.Total));
        Assert.Equal(book.CustomersWithAtLeast(2).Count, info.Count);
        Assert.Equal(book.CustomersWithAtLeast(2), await silo.MemberIdsAsync("repeat"));
    }

    [Fact]
    public async Task Start_NewSegment_AsksOnlyTheCustomersThatEnterAndTheirDeltasReportThem()
    {
        var storage = new InMemorySiloStorage();
        var options = BackfillSilo.Options(batchSize: 4);
        options.StorageFactory = () => storage;
        await using var silo = await BackfillSilo.StartAsync(options);
        var book = new OrderBook();
        await SeedAsync(silo, book, customers: 40);

        await silo.Segments().CreateAsync(new SegmentDraft("repeat", "Repeat buyers", RepeatBuyers));
        await silo.WhenBackfilledAsync();

        var info = await silo.InfoAsync("repeat");
        Assert.Equal((SegmentBackfillState.Complete, 40L, 40L), (info.Backfill.State, info.Backfill.Evaluated, info.Backfill.Total));
        Assert.Equal(book.CustomersWithAtLeast(2), (await AskedAsync(storage, book.Customers, "repeat")).Order(StringComparer.Ordinal));
        var segmentRecords = await storage.ReadGrainRecordsAsync(SegmentGrain.IdOf("repeat"), null, 10_000);
        Assert.DoesNotContain(segmentRecords, static r => r.Kind == RecordKinds.SegmentBackfilled);
    }

    [Fact]
    public async Task Start_NoCustomers_CompletesAtOnce()
    {
        await using var silo = await BackfillSilo.StartAsync(BackfillSilo.Options());

        await silo.Segments().CreateAsync(new SegmentDraft("repeat", "Repeat buyers", RepeatBuyers));
        await silo.WhenBackfilledAsync();

        var info = await silo.InfoAsync("repeat");
        Assert.Equal((SegmentBackfillState.Complete, 0L, 0L, 0L), (info.Backfill.State, info.Backfill.Evaluated, info.Backfill.Total, info.Count));
    }

    [Fact]
    public async Task Start_EditedRule_ReevaluatesEveryCustomer()
    {
        await using var silo = await BackfillSilo.StartAsync(BackfillSilo.Options(batchSize: 6));
        var book = new OrderBook();
        await SeedAsync(silo, book, customers: 70);
        await silo.Segments().CreateAsync(new SegmentDraft("repeat", "Repeat buyers", RepeatBuyers));
        await silo.WhenBackfilledAsync();

        await silo.Segments().UpdateAsync("repeat", new SegmentDraft(null, "Loyal buyers", "orders_count >= 3"));
        await silo.WhenBackfilledAsync();

        var info = await silo.InfoAsync("repeat");
        Assert.Equal(
            (SegmentBackfillState.Complete, 2, 70L, 70L),
            (info.Backfill.State, info.Backfill.Version, info.Backfill.Evaluated, info.Backfill.Total));
        Assert.Equal(book.CustomersWithAtLeast(3), await silo.MemberIdsAsync("repeat"));
    }

    [Fact]
    public async Task Start_EditedTwiceBeforeItRuns_BackfillsTheLatestVersion()
    {
        var options = BackfillSilo.Options(batchSize: 3);
        await using var silo = await TestSilo.StartAsync(options);
        var book = new OrderBook();
        await SeedAsync(silo, book, customers: 30);

        // The service is not running yet: all three saves are queued, and only the last one is backfilled.
        await silo.Segments().CreateAsync(new SegmentDraft("repeat", "Repeat buyers", RepeatBuyers));
        await silo.Segments().UpdateAsync("repeat", new SegmentDraft(null, "Buyers", "orders_count >= 1"));
        await silo.Segments().UpdateAsync("repeat", new SegmentDraft(null, "Loyal buyers", "orders_count >= 3"));
        await silo.Backfills().StartAsync(CancellationToken.None);
        await silo.WhenBackfilledAsync();

        var info = await silo.InfoAsync("repeat");
        Assert.Equal((SegmentBackfillState.Complete, 3, 30L, 30L), (info.Backfill.State, info.Backfill.Version, info.Backfill.Evaluated, info.Backfill.Total));
        Assert.Equal(book.CustomersWithAtLeast(3), await silo.MemberIdsAsync("repeat"));
    }

    [Fact]
    public async Task Start_DuringConcurrentIngestion_CountEqualsTheCustomersWhoseRuleIsTrue()
    {
        var storage = new InMemorySiloStorage();
        var options = BackfillSilo.Options(batchSize: 3);
        options.StorageFactory = () => storage;
        await using var silo = await BackfillSilo.StartAsync(options);
        var book = new OrderBook();
        await SeedAsync(silo, book, customers: 150);

        await silo.Segments().CreateAsync(new SegmentDraft("repeat", "Repeat buyers", RepeatBuyers));

        // While the backfill sends its batches: orders for existing customers (some now qualify) and for new ones.
        for (var round = 0; round < 30; round++)
        {
            var existing = Enumerable.Range(0, 5).Select(i => (BackfillSilo.CustomerId(((round * 37) + (i * 11)) % 150), 1));
            var newcomers = Enumerable.Range(0, 3).Select(i => (BackfillSilo.CustomerId(1000 + (round * 3) + i), 1 + ((round + i) % 3)));
            await book.AppendAsync(silo, existing.Concat(newcomers));
        }

        await silo.WhenBackfilledAsync();

        var info = await silo.InfoAsync("repeat");
        Assert.Equal(SegmentBackfillState.Complete, info.Backfill.State);
        Assert.Equal(info.Backfill.Total, info.Backfill.Evaluated);
        Assert.InRange(info.Backfill.Total, 150, book.Customers.Count);
        Assert.Equal(book.CustomersWithAtLeast(2).Count, info.Count);
        Assert.Equal(book.CustomersWithAtLeast(2), await silo.MemberIdsAsync("repeat"));

        // Only customers counted at the start were asked to evaluate, at most once each, and no more than the total
        // (the others were settled by the read-only check; newcomers evaluate the segment with their own events).
        var asked = await AskedAsync(storage, book.Customers, "repeat");
        Assert.InRange(asked.Count, 1, info.Backfill.Total);
        Assert.Equal(asked.Count, asked.Distinct().Count());
        Assert.Subset(Enumerable.Range(0, 150).Select(BackfillSilo.CustomerId).ToHashSet(), asked.ToHashSet());
    }

    [Fact]
    public async Task Start_CustomersThatEnterOnlyByTime_AreAskedToMoveTheirReminderAndEnterOnTime()
    {
        var storage = new InMemorySiloStorage();
        var options = BackfillSilo.Options(batchSize: 4);
        options.StorageFactory = () => storage;
        await using var silo = await BackfillSilo.StartAsync(options);
        var book = new OrderBook();
        var activeAt = silo.Clock.GetUtcNow();
        await SeedAsync(silo, book, customers: 10);

        // Nobody is quiet now; everyone is 3 days after the seeding, with no event, before any starter's reminder
        // (recent buyers at 7 days, lapsed at 60). Dormant (90 days) flips after every customer's reminder: nobody is asked.
        await silo.Segments().CreateAsync(new SegmentDraft("quiet", "Quiet", "last_activity_at before 3d"));
        await silo.Segments().CreateAsync(new SegmentDraft("dormant", "Dormant", "last_activity_at before 90d"));
        await silo.WhenBackfilledAsync();

        var quiet = await silo.InfoAsync("quiet");
        Assert.Equal((SegmentBackfillState.Complete, 10L, 10L, 0L), (quiet.Backfill.State, quiet.Backfill.Evaluated, quiet.Backfill.Total, quiet.Count));
        Assert.Equal(book.Customers.Order(StringComparer.Ordinal), (await AskedAsync(storage, book.Customers, "quiet")).Order(StringComparer.Ordinal));
        Assert.Empty(await AskedAsync(storage, book.Customers, "dormant"));
        var quietRecords = await storage.ReadGrainRecordsAsync(SegmentGrain.IdOf("quiet"), null, 10_000);
        Assert.Equal(10, quietRecords.Count(static r => r.Kind == RecordKinds.SegmentBackfilled));
        Assert.Equal(SegmentBackfillState.Complete, (await silo.InfoAsync("dormant")).Backfill.State);

        await silo.AdvanceToAsync(activeAt.AddDays(3).AddTicks(-1));
        Assert.Equal(0, (await silo.InfoAsync("quiet")).Count);
        await silo.AdvanceToAsync(activeAt.AddDays(3).AddMilliseconds(1));
        Assert.Equal(book.Customers.Order(StringComparer.Ordinal), await silo.MemberIdsAsync("quiet"));
    }

    [Fact]
    public async Task Start_MoreCustomersThanMaxOutstanding_WaitsForReportsAndCompletesWithTheExactCount()
    {
        var poll = TimeSpan.FromMilliseconds(37);
        await using var silo = await BackfillSilo.StartAsync(BackfillSilo.Options(batchSize: 2, maxOutstanding: 3, pollInterval: poll));
        var book = new OrderBook();
        await SeedAsync(silo, book, customers: 60);

        await silo.Segments().CreateAsync(new SegmentDraft("repeat", "Repeat buyers", RepeatBuyers));

        // Whenever the backfill waits for reports, time moves on by one poll interval.
        var idle = silo.Backfills().WhenIdleAsync();
        for (var waits = 1; ; waits++)
        {
            var waiting = silo.Clock.WaitForTimerAsync(t => t.DueTime == poll, waits);
            if (await Task.WhenAny(waiting, idle) == idle)
            {
                break;
            }

            silo.Clock.Advance(poll);
        }

        await silo.WhenBackfilledAsync();
        var info = await silo.InfoAsync("repeat");
        Assert.Equal((SegmentBackfillState.Complete, 60L, 60L), (info.Backfill.State, info.Backfill.Evaluated, info.Backfill.Total));
        Assert.Equal(book.CustomersWithAtLeast(2), await silo.MemberIdsAsync("repeat"));
    }

    [Fact]
    public async Task Start_SegmentDeletedBeforeItRuns_SendsNothing()
    {
        await using var silo = await TestSilo.StartAsync(BackfillSilo.Options());
        await SeedAsync(silo, new OrderBook(), customers: 10);
        await silo.Segments().CreateAsync(new SegmentDraft("repeat", "Repeat buyers", RepeatBuyers));
        await silo.Segments().DeleteAsync("repeat");

        await silo.Backfills().StartAsync(CancellationToken.None);
        await silo.WhenBackfilledAsync();

        var status = await silo.Client.GetGrain<SegmentGrain>("repeat").InvokeReadOnlyAsync(static g => g.GetStatusAsync());
        Assert.Equal((0L, null), (status.Count, status.Backfill));
    }

    /// <summary>The customers sent a <see cref="RecordKinds.SegmentEvaluate"/> for the segment, once per record.</summary>
    internal static async Task<List<string>> AskedAsync(InMemorySiloStorage storage, IEnumerable<string> customerIds, string segmentId)
    {
        var asked = new List<string>();
        foreach (var customerId in customerIds)
        {
            var records = await storage.ReadGrainRecordsAsync(CustomerGrain.IdOf(customerId), null, 10_000);
            asked.AddRange(records
                .Where(r => r.Kind == RecordKinds.SegmentEvaluate && SegmentEvaluation.Decode(r.Payload).SegmentId == segmentId)
                .Select(_ => customerId));
        }

        return asked;
    }

    /// <summary>Customers c-0000... with 0 to 3 orders each (a page view for those without).</summary>
    internal static async Task SeedAsync(TestSilo silo, OrderBook book, int customers)
    {
        var ids = Enumerable.Range(0, customers).Select(BackfillSilo.CustomerId).ToList();
        await book.AppendVisitsAsync(silo, ids);
        await book.AppendAsync(silo, ids.Select(static (id, i) => (id, i % 4)));
        await silo.WhenIdleAsync();
    }
}
