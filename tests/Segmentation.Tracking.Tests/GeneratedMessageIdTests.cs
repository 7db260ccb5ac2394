using System.Text.Json.Nodes;

namespace Segmentation.Tracking.Tests;

public sealed class GeneratedMessageIdTests : ParserTestBase
{
    private static string GeneratedId(JsonObject item, TrackingEndpoint endpoint = TrackingEndpoint.Batch, string? sentAt = null)
    {
        var body = endpoint == TrackingEndpoint.Batch ? Payloads.Batch(item) : item;
        if (sentAt is not null)
        {
            body.With("sentAt", sentAt);
        }

        return SingleAccepted(Parse(body.Bytes(), endpoint)).MessageId;
    }

    [Fact]
    public void Parse_MissingMessageId_GeneratesPrefixedHashId()
    {
        // Act
        var id = GeneratedId(Payloads.OrderCompleted().Without("messageId"));

        // Assert
        Assert.Matches("^gen-[0-9a-f]{32}$", id);
        Assert.True(MessageIdGenerator.IsGenerated(id));
    }

    [Fact]
    public void Parse_SameCallReplayed_GeneratesSameId()
    {
        // Act
        var first = GeneratedId(Payloads.OrderCompleted().Without("messageId"));
        var replay = GeneratedId(Payloads.OrderCompleted().Without("messageId"));

        // Assert
        Assert.Equal(first, replay);
    }

    [Fact]
    public void Parse_SameCallWithOtherKeyOrderAndSentAt_GeneratesSameId()
    {
        // Arrange
        var reordered = Payloads.Parse("""
            {
              "properties": { "brand": "Hasbro", "sku": "45790-32", "product_id": "507f1f77bcf86cd799439011", "category": "Games",
                              "name": "Monopoly: 3rd Edition", "price": 19.0, "currency": "USD",
                              "url": "https://shop.example.com/products/monopoly-3rd-edition" },
              "timestamp": "2024-05-01T10:13:20.000Z",
              "event": "Product Viewed",
              "anonymousId": "anon-5b1f",
              "type": "track"
            }
            """);

        // Act
        var original = GeneratedId(Payloads.ProductViewed().Without("messageId"), TrackingEndpoint.Batch, "2024-05-01T10:13:21Z");
        var retried = GeneratedId(reordered.With("sentAt", "2024-05-01T10:13:51Z"));

        // Assert
        Assert.Equal(original, retried);
    }

    [Fact]
    public void Parse_DifferentCalls_GenerateDifferentIds()
    {
        // Act
        var one = GeneratedId(Payloads.OrderCompleted().Without("messageId"));
        var otherTotal = GeneratedId(Payloads.OrderCompleted().Without("messageId").With("timestamp", "2024-05-01T10:15:31.000Z"));

        // Assert
        Assert.NotEqual(one, otherTotal);
    }

    [Fact]
    public void Parse_SameBodyOnTwoEndpoints_GeneratesDifferentIds()
    {
        // Arrange
        var body = Payloads.Parse("""{ "userId": "user-1001", "name": "Cart", "timestamp": "2024-05-01T10:10:10.000Z" }""");

        // Act
        var page = GeneratedId(body.DeepClone().AsObject(), TrackingEndpoint.Page);
        var screen = GeneratedId(body.DeepClone().AsObject(), TrackingEndpoint.Screen);

        // Assert
        Assert.NotEqual(page, screen);
    }

    [Fact]
    public void Parse_BlankMessageId_GeneratesId()
    {
        // Act
        var id = GeneratedId(Payloads.OrderCompleted().With("messageId", "  "));

        // Assert
        Assert.Equal(GeneratedId(Payloads.OrderCompleted().Without("messageId")), id);
    }

    [Fact]
    public void Parse_ClientMessageId_IsKept()
    {
        // Act
        var id = SingleAccepted(Parse(Payloads.Batch(Payloads.OrderCompleted()).Bytes())).MessageId;

        // Assert
        Assert.Equal("ajs-next-1714558530000-7c0b1b9e", id);
        Assert.False(MessageIdGenerator.IsGenerated(id));
    }
}
