using System.Text;
using System.Text.Json.Nodes;

namespace Segmentation.Tracking.Tests;

public sealed class TrackingRequestParserBodyTests : ParserTestBase
{
    [Fact]
    public void Parse_InvalidUtf8_RejectsWithOffset()
    {
        // Arrange: 0xC3 starts a two-byte sequence but 0x28 ('(') cannot continue it.
        var prefix = Payloads.Bytes("""{"batch":[{"type":"track","userId":"user-1001","event":"Product Viewed","properties":{"name":"Caf""");
        var body = prefix.Concat(new byte[] { 0xC3, 0x28 }).Concat(Payloads.Bytes("\"}}]}")).ToArray();

        // Act
        var result = Parse(body);

        // Assert
        Assert.Equal(
            new TrackingRequestError(TrackingErrorCodes.InvalidUtf8, $"The body is not valid UTF-8 (first invalid byte at offset {prefix.Length})."),
            result.Error);
        Assert.Empty(result.Accepted);
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public void Parse_ValidMultibyteUtf8_Accepts()
    {
        // Arrange
        var item = Payloads.ProductViewed().With("properties", new JsonObject { ["name"] = "Crème brûlée – 🍮" });

        // Act
        var message = SingleAccepted(Parse(Payloads.Batch(item).Bytes()));

        // Assert
        Assert.Equal("Crème brûlée – 🍮", (string?)message.Properties!["name"]);
    }

    [Fact]
    public void Parse_Utf8ByteOrderMark_IsSkipped()
    {
        // Arrange
        var body = Encoding.UTF8.Preamble.ToArray().Concat(Payloads.Batch(Payloads.ProductViewed()).Bytes()).ToArray();

        // Act
        var message = SingleAccepted(Parse(body));

        // Assert
        Assert.Equal("Product Viewed", message.Event);
    }

    [Fact]
    public void Parse_MalformedJson_RejectsWithPosition()
    {
        // Arrange: the SDK's body was cut off.
        var body = Payloads.Bytes("""{"batch":[{"type":"track","userId":"user-1001","event":"Order Com""");

        // Act
        var result = Parse(body);

        // Assert
        Assert.Equal(TrackingErrorCodes.MalformedJson, result.Error!.Code);
        Assert.Equal($"The body is not well-formed JSON (line 1, byte {body.Length + 1}).", result.Error.Message);
    }

    [Fact]
    public void Parse_TrailingComma_RejectsMalformedJson()
    {
        // Act
        var result = Parse(Payloads.Bytes("""{"batch":[{"type":"track","userId":"u1","event":"Cart Viewed"},]}"""));

        // Assert
        Assert.Equal(TrackingErrorCodes.MalformedJson, result.Error!.Code);
    }

    [Fact]
    public void Parse_EmptyBody_RejectsMalformedJson()
    {
        // Act
        var result = Parse([]);

        // Assert
        Assert.Equal(
            new TrackingRequestError(TrackingErrorCodes.MalformedJson, "The body is empty; it must be a JSON object."),
            result.Error);
    }

    [Fact]
    public void Parse_BodyNotAnObject_RejectsInvalidFieldType()
    {
        // Act
        var result = Parse(Payloads.Bytes("""[{"type":"track"}]"""));

        // Assert
        Assert.Equal(new TrackingRequestError(TrackingErrorCodes.InvalidFieldType, "The body must be a JSON object.", "$"), result.Error);
    }

    [Fact]
    public void Parse_NestingAtLimit_Accepts()
    {
        // Arrange: body (1) > batch (2) > call (3) > properties (4) > 28 more levels = 32.
        var body = Payloads.Batch(Payloads.ProductViewed().With("properties", Nested(29))).Bytes();

        // Act
        var result = Parse(body);

        // Assert
        Assert.Null(result.Error);
    }

    [Fact]
    public void Parse_NestingOverLimit_RejectsJsonTooDeep()
    {
        // Arrange: one level more than the limit of 32.
        var body = Payloads.Batch(Payloads.ProductViewed().With("properties", Nested(30))).Bytes();

        // Act
        var result = Parse(body);

        // Assert
        Assert.Equal(TrackingErrorCodes.JsonTooDeep, result.Error!.Code);
        Assert.StartsWith("The body nests objects and arrays deeper than the limit of 32 (at byte ", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNestedArrays_RejectsJsonTooDeepNotStackOverflow()
    {
        // Arrange
        var body = Payloads.Bytes("{\"batch\":" + new string('[', 100_000) + new string(']', 100_000) + "}");

        // Act
        var result = Parse(body);

        // Assert
        Assert.Equal(TrackingErrorCodes.JsonTooDeep, result.Error!.Code);
    }

    [Fact]
    public void Parse_RequestOverLimit_RejectsRequestTooLarge()
    {
        // Arrange: 20 calls of ~26 KB each, every one under the event limit, 500 KB in all exceeded.
        var items = new JsonNode[20];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Payloads.ProductViewed().With("messageId", $"m-{i}").With("properties", new JsonObject { ["description"] = new string('x', 26_000) });
        }

        var body = Payloads.Batch(items).Bytes();

        // Act
        var result = Parse(body);

        // Assert
        Assert.Equal(
            new TrackingRequestError(TrackingErrorCodes.RequestTooLarge, $"The body is {body.Length} bytes; the limit is 512000 bytes."),
            result.Error);
    }

    [Fact]
    public void Parse_EventOverLimit_RejectsOnlyThatItem()
    {
        // Arrange
        var big = Payloads.ProductAdded().With("properties", new JsonObject { ["description"] = new string('x', 33_000) });
        var body = Payloads.Batch(Payloads.ProductViewed(), big, Payloads.OrderCompleted()).Bytes();
        var bigSize = Encoding.UTF8.GetByteCount(big.ToJsonString());

        // Act
        var result = Parse(body);

        // Assert
        Assert.Equal([0, 2], result.Accepted.Select(a => a.Index));
        Assert.Equal(
            new TrackingItemRejection(
                1, null, TrackingErrorCodes.EventTooLarge, $"The call is {bigSize} bytes; the limit is 32768 bytes.", "$.batch[1]"),
            Assert.Single(result.Rejections));
    }

    [Fact]
    public void Parse_CustomLimits_AreApplied()
    {
        // Arrange
        var parser = new TrackingRequestParser(new TrackingLimits { MaxEventBytes = 300, MaxRequestBytes = 4096 });
        var body = Payloads.Batch(Payloads.Alias(), Payloads.OrderCompleted()).Bytes();

        // Act
        var result = parser.Parse(body, TrackingEndpoint.Batch, Payloads.ReceivedAt);

        // Assert
        Assert.Equal([0], result.Accepted.Select(a => a.Index));
        Assert.Equal(TrackingErrorCodes.EventTooLarge, Assert.Single(result.Rejections).Code);
    }

    private static JsonObject Nested(int levels)
    {
        var node = new JsonObject { ["leaf"] = 1 };
        for (var i = 1; i < levels; i++)
        {
            node = new JsonObject { ["level"] = node };
        }

        return node;
    }
}
