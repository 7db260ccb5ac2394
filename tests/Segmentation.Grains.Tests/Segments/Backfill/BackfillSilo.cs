using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Segmentation.Grains.Segments;
using Segmentation.TestKit;
using Segmentation.Tracking;

namespace Segmentation.Grains.Tests.Segments.Backfill;

/// <summary>
/// A test silo with profiles and segments whose backfill service runs (a <see cref="TestSilo"/> starts no hosted
/// services by itself), with small backfill batches so a backfill takes many appends; and a book of the orders sent,
/// from which tests know which customers a rule holds for without asking the engine.
/// </summary>
internal static class BackfillSilo
{
    public static TestSiloOptions Options(
        int batchSize = 5, int maxOutstanding = 5_000, TimeSpan? pollInterval = null, LogCapture? logs = null) => new()
    {
        Configure = builder =>
        {
            if (logs is not null)
            {
                builder.Services.AddLogging(logging => logging.AddProvider(logs));
            }

            builder.AddCustomerProfiles();
            builder.Services.Configure<SegmentBackfillOptions>(options =>
            {
                options.BatchSize = batchSize;
                options.MaxAppendsInFlight = 2;
                options.MaxOutstanding = maxOutstanding;
                options.PollInterval = pollInterval ?? options.PollInterval;
            });
        },
    };

    /// <summary>
    /// Starts a silo and its backfill service, and waits until the service has run what it resumed (on a new silo: the
    /// backfills of the starter segments, over no customers).
    /// </summary>
    public static async Task<TestSilo> StartAsync(TestSiloOptions options)
    {
        var silo = await TestSilo.StartAsync(options);
        await silo.Backfills().StartAsync(CancellationToken.None);
        await silo.WhenBackfilledAsync();
        return silo;
    }

    public static SegmentBackfillService Backfills(this TestSilo silo) => silo.Services.GetRequiredService<SegmentBackfillService>();

    public static SegmentDirectory Segments(this TestSilo silo) => silo.Services.GetRequiredService<SegmentDirectory>();

    /// <summary>Waits until every queued backfill was sent and every record since, customers' reports included, is applied.</summary>
    public static async Task WhenBackfilledAsync(this TestSilo silo)
    {
        await silo.Backfills().WhenIdleAsync();
        await silo.WhenIdleAsync();
    }

    public static async Task<SegmentInfo> InfoAsync(this TestSilo silo, string segmentId) =>
        await silo.Segments().GetAsync(segmentId) ?? throw new InvalidOperationException($"No segment {segmentId}.");

    /// <summary>Every member id of a segment, in the order the segment pages them.</summary>
    public static async Task<List<string>> MemberIdsAsync(this TestSilo silo, string segmentId)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await silo.Segments().GetMembersAsync(segmentId, cursor, 50) ?? throw new InvalidOperationException($"No segment {segmentId}.");
            ids.AddRange(page.Members.Select(static m => m.CustomerId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return ids;
    }

    public static string CustomerId(int index) => "c-" + index.ToString("D4", CultureInfo.InvariantCulture);
}

/// <summary>Orders sent to customers, counted per customer as the test sends them.</summary>
internal sealed class OrderBook
{
    private readonly Dictionary<string, int> _orders = new(StringComparer.Ordinal);

    /// <summary>Customers with at least <paramref name="orders"/> orders, in id order.</summary>
    public List<string> CustomersWithAtLeast(int orders) =>
        [.. _orders.Where(p => p.Value >= orders).Select(static p => p.Key).Order(StringComparer.Ordinal)];

    public IReadOnlyCollection<string> Customers => _orders.Keys;

    /// <summary>Appends one order per (customer, count) pair and waits until they are durable (not applied).</summary>
    public Task AppendAsync(TestSilo silo, IEnumerable<(string CustomerId, int Orders)> orders)
    {
        var now = silo.Clock.GetUtcNow();
        var messages = new List<TrackingMessage>();
        foreach (var (customerId, count) in orders)
        {
            for (var i = 0; i < count; i++)
            {
                var n = _orders[customerId] = _orders.GetValueOrDefault(customerId) + 1;
                messages.Add(CustomerSilo.Order(customerId, $"{customerId}-o{n}", 20m * n, now));
            }
        }

        return silo.Directory().AppendAsync(messages);
    }

    /// <summary>A page view for each customer: a profile without orders.</summary>
    public Task AppendVisitsAsync(TestSilo silo, IEnumerable<string> customerIds)
    {
        var now = silo.Clock.GetUtcNow();
        var messages = customerIds.Select(id =>
        {
            _orders.TryAdd(id, 0);
            return CustomerSilo.Track(id, null, "Product Viewed", now);
        }).ToList();
        return silo.Directory().AppendAsync(messages);
    }
}
