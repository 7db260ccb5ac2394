using Segmentation.Grains.Segments;

namespace Segmentation.Grains.Tests.Segments.Engine;

public sealed class SortedIdListTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AddRemoveAfter_RandomOperations_MatchASortedSet(int seed)
    {
        var random = new Random(seed);
        var list = new SortedIdList();
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 20_000; i++)
        {
            var id = $"c{random.Next(5_000)}";
            if (random.Next(3) == 0)
            {
                Assert.Equal(expected.Remove(id), list.Remove(id));
            }
            else
            {
                Assert.Equal(expected.Add(id), list.Add(id));
            }
        }

        Assert.Equal(expected.Count, list.Count);
        Assert.Equal(expected, list.After(null));
        for (var probe = 0; probe < 50; probe++)
        {
            var after = $"c{random.Next(5_000)}";
            Assert.Equal(expected.Where(id => string.CompareOrdinal(id, after) > 0).Take(30), list.After(after).Take(30));
        }
    }

    [Fact]
    public void FromSorted_ThenChanges_StaysSorted()
    {
        var list = SortedIdList.FromSorted(Enumerable.Range(0, 3_000).Select(static i => $"k{i:D5}"));

        Assert.True(list.Add("k00000a"));
        Assert.True(list.Remove("k02999"));
        Assert.False(list.Remove("k02999"));

        Assert.Equal(3_000, list.Count);
        Assert.Equal(["k00000", "k00000a", "k00001"], list.After(null).Take(3));
        Assert.Equal("k02998", list.After("k02997").Single());
    }
}
