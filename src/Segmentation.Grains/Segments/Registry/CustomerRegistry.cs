using System.Globalization;
using Segmentation.Runtime;

namespace Segmentation.Grains.Segments;

/// <summary>Reading the customer registry across its <see cref="Shards.Count"/> shards (shard n has key <c>n</c>).</summary>
internal static class CustomerRegistry
{
    public static GrainReference<CustomerRegistryGrain> Shard(IGrainFactory grains, int shard) =>
        grains.GetGrain<CustomerRegistryGrain>(shard.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Each shard's count (index = shard), covering every registration appended before this call: a sync record goes
    /// through every shard's log first, and the counts are read after it.
    /// </summary>
    public static async Task<int[]> SyncCountsAsync(IClusterClient client, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var syncs = Enumerable.Range(0, Shards.Count)
            .Select(shard => new DurableMessage(Shard(client, shard).Id, CustomerRegistryGrain.SyncKind, [], now))
            .ToArray();
        await client.AppendAsync(syncs, cancellationToken).ConfigureAwait(false);
        return await Task.WhenAll(Enumerable.Range(0, Shards.Count).Select(shard =>
            Shard(client, shard).InvokeReadOnlyAsync(static g => g.CountAsync(), cancellationToken).AsTask())).ConfigureAwait(false);
    }
}
