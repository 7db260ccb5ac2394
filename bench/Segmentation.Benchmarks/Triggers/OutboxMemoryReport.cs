using Microsoft.Extensions.Options;
using Segmentation.Delivery;
using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;
using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Rfm;
using Segmentation.Runtime;

namespace Segmentation.Benchmarks.Triggers;

/// <summary>
/// What a pending send costs the outbox in memory: the 64 shards apply <c>sends</c> cart-abandonment intents (a
/// recipient, one cart line, RFM and lifecycle, as the trigger builds them) through their log records, as the silo
/// does; managed heap after a full collection, before and after, per send; and the size of the shards' snapshots.
/// </summary>
public static class OutboxMemoryReport
{
    public static async Task RunAsync(int sends)
    {
        var signal = new OutboxSignal();
        var options = Options.Create(new DeliveryOptions());
        var before = ManagedHeap.AfterFullCompaction();
        var shards = OutboxGrain.AllShards.ToDictionary(static shard => shard, _ => new OutboxGrain(signal, options), StringComparer.Ordinal);
        var created = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        long offset = 0;
        for (var i = 0; i < sends; i++)
        {
            var message = OutboxMessages.Intent(CartIntent(i, created.AddMilliseconds(i)));
            var record = new LogRecord(0, offset++, message.Target, message.Kind, message.Payload, message.Time);
            await shards[message.Target.Key].ApplyAsync(record, CancellationToken.None);
        }

        var after = ManagedHeap.AfterFullCompaction();
        var snapshotBytes = shards.Values.Sum(static shard => (long)shard.WriteSnapshot().Length);
        Console.WriteLine(
            $"outbox: {sends:N0} pending sends in {shards.Count} shards: {(after - before) / (double)sends:N0} B of managed heap each; " +
            $"snapshots {snapshotBytes / (double)sends:N0} B each ({snapshotBytes / 1048576.0:N1} MB for all shards)");
        GC.KeepAlive(shards);
    }

    private static SendIntent CartIntent(int index, DateTimeOffset at)
    {
        var customer = $"customer-{index:D8}";
        var product = index % 500;
        var payload = new SendPayload(
            new SendRecipient($"shopper{index}@example.com", "Shopper"),
            [new SendCartItem($"p{product}", null, $"Product {product}", $"https://shop.example/images/p{product}.jpg", $"https://shop.example/p/{product}", 40m, 1)],
            40m,
            null,
            new SendRfm(3, 2, 4, RfmCell.PotentialLoyalists, "Potential Loyalists"),
            LifecycleStage.Active,
            [],
            new Dictionary<string, string>(StringComparer.Ordinal));
        var occurrence = at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new SendIntent(
            SendIds.Compute(customer, "CartAbandonment", occurrence), customer, "CartAbandonment", occurrence, SendKind.Marketing, at, "d-bench-cart", payload);
    }
}
