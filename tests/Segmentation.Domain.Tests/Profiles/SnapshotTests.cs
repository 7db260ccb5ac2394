using Segmentation.Domain.Profiles;
using Segmentation.Domain.Tests.Support;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Profiles;

public class SnapshotTests
{
    [Theory]
    [InlineData(31, 100)]
    [InlineData(32, 700)]
    [InlineData(33, 1200)]
    public void Deserialize_ThenApplyMore_EqualsUninterruptedRun(int seed, int splitAt)
    {
        // Arrange: 120 days of events in arrival order with small delays; the snapshot is taken mid-stream.
        var stream = StreamGenerator.Generate(seed, 1500, T0, TimeSpan.FromDays(120));
        var random = new Random(seed);
        var arrival = stream.OrderBy(m => m.Timestamp.UtcTicks + (long)(random.NextDouble() * TimeSpan.FromHours(20).Ticks)).ToList();
        var uninterrupted = ProfileAssert.Build(arrival);
        var firstPart = ProfileAssert.Build(arrival.Take(splitAt));

        // Act
        var restored = CustomerProfileSerializer.Deserialize(CustomerProfileSerializer.Serialize(firstPart));
        foreach (var message in arrival.Skip(splitAt))
        {
            restored.Apply(message);
        }

        // Assert
        ProfileAssert.SameState(uninterrupted, restored);
        var asOf = uninterrupted.LatestEventAt!.Value;
        Assert.Equal(uninterrupted.GetAllWindowTotals(asOf), restored.GetAllWindowTotals(asOf));
        Assert.Equal(uninterrupted.GetRecentlyViewedProducts(), restored.GetRecentlyViewedProducts());
        Assert.Equal(uninterrupted.GetOrders().Select(o => (o.OrderId, o.NetAmount)), restored.GetOrders().Select(o => (o.OrderId, o.NetAmount)));
        Assert.Equal(uninterrupted.Cart.Lines, restored.Cart.Lines);
        Assert.Equal(uninterrupted.SessionCount, restored.SessionCount);
    }

    [Fact]
    public void Serialize_EmptyProfile_RoundTrips()
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        var restored = CustomerProfileSerializer.Deserialize(CustomerProfileSerializer.Serialize(profile));

        // Assert
        Assert.True(restored.IsEmpty);
        ProfileAssert.SameState(profile, restored);
    }

    [Fact]
    public void Serialize_ToAWriter_WritesTheLengthThenTheSameBytes()
    {
        // Arrange
        var profile = ProfileAssert.Build(StreamGenerator.Generate(35, 300, T0, TimeSpan.FromHours(30)));
        var bytes = CustomerProfileSerializer.Serialize(profile);
        using var stream = new MemoryStream();

        // Act
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            CustomerProfileSerializer.Serialize(profile, writer);
        }

        // Assert
        Assert.Equal([.. BitConverter.GetBytes(bytes.Length), .. bytes], stream.ToArray());
    }

    [Fact]
    public void Serialize_RestoredProfile_GivesSameBytes()
    {
        // Arrange
        var profile = ProfileAssert.Build(StreamGenerator.Generate(34, 300, T0, TimeSpan.FromHours(30)));
        var bytes = CustomerProfileSerializer.Serialize(profile);

        // Act
        var again = CustomerProfileSerializer.Serialize(CustomerProfileSerializer.Deserialize(bytes));

        // Assert
        Assert.Equal(bytes, again);
    }

    [Fact]
    public void Deserialize_Truncated_ThrowsFormatException()
    {
        // Arrange
        var bytes = CustomerProfileSerializer.Serialize(ProfileAssert.Build([Identify(T0, """{"email":"a@example.com"}""")]));

        // Act
        var act = () => CustomerProfileSerializer.Deserialize(bytes.AsSpan(0, bytes.Length - 3));

        // Assert
        Assert.Throws<FormatException>(act);
    }

    [Fact]
    public void Deserialize_WrongMagicOrVersion_ThrowsFormatException()
    {
        // Arrange
        var bytes = CustomerProfileSerializer.Serialize(new CustomerProfile());
        var wrongVersion = bytes.ToArray();
        wrongVersion[4] = 99;

        // Act
        var badMagic = () => CustomerProfileSerializer.Deserialize("nope!"u8);
        var badVersion = () => CustomerProfileSerializer.Deserialize(wrongVersion);

        // Assert
        Assert.Throws<FormatException>(badMagic);
        Assert.Throws<FormatException>(badVersion);
    }
}
