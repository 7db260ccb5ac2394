using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Tests;

public sealed class SendIdsTests
{
    [Fact]
    public void Compute_SameOccurrence_GivesTheSameId()
    {
        var first = SendIds.Compute("u-1", "cart_abandonment", "2026-01-01T10:00:00Z");
        var second = SendIds.Compute("u-1", "cart_abandonment", "2026-01-01T10:00:00Z");

        Assert.Equal(first, second);
        Assert.True(SendIds.IsWellFormed(first));
        Assert.Equal(SendIds.Length, first.Length);
        Assert.StartsWith(SendIds.Prefix, first, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_AnyPartDifferent_GivesAnotherId()
    {
        var ids = new[]
        {
            SendIds.Compute("u-1", "cart_abandonment", "1"),
            SendIds.Compute("u-2", "cart_abandonment", "1"),
            SendIds.Compute("u-1", "browse_abandonment", "1"),
            SendIds.Compute("u-1", "cart_abandonment", "2"),

            // The parts are length-prefixed: moving a character from one part to the next changes the id.
            SendIds.Compute("u-1c", "art_abandonment", "1"),
        };

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Compute_KnownOccurrence_IsStableAcrossVersions()
    {
        // The id is the ESP's idempotency key: it must never change for the same occurrence.
        Assert.Equal("snd_ffc0dc34a922f6181838083a7d42e70c", SendIds.Compute("u-1", "cart_abandonment", "1"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(300)]
    [InlineData(2_000)]
    public void Compute_AnyLength_IsSha256OfTheLengthPrefixedUtf8Parts(int occurrenceLength)
    {
        var occurrence = string.Concat(Enumerable.Repeat("é", occurrenceLength));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in new[] { "u-1", "cart_abandonment", occurrence })
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            var length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        var expected = "snd_" + Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));

        Assert.Equal(expected, SendIds.Compute("u-1", "cart_abandonment", occurrence));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("snd_FFC0DC34A922F6181838083A7D42E70C")]
    [InlineData("msg_ffc0dc34a922f6181838083a7d42e70c")]
    [InlineData("snd_ffc0dc34a922f6181838083a7d42e70")]
    public void IsWellFormed_OtherText_IsFalse(string? id) => Assert.False(SendIds.IsWellFormed(id));
}
