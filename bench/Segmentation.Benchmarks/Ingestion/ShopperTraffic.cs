using Segmentation.Domain.Profiles;
using Segmentation.LoadGenerator.Serialization;
using Segmentation.LoadGenerator.Shoppers;
using Segmentation.Tracking;

namespace Segmentation.Benchmarks.Ingestion;

/// <summary>
/// A shop's traffic from the load generator's shopper model (the same event mix, ids and JSON as a load test): a
/// population whose 90 days of history are applied to their profiles, kept as snapshots so a run can start again
/// from the same state, and the <c>/v1/batch</c> request bodies that follow the history.
/// </summary>
public sealed class ShopperTraffic
{
    private static readonly TimeSpan History = ProfileLimits.WindowRetention;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, byte[]> _snapshots;

    private ShopperTraffic(Dictionary<string, byte[]> snapshots, IReadOnlyList<byte[]> bodies, IReadOnlyList<DateTimeOffset> receivedAt, long historyEvents)
    {
        _snapshots = snapshots;
        Bodies = bodies;
        ReceivedAt = receivedAt;
        HistoryEvents = historyEvents;
    }

    /// <summary>The request bodies to ingest after the history, each a batch of the same size.</summary>
    public IReadOnlyList<byte[]> Bodies { get; }

    /// <summary>When each body is received (its <c>sentAt</c> plus 40 ms).</summary>
    public IReadOnlyList<DateTimeOffset> ReceivedAt { get; }

    /// <summary>How many events the history applied.</summary>
    public long HistoryEvents { get; }

    /// <summary>How many customers have a profile after the history.</summary>
    public int Customers => _snapshots.Count;

    /// <summary>
    /// Generates <paramref name="historyEvents"/> events of <paramref name="customers"/> shoppers spread over the 90 days
    /// before the first body, applies them, and makes <paramref name="bodies"/> bodies of <paramref name="batchSize"/>
    /// events each, one a minute.
    /// </summary>
    public static ShopperTraffic Create(int customers, int historyEvents, int bodies, int batchSize)
    {
        var (source, profiles, applied) = ApplyHistory(customers, historyEvents, batchSize);
        var snapshots = profiles.ToDictionary(pair => pair.Key, pair => CustomerProfileSerializer.Serialize(pair.Value), StringComparer.Ordinal);
        var end = Start + History;
        var bodyList = new List<byte[]>(bodies);
        var receivedList = new List<DateTimeOffset>(bodies);
        for (var i = 0; i < bodies; i++)
        {
            var sentAt = end + TimeSpan.FromMinutes(i);
            using var batch = source.NextBatch(batchSize, sentAt);
            if (batch.EventCount != batchSize)
            {
                throw new InvalidOperationException($"A body holds {batch.EventCount} events, not {batchSize}.");
            }

            bodyList.Add(batch.Body.ToArray());
            receivedList.Add(sentAt.AddMilliseconds(40));
        }

        return new ShopperTraffic(snapshots, bodyList, receivedList, applied);
    }

    /// <summary>
    /// The profiles of <paramref name="customers"/> shoppers after <paramref name="historyEvents"/> of their events spread
    /// over 90 days, parsed and applied as the silo does; with the source that continues the stream.
    /// </summary>
    public static (ShopperBatchSource Source, Dictionary<string, CustomerProfile> Profiles, long Applied) ApplyHistory(
        int customers, int historyEvents, int batchSize)
    {
        var model = new ShopperModel(new ShopperModelOptions
        {
            Customers = customers,
            ConcurrentSessions = Math.Max(1, customers / 20),
            Seed = 11,
        });
        var source = new ShopperBatchSource(model, "bench", 450 * 1024);
        var parser = new TrackingRequestParser();
        var profiles = new Dictionary<string, CustomerProfile>(StringComparer.Ordinal);
        var historyBatches = historyEvents / batchSize;
        long applied = 0;
        for (var i = 0; i < historyBatches; i++)
        {
            var sentAt = Start + (History * i / historyBatches);
            foreach (var message in Parse(parser, source, batchSize, sentAt))
            {
                if (!profiles.TryGetValue(message.CustomerKey, out var profile))
                {
                    profiles.Add(message.CustomerKey, profile = new CustomerProfile());
                }

                profile.Apply(message);
                applied++;
            }
        }

        return (source, profiles, applied);
    }

    /// <summary>Every customer's profile as it was after the history (fresh copies).</summary>
    public Dictionary<string, CustomerProfile> RestoreProfiles() =>
        _snapshots.ToDictionary(pair => pair.Key, pair => CustomerProfileSerializer.Deserialize(pair.Value), StringComparer.Ordinal);

    /// <summary>The snapshot size of every profile after the history, in bytes.</summary>
    public long SnapshotBytes => _snapshots.Values.Sum(static s => (long)s.Length);

    private static IEnumerable<TrackingMessage> Parse(TrackingRequestParser parser, ShopperBatchSource source, int batchSize, DateTimeOffset sentAt)
    {
        using var batch = source.NextBatch(batchSize, sentAt);
        var result = parser.Parse(batch.Body, TrackingEndpoint.Batch, sentAt.AddMilliseconds(40));
        if (!result.IsAccepted || result.Rejections.Count > 0)
        {
            throw new InvalidOperationException("The parser refused a generated batch.");
        }

        return result.Accepted.Select(static a => a.Message).ToList();
    }
}
