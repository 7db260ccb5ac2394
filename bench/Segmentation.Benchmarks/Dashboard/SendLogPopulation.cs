using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;

namespace Segmentation.Benchmarks.Dashboard;

/// <summary>
/// A send log for the dashboard's send pages: <c>sends</c> sends of the seeded customers (round robin) appended through
/// <see cref="OutboxDirectory"/> as triggers append them, created over the last 29 days (inside the log's retention)
/// by three triggers; one in four skipped with a reason, the others pending (the bench silo has no ESP endpoint), so
/// that no send is failed or dead-lettered and a dead-letter filter finds none.
/// </summary>
public static class SendLogPopulation
{
    public const string SkipTrigger = "lapse";

    private const int Batch = 5_000;
    private const int Writers = 4;
    private static readonly string[] Triggers = ["cart_abandonment", "browse_abandonment", SkipTrigger];

    public static async Task SeedAsync(IServiceProvider services, int sends, int customers)
    {
        var stopwatch = Stopwatch.StartNew();
        var outbox = services.GetRequiredService<OutboxDirectory>();
        var now = DateTimeOffset.UtcNow;
        var next = -Batch;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
        {
            for (var first = Interlocked.Add(ref next, Batch); first < sends; first = Interlocked.Add(ref next, Batch))
            {
                var range = Enumerable.Range(first, Math.Min(Batch, sends - first)).ToList();
                await outbox.AppendAsync([.. range.Where(static i => i % 4 != 0).Select(i => Intent(i, customers, now))]);
                await outbox.AppendSkipsAsync([.. range.Where(static i => i % 4 == 0).Select(i => Skip(i, customers, now))]);
            }
        }));

        while (await CountAsync(outbox, now) < sends)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Console.WriteLine($"seeded {sends:N0} sends through durable appends, all applied, in {stopwatch.Elapsed.TotalSeconds:N1} s");
    }

    private static SendIntent Intent(int index, int customers, DateTimeOffset now)
    {
        var customerId = CustomerSeeding.CustomerId(index % customers);
        var payload = SendPayload.For(new SendRecipient($"{customerId}@example.com", "Shopper"));
        return SendIntent.Create(customerId, Triggers[index % 2], $"occurrence-{index}", SendKind.Marketing, CreatedAt(index, now), "d-bench", payload);
    }

    private static SendSkip Skip(int index, int customers, DateTimeOffset now) => SendSkip.Create(
        CustomerSeeding.CustomerId(index % customers), SkipTrigger, $"occurrence-{index}", SendKind.Marketing, CreatedAt(index, now),
        new SendSkipReason(SendSkipReasons.FrequencyCap));

    private static DateTimeOffset CreatedAt(int index, DateTimeOffset now) => now.AddMinutes(-((index * 7919L) % (29 * 24 * 60)));

    private static async Task<long> CountAsync(OutboxDirectory outbox, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var days = await Task.WhenAll(Enumerable.Range(0, 30).Select(back => outbox.CountByStatusAsync(today.AddDays(-back))));
        return days.Sum(static counts => counts.Total);
    }
}
