using System.Globalization;
using Segmentation.Grains.Segments;

namespace Segmentation.Grains.Tests.Segments.Backfill;

public sealed class CustomerKeySetTests
{
    [Fact]
    public void Write_OneShardOfAMillionCustomers_TakesAFewBytesPerKeyAndReadsBackTheSame()
    {
        // 1,000,000 customers over 64 shards: 15,625 per shard.
        var keys = Enumerable.Range(0, 15_625).Select(static i => "customer-" + (i * 64).ToString("D8", CultureInfo.InvariantCulture)).ToArray();
        new Random(3).Shuffle(keys);
        var set = new CustomerKeySet();
        foreach (var key in keys)
        {
            set.Add(key);
        }

        var bytes = Write(set);
        var read = Read(bytes);

        Assert.InRange(bytes.Length / (double)keys.Length, 1, 7);
        Assert.Equal(keys.Length, read.Count);
        Assert.Equal(keys.Order(StringComparer.Ordinal), read.List(null, int.MaxValue, int.MaxValue));
        Assert.Equal(keys[..1000].Order(StringComparer.Ordinal), read.List(null, int.MaxValue, registeredBefore: 1000));
    }

    [Fact]
    public void Read_KeysWithSharedPrefixesOutsideAscii_RoundTrip()
    {
        string[] keys = ["\U0001F600a", "\U0001F600b", "\U0001F601", "éa", "éb", "e", string.Empty.PadLeft(256, 'x'), "ü\U0001F600"];
        var set = new CustomerKeySet();
        foreach (var key in keys)
        {
            set.Add(key);
        }

        var read = Read(Write(set));

        Assert.Equal(keys.Order(StringComparer.Ordinal), read.List(null, 100, int.MaxValue));
        Assert.False(read.Add("éa"));
        Assert.True(read.Add("éc"));
        Assert.Equal(keys.Length + 1, read.Count);
    }

    private static byte[] Write(CustomerKeySet set)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            set.Write(writer);
        }

        return buffer.ToArray();
    }

    private static CustomerKeySet Read(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        return CustomerKeySet.Read(reader);
    }
}
