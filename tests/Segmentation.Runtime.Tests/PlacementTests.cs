namespace Segmentation.Runtime.Tests;

public sealed class PlacementTests
{
    [Theory]
    [InlineData("customer-1", 3_220_080_625_779_094_683UL)]
    [InlineData("", 17_665_956_581_633_026_203UL)]
    [InlineData("zoë@example.com", 10_194_868_021_984_540_347UL)]
    public void Compute_KnownKeys_MatchesPinnedValues(string key, ulong expected)
    {
        // Pinned values: a change here would move every stored grain to another partition.
        Assert.Equal(expected, StableHash.Compute(key));
    }

    [Fact]
    public void GetPartition_SameKeyDifferentGrainTypes_SamePartition()
    {
        var map = new PartitionMap(64);

        Assert.Equal(map.GetPartition(new GrainId("customer", "c-42")), map.GetPartition(new GrainId("segment", "c-42")));
    }

    [Fact]
    public void GetPartition_ManyKeys_SpreadEvenly()
    {
        var map = new PartitionMap(64);
        var counts = new int[64];

        for (var i = 0; i < 64_000; i++)
        {
            counts[map.GetPartition($"customer-{i}")]++;
        }

        Assert.All(counts, count => Assert.InRange(count, 800, 1_200));
    }

    [Fact]
    public void PartitionMap_ZeroPartitions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartitionMap(0));
    }
}
