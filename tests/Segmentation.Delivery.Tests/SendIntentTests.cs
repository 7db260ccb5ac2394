using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;
using Segmentation.Delivery.Tests.Infrastructure;

namespace Segmentation.Delivery.Tests;

public sealed class SendIntentTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_ValidParts_ComputesTheIdAndValidates()
    {
        var intent = Intents.Cart("u-1", "cart-1", Now);

        Assert.Equal(SendIds.Compute("u-1", "cart_abandonment", "cart-1"), intent.SendId);
        Assert.Null(intent.Validate());
    }

    [Theory]
    [InlineData("", "cart_abandonment", "1", "CustomerId must not be empty")]
    [InlineData("u-1", "", "1", "Trigger must not be empty")]
    [InlineData("u-1", "cart_abandonment", "", "OccurrenceKey must not be empty")]
    [InlineData("u-1", "cart\nabandonment", "1", "Trigger must not contain control characters")]
    public void Create_InvalidPart_ThrowsNamingIt(string customerId, string trigger, string occurrence, string expected)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => SendIntent.Create(
            customerId, trigger, occurrence, SendKind.Marketing, Now, null, SendPayload.For(new SendRecipient(Intents.Email, null))));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoEmail_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => SendIntent.Create(
            "u-1", "lapse", "2026-03", SendKind.Marketing, Now, null, SendPayload.For(new SendRecipient(" ", null))));

        Assert.Contains("no recipient email", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IdNotOfItsParts_IsRefused()
    {
        var intent = Intents.Cart("u-1", "cart-1", Now) with { OccurrenceKey = "cart-2" };

        Assert.Contains("does not match", intent.Validate(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => OutboxMessages.Intent(intent));
    }

    [Fact]
    public void Skip_Create_HasTheIdOfTheOccurrence()
    {
        var skip = SendSkip.Create("u-1", "cart_abandonment", "cart-1", SendKind.Marketing, Now, new SendSkipReason(SendSkipReasons.NoConsent));

        Assert.Equal(Intents.Cart("u-1", "cart-1", Now).SendId, skip.SendId);
        Assert.Null(skip.Validate());
        Assert.Throws<ArgumentException>(() => SendSkip.Create(
            "u-1", "cart_abandonment", "cart-1", SendKind.Marketing, Now, new SendSkipReason(string.Empty)));
    }
}
