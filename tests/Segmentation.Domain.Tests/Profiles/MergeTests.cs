using Segmentation.Domain.Profiles;
using Segmentation.Domain.Tests.Support;
using Segmentation.Tracking;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Profiles;

public class MergeTests
{
    [Fact]
    public void MergeFrom_AnonymousBrowsingThenSignup_EqualsOneProfileOfBothStreams()
    {
        // Arrange: an anonymous visitor browses and fills a cart; then signs up and buys as a user.
        List<TrackingMessage> anonymous =
        [
            Page(T0, userId: null, anonymousId: "anon-1", id: "a1"),
            Track("Product Viewed", T0.AddMinutes(1), """{"product_id":"p1","category":"shoes"}""", id: "a2", userId: null, anonymousId: "anon-1"),
            Track("Product Added", T0.AddMinutes(2), """{"product_id":"p1","price":10}""", id: "a3", userId: null, anonymousId: "anon-1"),
            Identify(T0.AddMinutes(3), """{"email":"anon@example.com","subscribed":true}""", id: "a4", userId: null, anonymousId: "anon-1"),
            Track("Product Added", T0.AddMinutes(20), """{"product_id":"p2","price":5}""", id: "a5", userId: null, anonymousId: "anon-1"),
        ];
        List<TrackingMessage> user =
        [
            Identify(T0.AddMinutes(10), """{"email":"ada@example.com","first_name":"Ada"}""", id: "u1"),
            Alias(T0.AddMinutes(10), "user-1", "anon-1", id: "u2"),
            Page(T0.AddMinutes(11), id: "u3"),
            Track("Product Removed", T0.AddMinutes(12), """{"product_id":"p1"}""", id: "u4"),
            Track("Order Completed", T0.AddMinutes(30), """{"order_id":"o1","revenue":5}""", id: "u5"),
            Track("Product Added", T0.AddMinutes(31), """{"product_id":"p3","price":1}""", id: "u6"),
        ];
        var expected = ProfileAssert.BuildInOrder(anonymous.Concat(user));
        var userProfile = ProfileAssert.Build(user);
        var anonymousProfile = ProfileAssert.Build(anonymous);

        // Act
        userProfile.MergeFrom(anonymousProfile);

        // Assert
        ProfileAssert.SameState(expected, userProfile);
        Assert.Equal("user-1", userProfile.UserId);
        Assert.Equal("ada@example.com", userProfile.Email);
        Assert.Equal("p3", Assert.Single(userProfile.Cart.Lines).LineKey);
        Assert.Equal(1, userProfile.SessionCount);
        Assert.Equal(ConsentStatus.Subscribed, userProfile.EmailConsent.Status);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void MergeFrom_RandomStreamsSplitInTwo_EqualsOneProfileOfBothStreams(int seed)
    {
        // Arrange
        var stream = StreamGenerator.Generate(seed, 300, T0, TimeSpan.FromHours(30));
        var random = new Random(seed);
        var isFirst = stream.ToDictionary(m => m.MessageId, _ => random.Next(2) == 0);
        var first = ProfileAssert.BuildInOrder(stream.Where(m => isFirst[m.MessageId]));
        var second = ProfileAssert.BuildInOrder(stream.Where(m => !isFirst[m.MessageId]));
        var expected = ProfileAssert.BuildInOrder(stream);

        // Act
        first.MergeFrom(second);

        // Assert
        ProfileAssert.SameState(expected, first);
    }

    [Fact]
    public void MergeFrom_EmptyOther_ChangesNothing()
    {
        // Arrange
        var profile = ProfileAssert.Build([Page(T0)]);
        var before = CustomerProfileSerializer.Serialize(profile);

        // Act
        profile.MergeFrom(new CustomerProfile());

        // Assert
        Assert.Equal(before, CustomerProfileSerializer.Serialize(profile));
    }

    [Fact]
    public void MergeFrom_Itself_Throws()
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        var act = () => profile.MergeFrom(profile);

        // Assert
        Assert.Throws<ArgumentException>(act);
    }
}
