using Segmentation.Import.Events;
using Segmentation.Import.Orders;
using Segmentation.Import.Tests.Infrastructure;
using Segmentation.TestKit;

namespace Segmentation.Import.Tests.Replay;

/// <summary>
/// Replays the UCI Online Retail line sample through the importer's conversion into a test silo with customer
/// profiles, and checks every customer against <see cref="IndependentRetailModel"/>: order count, net revenue,
/// refunds, last order date, monetary cents and the R, F and M quintile scores after an RFM refresh at a fixed
/// instant. Then replays the same events again and checks that nothing changed.
/// </summary>
public sealed class OnlineRetailReplayTests
{
    private const int AppendBatchSize = 1_000;
    private static readonly DateTimeOffset AsOf = new(2011, 12, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Replay_LinesSample_EveryCustomerMatchesAnIndependentComputation()
    {
        var path = RetailData.LinesSamplePath;
        var expected = IndependentRetailModel.FromCsv(path);
        var settings = new ImportSettings();
        var plan = new OrderCsvReader(settings).ReadFile(path);
        var events = new OrderEventFactory(settings).CreateAll(plan);

        Assert.Equal((30_000, 2_000), (expected.Rows, expected.RowsWithoutCustomer));
        Assert.Equal(expected.Rows, plan.RowsRead);
        Assert.Equal(expected.RowsWithoutCustomer, plan.RejectedByReason[RejectionReason.MissingCustomerId]);
        Assert.Equal(expected.UnmatchedCancellationRows, plan.RejectedByReason.GetValueOrDefault(RejectionReason.CancellationOriginalOrderUnknown));
        Assert.Equal(expected.Orders, plan.Orders.Count);
        Assert.Equal(expected.Customers.Keys.Order(StringComparer.Ordinal), events.Select(e => e.UserId).Distinct().Order(StringComparer.Ordinal));

        await using var silo = await ProfileSilo.StartAsync(AsOf);
        await AppendAsync(silo, events);
        Assert.Equal(expected.Customers.Count, (await silo.RefreshRfmAsync()).PopulationSize);
        await AssertEveryCustomerAsync(silo, expected);

        await AppendAsync(silo, events);
        Assert.Equal(expected.Customers.Count, (await silo.RefreshRfmAsync()).PopulationSize);
        await AssertEveryCustomerAsync(silo, expected);
    }

    private static async Task AppendAsync(TestSilo silo, IReadOnlyList<ImportEvent> events)
    {
        foreach (var batch in events.Chunk(AppendBatchSize))
        {
            await silo.Directory().AppendAsync(batch.Select(evt => evt.ToTrackingMessage(AsOf)).ToList());
        }

        await silo.WhenIdleAsync();
    }

    private static async Task AssertEveryCustomerAsync(TestSilo silo, IndependentRetailModel expected)
    {
        var mismatches = new List<string>();
        foreach (var customer in expected.Customers.Values.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var profile = (await silo.Directory().GetAsync(customer.Id)).Profile;
            var purchases = profile?.Purchases;
            var rfm = profile?.Rfm;
            var want = (customer.Orders, customer.NetRevenue, customer.Refunded, customer.LastOrderDate, customer.MonetaryCents,
                customer.Recency, customer.Frequency, customer.Monetary);
            var got = (purchases?.OrderCount, purchases?.TotalRevenue, purchases?.RefundedRevenue, rfm?.Input.LastOrderDate,
                rfm?.Input.MonetaryCents, rfm?.Scores.Recency, rfm?.Scores.Frequency, rfm?.Scores.Monetary);
            if (got != want)
            {
                mismatches.Add($"customer {customer.Id}: expected {want}, got {got}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {expected.Customers.Count} customers differ:\n" + string.Join("\n", mismatches.Take(20)));
    }
}
