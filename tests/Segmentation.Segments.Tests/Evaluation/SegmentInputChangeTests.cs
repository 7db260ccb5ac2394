using Segmentation.Domain.Profiles;
using Segmentation.Segments.Evaluation;
using Segmentation.Tracking;
using static Segmentation.Segments.Tests.Support.Messages;

namespace Segmentation.Segments.Tests.Evaluation;

public class SegmentInputChangeTests
{
    private const ProfileParts EveryMessage = ProfileParts.FirstSeen | ProfileParts.Identity;
    private const ProfileParts SiteEvent = EveryMessage | ProfileParts.Activity | ProfileParts.NamedEvents;

    public static TheoryData<string, ProfileParts> TrackEvents => new()
    {
        { "Product Viewed", SiteEvent | ProfileParts.ProductViews },
        { "Products Searched", SiteEvent },
        { "Product List Viewed", SiteEvent },
        { "Product Added", SiteEvent | ProfileParts.Cart | ProfileParts.CartAdds },
        { "Added to Cart", SiteEvent | ProfileParts.Cart | ProfileParts.CartAdds },
        { "Product Removed", SiteEvent | ProfileParts.Cart },
        { "Cart Viewed", SiteEvent | ProfileParts.Cart },
        { "Checkout Started", SiteEvent | ProfileParts.Cart },
        { "Order Completed", SiteEvent | ProfileParts.Orders | ProfileParts.Cart },
        { "Order Refunded", EveryMessage | ProfileParts.NamedEvents | ProfileParts.Orders },
        { "Order Cancelled", EveryMessage | ProfileParts.NamedEvents | ProfileParts.Orders },
        { "Email Opened", SiteEvent | ProfileParts.EmailEngagement },
        { "Email Link Clicked", SiteEvent | ProfileParts.EmailEngagement },
        { "Unsubscribed", EveryMessage | ProfileParts.NamedEvents | ProfileParts.Consent },
        { "Email Bounced", EveryMessage | ProfileParts.NamedEvents | ProfileParts.Consent },
        { "Wishlist Added", SiteEvent },
    };

    [Theory]
    [MemberData(nameof(TrackEvents))]
    public void Of_TrackEvent_IsItsNameAndThePartsItsKindChanges(string name, ProfileParts expected)
    {
        // Act
        var change = SegmentInputChange.Of(Track(name, T0));

        // Assert
        Assert.False(change.IsEverything);
        Assert.Equal(expected, change.Parts);
        Assert.Equal(name, change.EventName);
    }

    [Fact]
    public void Of_Identify_IsTraitsConsentAndIdentityWithoutActivity()
    {
        // Act
        var change = SegmentInputChange.Of(Identify(T0, """{"email":"a@example.com","email_consent":"subscribed"}"""));

        // Assert
        Assert.Equal(EveryMessage | ProfileParts.Traits | ProfileParts.Consent, change.Parts);
        Assert.Null(change.EventName);
    }

    [Fact]
    public void Of_PageOfAnAnonymousVisitorWithContext_IsActivityAndContextWithoutIdentity()
    {
        // Arrange
        var page = Page(T0) with { UserId = null, AnonymousId = "anon-1", Context = Object("""{"timezone":"Europe/Paris"}""") };

        // Act
        var change = SegmentInputChange.Of(page);

        // Assert
        Assert.Equal(ProfileParts.FirstSeen | ProfileParts.Activity | ProfileParts.Context, change.Parts);
    }

    [Fact]
    public void Of_Group_IsOnlyWhatEveryMessageChanges()
    {
        // Arrange
        var group = new TrackingMessage { Type = TrackingMessageType.Group, MessageId = "g1", UserId = "user-1", Timestamp = T0, ReceivedAt = T0 };

        // Act + Assert
        Assert.Equal(EveryMessage, SegmentInputChange.Of(group).Parts);
    }

    [Fact]
    public void Everything_AndTheDefault_AreEveryPart()
    {
        // Act + Assert
        Assert.True(SegmentInputChange.Everything.IsEverything);
        Assert.True(default(SegmentInputChange).IsEverything);
        Assert.Equal(ProfileParts.All, default(SegmentInputChange).Parts);
        Assert.Null(SegmentInputChange.Everything.EventName);
    }
}
