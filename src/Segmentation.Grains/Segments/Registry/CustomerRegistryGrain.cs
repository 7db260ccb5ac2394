using System.Text;
using Segmentation.Runtime;

namespace Segmentation.Grains.Segments;

/// <summary>
/// One shard of the customer registry: every customer key that ever applied a record, so backfills and previews
/// reach every customer without scanning storage. Keyed by shard (<see cref="Shards.For"/> of the customer key);
/// fed by <see cref="RecordKinds.CustomerRegistered"/> records, which a customer sends once (replays add nothing).
/// The snapshot front-codes the sorted keys, so a million keys over 64 shards load and save in milliseconds.
/// <para>
/// A <see cref="SyncKind"/> record changes nothing: it lets a reader count exactly the registrations appended before
/// it (see <see cref="CustomerRegistry.SyncCountsAsync"/>).
/// </para>
/// </summary>
[GrainType("customer-registry")]
public sealed class CustomerRegistryGrain : Grain, IDurableGrain
{
    /// <summary>
    /// A record that changes nothing. A registration is appended to the log before the turn that made it evaluates any
    /// segment, so once a sync appended later is durable, every such registration is queued on its shard before any
    /// call made after it.
    /// </summary>
    public const string SyncKind = "customer-registry-sync";

    private CustomerKeySet _keys = new();

    public static GrainId IdOf(string shard) => new("customer-registry", shard);

    public ValueTask ApplyAsync(LogRecord record, CancellationToken cancellationToken)
    {
        switch (record.Kind)
        {
            case RecordKinds.CustomerRegistered:
                _keys.Add(Encoding.UTF8.GetString(record.Payload));
                break;
            case SyncKind:
                break;
            default:
                throw new InvalidOperationException($"A customer registry shard does not take records of kind '{record.Kind}'.");
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The customers registered in this shard; read-only.</summary>
    public ValueTask<int> CountAsync() => ValueTask.FromResult(_keys.Count);

    /// <summary>
    /// Up to <paramref name="limit"/> customer keys after <paramref name="afterKey"/> in ordinal order (null: from the
    /// first); fewer than <paramref name="limit"/> means the listing is complete. With <paramref name="registeredBefore"/>
    /// = a count this shard reported earlier, only the customers that were registered at that point are listed.
    /// Call it as an exclusive turn (<c>InvokeAsync</c>): it sorts the keys registered since the last listing.
    /// </summary>
    public ValueTask<IReadOnlyList<string>> ListAsync(string? afterKey, int limit, int registeredBefore = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ValueTask.FromResult(_keys.List(afterKey, limit, registeredBefore));
    }

    public byte[] WriteSnapshot()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            _keys.Write(writer);
        }

        return buffer.ToArray();
    }

    public void ReadSnapshot(ReadOnlySpan<byte> snapshot)
    {
        using var reader = new BinaryReader(new MemoryStream(snapshot.ToArray()));
        _keys = CustomerKeySet.Read(reader);
    }
}
