using System.Text.Json.Nodes;

namespace Segmentation.Tracking.Tests;

/// <summary>The object fields (properties, traits, context, integrations) and what the JSON object model cannot hold.</summary>
public sealed class TrackingRequestParserPayloadTests : ParserTestBase
{
    private static TrackingItemRejection RejectBatchItem(JsonObject item) => SingleRejection(Parse(Payloads.Batch(item).Bytes()));

    private static TrackingMessage AcceptBatchItem(JsonObject item) => SingleAccepted(Parse(Payloads.Batch(item).Bytes()));

    [Theory]
    [InlineData("properties")]
    [InlineData("traits")]
    [InlineData("context")]
    [InlineData("integrations")]
    public void Parse_ObjectFieldNotAnObject_RejectsNamingTheField(string field)
    {
        // Act
        var rejection = RejectBatchItem(Payloads.OrderCompleted().With(field, new JsonArray("a", "b")));

        // Assert
        Assert.Equal(TrackingErrorCodes.InvalidFieldType, rejection.Code);
        Assert.Equal($"\"{field}\" must be a JSON object.", rejection.Message);
        Assert.Equal($"$.batch[0].{field}", rejection.Path);
    }

    [Fact]
    public void Parse_NullProperties_AcceptsWithNullProperties()
    {
        // Act
        var message = AcceptBatchItem(Payloads.OrderCompleted().With("properties", null));

        // Assert
        Assert.Null(message.Properties);
    }

    [Fact]
    public void Parse_ChannelNotAString_RejectsInvalidFieldType()
    {
        // Act
        var rejection = RejectBatchItem(Payloads.OrderCompleted().With("channel", 3));

        // Assert
        Assert.Equal(TrackingErrorCodes.InvalidFieldType, rejection.Code);
        Assert.Equal("$.batch[0].channel", rejection.Path);
    }

    [Fact]
    public void Parse_BatchItemNotAnObject_RejectsInvalidFieldType()
    {
        // Arrange
        var body = Payloads.Batch(Payloads.OrderCompleted(), "not a call").Bytes();

        // Act
        var result = Parse(body);

        // Assert
        Assert.Single(result.Accepted);
        Assert.Equal(
            new TrackingItemRejection(1, null, TrackingErrorCodes.InvalidFieldType, "Each call must be a JSON object.", "$.batch[1]"),
            Assert.Single(result.Rejections));
    }

    [Fact]
    public void Parse_DuplicatePropertyNameInProperties_RejectsWithNestedPath()
    {
        // Arrange
        var json = Payloads.Batch(Payloads.ProductViewed()).ToJsonString()
            .Replace("\"sku\":\"45790-32\"", "\"sku\":\"45790-32\",\"sku\":\"45790-33\"", StringComparison.Ordinal);

        // Act
        var rejection = SingleRejection(Parse(Payloads.Bytes(json)));

        // Assert
        Assert.Equal(TrackingErrorCodes.DuplicateProperty, rejection.Code);
        Assert.Equal("The object has the property \"sku\" more than once.", rejection.Message);
        Assert.Equal("$.batch[0].properties", rejection.Path);
    }

    [Fact]
    public void Parse_DuplicateNameDeepInsideProducts_RejectsWithArrayIndexInPath()
    {
        // Arrange: the second product has "quantity" twice, once written with an escape.
        var json = Payloads.Batch(Payloads.OrderCompleted()).ToJsonString()
            .Replace("\"quantity\":2", "\"quantity\":2,\"quantit\\u0079\":5", StringComparison.Ordinal);

        // Act
        var rejection = SingleRejection(Parse(Payloads.Bytes(json)));

        // Assert
        Assert.Equal(TrackingErrorCodes.DuplicateProperty, rejection.Code);
        Assert.Equal("$.batch[0].properties.products[1]", rejection.Path);
    }

    [Fact]
    public void Parse_LoneSurrogateInTraits_RejectsInvalidString()
    {
        // Arrange
        var json = Payloads.Batch(Payloads.Identify()).ToJsonString()
            .Replace("\"first_name\":\"Jane\"", "\"first_name\":\"Ja\\ud800ne\"", StringComparison.Ordinal);

        // Act
        var rejection = SingleRejection(Parse(Payloads.Bytes(json)));

        // Assert
        Assert.Equal(TrackingErrorCodes.InvalidString, rejection.Code);
        Assert.Equal("$.batch[0].traits.first_name", rejection.Path);
    }

    [Fact]
    public void Parse_LoneSurrogateInUserId_RejectsInvalidString()
    {
        // Arrange
        var json = Payloads.Batch(Payloads.Identify()).ToJsonString()
            .Replace("\"userId\":\"user-1001\"", "\"userId\":\"user\\udc00\"", StringComparison.Ordinal);

        // Act
        var rejection = SingleRejection(Parse(Payloads.Bytes(json)));

        // Assert
        Assert.Equal(TrackingErrorCodes.InvalidString, rejection.Code);
        Assert.Equal("$.batch[0].userId", rejection.Path);
    }

    [Fact]
    public void Parse_EscapedFieldNames_AreRecognized()
    {
        // Arrange: "\u0065vent" is "event" and "user\u0049d" is "userId".
        var json = """{"batch":[{"type":"track","user\u0049d":"user-1001","\u0065vent":"Product Viewed","messageId":"m-1"}]}""";

        // Act
        var message = SingleAccepted(Parse(Payloads.Bytes(json)));

        // Assert
        Assert.Equal("user-1001", message.UserId);
        Assert.Equal("Product Viewed", message.Event);
    }

    [Fact]
    public void Parse_PrettyPrintedBody_ReadsFieldNames()
    {
        // Arrange
        var json = "{\n  \"batch\" : [\n    {\n      \"type\" :\t\"track\" ,\n      \"userId\"\r\n : \"user-1001\",\n      \"event\" : \"Cart Viewed\"\n    }\n  ]\n}";

        // Act
        var message = SingleAccepted(Parse(Payloads.Bytes(json)));

        // Assert
        Assert.Equal("user-1001", message.UserId);
        Assert.Equal("Cart Viewed", message.Event);
    }

    [Fact]
    public void Parse_DuplicateNameInLargeObject_RejectsDuplicateProperty()
    {
        // Arrange: 40 custom traits, the last repeating the first.
        var traits = string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"trait_{i % 39}\":{i}"));
        var json = "{\"batch\":[{\"type\":\"identify\",\"userId\":\"user-1001\",\"messageId\":\"m-1\",\"traits\":{" + traits + "}}]}";

        // Act
        var rejection = SingleRejection(Parse(Payloads.Bytes(json)));

        // Assert
        Assert.Equal(TrackingErrorCodes.DuplicateProperty, rejection.Code);
        Assert.Equal("The object has the property \"trait_0\" more than once.", rejection.Message);
        Assert.Equal("$.batch[0].traits", rejection.Path);
    }

    [Fact]
    public void Parse_LargeObjectWithoutDuplicates_Accepts()
    {
        // Arrange
        var traits = string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"trait_{i}\":{i}"));
        var json = "{\"batch\":[{\"type\":\"identify\",\"userId\":\"user-1001\",\"messageId\":\"m-1\",\"traits\":{" + traits + "}}]}";

        // Act
        var message = SingleAccepted(Parse(Payloads.Bytes(json)));

        // Assert
        Assert.Equal(40, message.Traits!.Count);
        Assert.Equal(39, (int?)message.Traits["trait_39"]);
    }
}
