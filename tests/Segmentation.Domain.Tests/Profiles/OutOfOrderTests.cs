using Segmentation.Domain.Profiles;
using Segmentation.Domain.Tests.Support;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Profiles;

public class OutOfOrderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(4242)]
    public void Apply_ShuffledStreamWithinHorizon_SameBytesAsTimestampOrder(int seed)
    {
        // Arrange: 400 events over 40 hours (inside the 48 h reorder horizon), some on the same instant.
        var stream = StreamGenerator.Generate(seed, 400, T0, TimeSpan.FromHours(40));
        var expected = ProfileAssert.BuildInOrder(stream);
        var shuffled = stream.OrderBy(_ => 0).ToList();
        new Random(seed * 31 + 7).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));

        // Act
        var actual = ProfileAssert.Build(shuffled);

        // Assert
        ProfileAssert.SameState(expected, actual);
        Assert.Equal(expected.Cart, actual.Cart, CartComparer.Instance);
        Assert.Equal(expected.SessionCount, actual.SessionCount);
        Assert.Equal(expected.TotalRevenue, actual.TotalRevenue);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(99)]
    public void Apply_LongStreamDelayedUpTo30Hours_SameBytesAsTimestampOrder(int seed)
    {
        // Arrange: 150 days of events (pruning of dedupe, journals and windows happens along the way); each
        // event arrives up to 30 hours late, so it is always within the horizon of the latest event at arrival.
        var stream = StreamGenerator.Generate(seed, 1500, T0, TimeSpan.FromDays(150));
        var expected = ProfileAssert.BuildInOrder(stream);
        var random = new Random(seed);
        var arrival = stream
            .Select(m => (Message: m, ArrivesAt: m.Timestamp.UtcTicks + (long)(random.NextDouble() * TimeSpan.FromHours(30).Ticks)))
            .OrderBy(x => x.ArrivesAt)
            .Select(x => x.Message)
            .ToList();

        // Act
        var actual = ProfileAssert.Build(arrival);

        // Assert
        ProfileAssert.SameState(expected, actual);
        var asOf = expected.LatestEventAt!.Value;
        Assert.Equal(expected.GetAllWindowTotals(asOf), actual.GetAllWindowTotals(asOf));
        Assert.Equal(expected.NextWindowChange(asOf), actual.NextWindowChange(asOf));
    }

    [Fact]
    public void Apply_StreamWithDuplicatesShuffled_SameBytesAsDeduplicatedInOrder()
    {
        // Arrange
        var stream = StreamGenerator.Generate(11, 200, T0, TimeSpan.FromHours(20));
        var expected = ProfileAssert.BuildInOrder(stream);
        var withCopies = stream.Concat(stream.Where((_, i) => i % 3 == 0)).ToList();
        new Random(12).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(withCopies));

        // Act
        var actual = ProfileAssert.Build(withCopies);

        // Assert
        ProfileAssert.SameState(expected, actual);
    }

    [Fact]
    public void Apply_OlderEvent_ReturnsAppliedOutOfOrder()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Page(T0.AddMinutes(10)));

        // Act
        var outcome = profile.Apply(Page(T0));

        // Assert
        Assert.Equal(ApplyOutcome.AppliedOutOfOrder, outcome);
        Assert.Equal(1, profile.SessionCount);
    }

    [Fact]
    public void Apply_SameTimestampSmallerMessageId_FoldsBeforeTheLaterId()
    {
        // Arrange: at the same instant, "a" (remove) sorts before "b" (add), so the add wins.
        var profile = new CustomerProfile();
        profile.Apply(Track("Product Added", T0, """{"product_id":"p1"}""", id: "b"));

        // Act
        var outcome = profile.Apply(Track("Product Removed", T0, """{"product_id":"p1"}""", id: "a"));

        // Assert
        Assert.Equal(ApplyOutcome.AppliedOutOfOrder, outcome);
        Assert.Equal(1, Assert.Single(profile.Cart.Lines).Quantity);
    }

    [Fact]
    public void Apply_SiteEventBeyondHorizonWithPrunedActivity_ReportsBeyondHorizonAndKeepsSessions()
    {
        // Arrange: activity at T0 and T0+3d prunes T0's instant into the session boundary.
        var profile = new CustomerProfile();
        profile.Apply(Page(T0));
        profile.Apply(Page(T0.AddDays(3)));

        // Act
        var outcome = profile.Apply(Page(T0.AddHours(-5)));

        // Assert
        Assert.Equal(ApplyOutcome.AppliedBeyondHorizon, outcome);
        Assert.Equal(2, profile.SessionCount);
        Assert.Equal(3, profile.GetCallCount(Segmentation.Tracking.TrackingMessageType.Page));
    }

    [Fact]
    public void Apply_CartEventBeforeALaterOrderCompleted_IsExactlyIrrelevantEvenBeyondHorizon()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Order Completed", T0, """{"order_id":"o1","revenue":10}"""));
        profile.Apply(Track("Product Added", T0.AddDays(5), """{"product_id":"p2"}"""));

        // Act: an add from before the order, five days late.
        var outcome = profile.Apply(Track("Product Added", T0.AddHours(-1), """{"product_id":"p1"}"""));

        // Assert: the order emptied the cart after it, so the cart is exactly p2; sessions could not place it.
        Assert.Equal("p2", Assert.Single(profile.Cart.Lines).LineKey);
        Assert.Equal(ApplyOutcome.AppliedBeyondHorizon, outcome);
    }

    private sealed class CartComparer : IEqualityComparer<CartContents>
    {
        public static readonly CartComparer Instance = new();

        public bool Equals(CartContents? x, CartContents? y) => x is not null && y is not null
            && x.Lines.SequenceEqual(y.Lines) && x.Value == y.Value && x.ItemCount == y.ItemCount
            && x.LastModifiedAt == y.LastModifiedAt && x.CheckoutStartedAt == y.CheckoutStartedAt;

        public int GetHashCode(CartContents obj) => obj.Lines.Count;
    }
}
