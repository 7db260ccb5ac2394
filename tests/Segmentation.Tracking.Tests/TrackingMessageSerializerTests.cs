using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Segmentation.Tracking.Tests;

public sealed class TrackingMessageSerializerTests : ParserTestBase
{
    private static TrackingMessage FullMessage() => new()
    {
        Type = TrackingMessageType.Track,
        MessageId = "ajs-next-1714558530000-7c0b1b9e",
        UserId = "user-1001",
        AnonymousId = "anon-5b1f",
        Event = "Order Completed",
        Name = "Checkout",
        GroupId = "acme-wholesale",
        PreviousId = "anon-0001",
        Timestamp = new DateTimeOffset(638_501_553_301_234_567, TimeSpan.Zero),
        ReceivedAt = new DateTimeOffset(638_501_553_309_876_543, TimeSpan.FromHours(2)),
        Properties = Payloads.OrderCompleted()["properties"]!.DeepClone().AsObject(),
        Traits = new JsonObject { ["email"] = "jane.doe@example.com", ["first_name"] = "Jané" },
        Context = new JsonObject { ["ip"] = "203.0.113.7" },
        Integrations = new JsonObject { ["All"] = true },
        Channel = "server",
    };

    [Fact]
    public void Serialize_ThenDeserialize_RoundTripsEveryField()
    {
        // Arrange
        var original = FullMessage();

        // Act
        var copy = TrackingMessageSerializer.Deserialize(TrackingMessageSerializer.Serialize(original));

        // Assert
        Assert.Equal(original.Type, copy.Type);
        Assert.Equal(original.MessageId, copy.MessageId);
        Assert.Equal(original.UserId, copy.UserId);
        Assert.Equal(original.AnonymousId, copy.AnonymousId);
        Assert.Equal(original.Event, copy.Event);
        Assert.Equal(original.Name, copy.Name);
        Assert.Equal(original.GroupId, copy.GroupId);
        Assert.Equal(original.PreviousId, copy.PreviousId);
        Assert.Equal(original.Channel, copy.Channel);
        Assert.Equal(original.Timestamp.Ticks, copy.Timestamp.Ticks);
        Assert.Equal(original.Timestamp.Offset, copy.Timestamp.Offset);
        Assert.Equal(original.ReceivedAt.Ticks, copy.ReceivedAt.Ticks);
        Assert.Equal(original.ReceivedAt.Offset, copy.ReceivedAt.Offset);
        Assert.True(JsonNode.DeepEquals(original.Properties, copy.Properties));
        Assert.True(JsonNode.DeepEquals(original.Traits, copy.Traits));
        Assert.True(JsonNode.DeepEquals(original.Context, copy.Context));
        Assert.True(JsonNode.DeepEquals(original.Integrations, copy.Integrations));
    }

    [Fact]
    public void Serialize_ParsedMessage_RoundTripsAndSerializesIdentically()
    {
        // Arrange
        var body = Payloads.Batch(Payloads.OrderCompleted()).With("sentAt", "2024-05-01T10:15:31.4567891Z").Bytes();
        var parsed = SingleAccepted(Parse(body));

        // Act
        var bytes = TrackingMessageSerializer.Serialize(parsed);
        var copy = TrackingMessageSerializer.Deserialize(bytes);

        // Assert
        Assert.Equal(parsed.Timestamp.UtcTicks, copy.Timestamp.UtcTicks);
        Assert.Equal(bytes, TrackingMessageSerializer.Serialize(copy));
    }

    [Fact]
    public void Serialize_Message_IsCompactCamelCaseWithoutNullsOrCustomerKey()
    {
        // Arrange
        var message = new TrackingMessage
        {
            Type = TrackingMessageType.Identify,
            MessageId = "m-1",
            UserId = "user-1001",
            Timestamp = new DateTimeOffset(2024, 5, 1, 10, 11, 40, TimeSpan.Zero),
            ReceivedAt = new DateTimeOffset(2024, 5, 1, 10, 20, 0, TimeSpan.Zero),
            Traits = new JsonObject { ["first_name"] = "Zoë" },
        };

        // Act
        var json = Encoding.UTF8.GetString(TrackingMessageSerializer.Serialize(message));

        // Assert
        Assert.Equal(
            """{"type":"Identify","messageId":"m-1","userId":"user-1001","timestamp":"2024-05-01T10:11:40+00:00","receivedAt":"2024-05-01T10:20:00+00:00","traits":{"first_name":"Zoë"}}""",
            json);
    }

