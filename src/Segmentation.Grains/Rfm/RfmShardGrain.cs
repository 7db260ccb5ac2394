using Segmentation.Domain.Rfm;
using Segmentation.Runtime;

namespace Segmentation.Grains.Rfm;

/// <summary>
/// One shard of the RFM population: the current RFM input of its customers and the exact histograms built from
/// them by deltas. Log-fed; a customer's update applies only when newer than the last one seen from it.
/// </summary>
[GrainType("rfm-shard")]
public sealed class RfmShardGrain : Grain, IDurableGrain
{
    private Dictionary<string, (long Version, RfmInput? Input)> _customers = new(StringComparer.Ordinal);
    private RfmPopulation _population = new();

    public static GrainId IdOf(string shard) => new("rfm-shard", shard);

    public ValueTask ApplyAsync(LogRecord record, CancellationToken cancellationToken)
    {
        var update = RfmUpdate.Decode(record.Payload);
        var known = _customers.TryGetValue(update.CustomerId, out var current);
        if (!known || current.Version < update.Version)
        {
            _population.Replace(known ? current.Input : null, update.Input);
            _customers[update.CustomerId] = (update.Version, update.Input);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A copy of this shard's histograms.</summary>
    public ValueTask<byte[]> GetPopulationAsync() => ValueTask.FromResult(RfmPopulationSerializer.Serialize(_population));

    /// <summary>
    /// This shard's customers with orders per recency x frequency cell and, when <paramref name="page"/> is given, the
    /// smallest ids of its cell after its cursor, from one pass (see <see cref="RfmCellQuery.Read"/>); read-only.
    /// </summary>
    public ValueTask<RfmShardGrid> ReadGridAsync(RfmCutPoints cutPoints, DateTimeOffset asOf, RfmCellPageRequest? page) =>
        ValueTask.FromResult(RfmCellQuery.Read(Scorable(), cutPoints, asOf, page));

    public byte[] WriteSnapshot()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(_customers.Count);
            foreach (var (customer, (version, input)) in _customers)
            {
                new RfmUpdate(customer, version, input).Write(writer);
            }
        }

        return buffer.ToArray();
    }

    public void ReadSnapshot(ReadOnlySpan<byte> snapshot)
    {
        using var reader = new BinaryReader(new MemoryStream(snapshot.ToArray()));
        var count = reader.ReadInt32();
        _customers = new Dictionary<string, (long, RfmInput?)>(count, StringComparer.Ordinal);
        _population = new RfmPopulation();
        for (var i = 0; i < count; i++)
        {
            var update = RfmUpdate.Read(reader);
            _customers.Add(update.CustomerId, (update.Version, update.Input));
            if (update.Input is { } input)
            {
                _population.Add(input);
            }
        }
    }

    // The customers with orders (a customer whose orders were all cancelled, or who was merged away, has no input).
    private IEnumerable<(string CustomerId, RfmInput Input)> Scorable()
    {
        foreach (var (customerId, (_, input)) in _customers)
        {
            if (input is { } scorable)
            {
                yield return (customerId, scorable);
            }
        }
    }
}
