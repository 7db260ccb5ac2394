using Segmentation.LoadGenerator.Serialization;
using Segmentation.LoadGenerator.Shoppers;
using Segmentation.Tracking;

namespace Segmentation.Benchmarks.Segments;

/// <summary>
/// Calls in the load generator's proportions (identifies, pages, searches, list and product views, cart adds and
/// removes, cart views, checkouts, orders, email opens and clicks): consecutive calls of its shopper population once
/// its sessions are under way, as the silo's parser reads them.
/// </summary>
public static class LoadGeneratorMix
{
    private const int WarmUpEvents = 50_000;

    /// <summary><paramref name="count"/> consecutive calls of the population after the warm-up.</summary>
    public static IReadOnlyList<TrackingMessage> Messages(int count)
    {
        var source = new ShopperBatchSource(new ShopperModel(new ShopperModelOptions { Customers = 10_000, ConcurrentSessions = 200, Seed = 11 }), "bench", 450 * 1024);
        var sentAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        while (source.EventsWritten < WarmUpEvents)
        {
            using var skipped = source.NextBatch(500, sentAt);
        }

        var messages = new List<TrackingMessage>(count);
        var parser = new TrackingRequestParser();
        while (messages.Count < count)
        {
            using var batch = source.NextBatch(count - messages.Count, sentAt);
            var result = parser.Parse(batch.Body, TrackingEndpoint.Batch, sentAt);
            if (!result.IsAccepted || result.Rejections.Count > 0)
            {
                throw new InvalidOperationException("The parser refused a generated batch.");
            }

            messages.AddRange(result.Accepted.Select(static a => a.Message));
        }

        return messages;
    }

    /// <summary>How many calls of each name (track event name, or the call type) <paramref name="messages"/> hold, most first.</summary>
    public static string Describe(IEnumerable<TrackingMessage> messages) => string.Join(", ", messages
        .GroupBy(static m => m.Type == TrackingMessageType.Track ? m.Event! : m.Type.ToString().ToLowerInvariant())
        .OrderByDescending(static g => g.Count())
        .ThenBy(static g => g.Key, StringComparer.Ordinal)
        .Select(static g => $"{g.Key} {g.Count()}"));
}
