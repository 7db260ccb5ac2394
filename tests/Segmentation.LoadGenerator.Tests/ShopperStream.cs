using System.Text.Json;
using Segmentation.LoadGenerator.Serialization;
using Segmentation.LoadGenerator.Shoppers;

namespace Segmentation.LoadGenerator.Tests;

/// <summary>Builds batches from a small shopper population and parses them back.</summary>
internal static class ShopperStream
{
    public static readonly DateTimeOffset SentAt = new(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    public static ShopperModelOptions SmallPopulation(long seed = 7) => new()
    {
        Customers = 2_000,
        Products = 300,
        ConcurrentSessions = 50,
        Seed = seed,
    };

    public static List<byte[]> Bodies(ShopperModelOptions options, int batches, int batchSize = 100, string runId = "test-run", int maxBatchBytes = 450 * 1024)
    {
        var source = new ShopperBatchSource(new ShopperModel(options), runId, maxBatchBytes);
        var bodies = new List<byte[]>();
        for (var i = 0; i < batches; i++)
        {
            using var batch = source.NextBatch(batchSize, SentAt);
            bodies.Add(batch.Body.ToArray());
        }

        return bodies;
    }

    public static List<JsonElement> Events(IEnumerable<byte[]> bodies) =>
        [.. bodies.SelectMany(body => JsonDocument.Parse(body).RootElement.GetProperty("batch").EnumerateArray())];
}
