using System.Text.Json.Nodes;

namespace Segmentation.Tracking.Tests;

/// <summary>The body @rudderstack/rudder-sdk-node posts: gzip, originalTimestamp, sentAt, channel, context.traits.</summary>
public sealed class RudderStackPayloadTests : ParserTestBase
{
    private static byte[] RudderBatchBody() => Payloads.Gzip(Payloads.Bytes("""
        {
          "batch": [
            {
              "channel": "server",
              "context": {
                "library": { "name": "analytics-node", "version": "2.0.1" },
                "traits": { "email": "jane.doe@example.com", "first_name": "Jane", "birthday": "1990-07-14", "timezone": "Europe/Berlin" }
              },
              "type": "identify",
              "userId": "user-1001",
              "anonymousId": "0e4f6c1d-6a3e-4b7a-9f1c-2d3e4f5a6b7c",
              "originalTimestamp": "2024-05-01T12:15:00.000+02:00",
              "sentAt": "2024-05-01T10:15:02.500Z",
              "messageId": "node-6b0c3b1f4c0d2e8a9f7e6d5c4b3a2910",
              "_metadata": { "nodeVersion": "20.11.0" }
            },
            {
              "channel": "server",
              "context": { "library": { "name": "analytics-node", "version": "2.0.1" } },
              "type": "track",
              "event": "Order Completed",
              "userId": "user-1001",
              "properties": {
                "order_id": "ORD-50315", "total": 19.0, "revenue": 16.0, "currency": "EUR",
                "products": [ { "product_id": "507f1f77bcf86cd799439011", "sku": "45790-32", "category": "Games",
                                "name": "Monopoly: 3rd Edition", "brand": "Hasbro", "price": 19.0, "quantity": 1 } ]
              },
              "originalTimestamp": "2024-05-01T10:15:01.000Z",
              "sentAt": "2024-05-01T10:15:02.500Z",
              "messageId": "node-1f2e3d4c5b6a79880716253443526170"
            }
          ],
          "sentAt": "2024-05-01T10:15:02.500Z"
        }
        """));

    [Fact]
    public void Parse_GzippedRudderStackBatch_NormalizesBothCalls()
    {
        // Arrange
        var decoded = GzipBodyDecoder.Decompress(RudderBatchBody(), new TrackingLimits().MaxRequestBytes);

        // Act
        var result = Parser.Parse(decoded.Body, TrackingEndpoint.Batch, Payloads.ReceivedAt);

        // Assert
        Assert.True(decoded.IsSuccess);
        Assert.Null(result.Error);
        Assert.Empty(result.Rejections);
        Assert.Null(result.WriteKey);
        Assert.Equal(2, result.Accepted.Count);
    }

    [Fact]
    public void Parse_RudderStackIdentify_TakesTraitsFromContextTraits()
    {
        // Arrange
        var body = GzipBodyDecoder.Decompress(RudderBatchBody(), 512_000).Body;

        // Act
        var identify = Parser.Parse(body, TrackingEndpoint.Batch, Payloads.ReceivedAt).Accepted[0].Message;

        // Assert
        Assert.Equal(TrackingMessageType.Identify, identify.Type);
        Assert.Equal("node-6b0c3b1f4c0d2e8a9f7e6d5c4b3a2910", identify.MessageId);
        Assert.Equal("server", identify.Channel);
        Assert.True(JsonNode.DeepEquals(identify.Context!["traits"], identify.Traits));
        Assert.Equal("jane.doe@example.com", (string?)identify.Traits!["email"]);
        Assert.NotSame(identify.Context["traits"], identify.Traits);
    }

    [Fact]
    public void Parse_RudderStackTimes_CorrectOriginalTimestampBySentAt()
    {
        // Arrange: the event happened 2.5 s (identify) and 1.5 s (track) before the SDK sent the batch.
        var body = GzipBodyDecoder.Decompress(RudderBatchBody(), 512_000).Body;

        // Act
        var result = Parser.Parse(body, TrackingEndpoint.Batch, Payloads.ReceivedAt);

        // Assert
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 19, 57, 500, TimeSpan.Zero), result.Accepted[0].Message.Timestamp);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 19, 58, 500, TimeSpan.Zero), result.Accepted[1].Message.Timestamp);
    }

    [Fact]
    public void Parse_RudderStackTrack_KeepsOrderAndChannel()
    {
        // Arrange
        var body = GzipBodyDecoder.Decompress(RudderBatchBody(), 512_000).Body;

        // Act
        var track = Parser.Parse(body, TrackingEndpoint.Batch, Payloads.ReceivedAt).Accepted[1].Message;

        // Assert
        Assert.Equal("Order Completed", track.Event);
        Assert.Equal("server", track.Channel);
        Assert.Equal("EUR", (string?)track.Properties!["currency"]);
        Assert.Null(track.Traits);
    }

    [Fact]
    public void Parse_IdentifyWithOwnTraits_DoesNotUseContextTraits()
    {
        // Arrange
        var item = Payloads.Identify().With("context", Payloads.Parse("""{ "traits": { "email": "old@example.com" } }"""));

        // Act
        var message = SingleAccepted(Parse(Payloads.Batch(item).Bytes()));

        // Assert
        Assert.Equal("jane.doe@example.com", (string?)message.Traits!["email"]);
    }
}
