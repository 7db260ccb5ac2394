namespace Segmentation.Runtime;

/// <summary>
/// Places a grain in one of a fixed number of partitions by a stable hash of its key. The grain type does
/// not take part, so all grains of one key (a customer and its satellites) share a partition and its log.
/// </summary>
public sealed class PartitionMap
{
    public PartitionMap(int partitionCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);
        PartitionCount = partitionCount;
    }

    public int PartitionCount { get; }

    public int GetPartition(GrainId grainId) => GetPartition(grainId.Key);

    public int GetPartition(string key) => (int)(StableHash.Compute(key) % (ulong)PartitionCount);
}