    [Fact]
    public void Serialize_ToBufferWriter_WritesSameBytes()
    {
        // Arrange
        var message = FullMessage();
        var buffer = new ArrayBufferWriter<byte>();

        // Act
        TrackingMessageSerializer.Serialize(message, buffer);

        // Assert
        Assert.Equal(TrackingMessageSerializer.Serialize(message), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Deserialize_PayloadAsEarlierReleasesWroteIt_ReadsEveryField()
    {
        // Arrange: the form the log has always had (objects re-serialized compactly, nulls left out).
        var payload = Encoding.UTF8.GetBytes(
            """{"type":"Track","messageId":"m-1","userId":"user-1","anonymousId":"anon-1","event":"Order Completed","timestamp":"2024-05-01T10:11:40.1234567+00:00","receivedAt":"2024-05-01T10:20:00+02:00","properties":{"order_id":"o-1","revenue":42.5,"name":"Zoë"},"context":{"ip":"203.0.113.7"},"integrations":{"All":true},"channel":"server"}""");

        // Act
        var message = TrackingMessageSerializer.Deserialize(payload);

        // Assert
        Assert.Equal(TrackingMessageType.Track, message.Type);
        Assert.Equal("m-1", message.MessageId);
        Assert.Equal("user-1", message.UserId);
        Assert.Equal("anon-1", message.AnonymousId);
        Assert.Equal("Order Completed", message.Event);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 11, 40, TimeSpan.Zero).AddTicks(1_234_567), message.Timestamp);
        Assert.Equal(TimeSpan.FromHours(2), message.ReceivedAt.Offset);
        Assert.Equal("Zoë", (string?)message.Properties!["name"]);
        Assert.Equal(42.5m, (decimal?)message.Properties["revenue"]);
        Assert.Equal("203.0.113.7", (string?)message.Context!["ip"]);
        Assert.True((bool?)message.Integrations!["All"]);
        Assert.False(message.TraitsJson.IsPresent);
        Assert.Equal("server", message.Channel);
        Assert.Equal(payload, TrackingMessageSerializer.Serialize(message));
    }

    [Fact]
    public void Serialize_ParsedCall_KeepsItsObjectTextAsSent()
    {
        // Arrange: spacing and escapes of the client's JSON are kept; the text still reads the same.
        var properties = """{ "name" : "Caf\u00e9", "price": 1.50 }""";
        var body = Encoding.UTF8.GetBytes($$"""{"userId":"u-1","event":"Product Viewed","properties":{{properties}}}""");
        var parsed = SingleAccepted(Parse(body, TrackingEndpoint.Track));

        // Act
        var payload = TrackingMessageSerializer.Serialize(parsed);
        var copy = TrackingMessageSerializer.Deserialize(payload);

        // Assert
        Assert.Contains(properties, Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
        Assert.Equal(properties, copy.PropertiesJson.ToString());
        Assert.Equal("Café", (string?)copy.Properties!["name"]);
        Assert.Equal(parsed.PropertiesJson, copy.PropertiesJson);
    }

    [Fact]
    public void Deserialize_UnknownFieldsNullObjectsAndEscapedNames_ReadAsAbsent()
    {
        // Arrange
        var payload = Encoding.UTF8.GetBytes(
            """{"future":{"x":[1,2]},"\u0074ype":"Page","messageId":"m-2","anonymousId":"a-1","properties":null,"timestamp":"2024-05-01T10:11:40Z","receivedAt":"2024-05-01T10:11:41Z"}""");

        // Act
        var message = TrackingMessageSerializer.Deserialize(payload);

        // Assert
        Assert.Equal(TrackingMessageType.Page, message.Type);
        Assert.Equal("a-1", message.CustomerKey);
        Assert.Null(message.Properties);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{\"type\":\"Track\"")]
    [InlineData("{\"type\":\"Track\",\"messageId\":\"m-1\",\"timestamp\":\"2024-05-01T10:11:40+00:00\"}")]
    public void Deserialize_NotAMessage_ThrowsJsonException(string json)
    {
        // Act
        var exception = Record.Exception(() => TrackingMessageSerializer.Deserialize(Encoding.UTF8.GetBytes(json)));

        // Assert
        Assert.IsType<JsonException>(exception, exactMatch: false);
    }
}
