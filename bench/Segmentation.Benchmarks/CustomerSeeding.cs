using System.Globalization;
using Segmentation.Grains.Customers;
using Segmentation.Tracking;

namespace Segmentation.Benchmarks;

/// <summary>
/// Seeds customers through <see cref="CustomerDirectory"/> as tracking calls would arrive: a few writers, each
/// appending batches of consecutive customers' events durably, until every customer of a range is appended.
/// </summary>
internal static class CustomerSeeding
{
    private const int Batch = 2_000;
    private const int Writers = 4;

    /// <summary>The id of the seeded customer number <paramref name="index"/>: <c>customer-00001234</c>.</summary>
    public static string CustomerId(int index) => "customer-" + index.ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>Appends the events of customers <paramref name="start"/> (included) to <paramref name="end"/> (excluded); completes once all are durable.</summary>
    public static async Task AppendAsync(
        CustomerDirectory directory, int start, int end, Func<int, IEnumerable<TrackingMessage>> eventsOf,
        CancellationToken cancellationToken = default)
    {
        var next = start - Batch;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
        {
            for (var first = Interlocked.Add(ref next, Batch); first < end; first = Interlocked.Add(ref next, Batch))
            {
                var batch = new List<TrackingMessage>(Batch * 3);
                for (var i = first; i < Math.Min(first + Batch, end); i++)
                {
                    batch.AddRange(eventsOf(i));
                }

                await directory.AppendAsync(batch, cancellationToken);
            }
        }));
    }
}
