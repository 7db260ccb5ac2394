using System.Text.Json.Nodes;

namespace Segmentation.Tracking.Tests;

public sealed class TrackingRequestParserEndpointTests : ParserTestBase
{
    [Fact]
    public void Parse_TrackEndpointOrderCompleted_NormalizesEveryField()
    {
        // Arrange
        var body = Payloads.OrderCompleted().Without("type").Bytes();

        // Act
        var message = SingleAccepted(Parse(body, TrackingEndpoint.Track));

        // Assert
        Assert.Equal(TrackingMessageType.Track, message.Type);
        Assert.Equal("ajs-next-1714558530000-7c0b1b9e", message.MessageId);
        Assert.Equal("user-1001", message.UserId);
        Assert.Equal("anon-5b1f", message.AnonymousId);
        Assert.Equal("user-1001", message.CustomerKey);
        Assert.Equal("Order Completed", message.Event);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 15, 30, TimeSpan.Zero), message.Timestamp);
        Assert.Equal(Payloads.ReceivedAt, message.ReceivedAt);
        Assert.Equal("ORD-50314", (string?)message.Properties!["order_id"]);
        Assert.Equal(41.5m, (decimal?)message.Properties["total"]);
        Assert.Equal(25.0m, (decimal?)message.Properties["revenue"]);
        Assert.Equal("USD", (string?)message.Properties["currency"]);
        var products = message.Properties["products"]!.AsArray();
        Assert.Equal(2, products.Count);
        Assert.Equal("46493-32", (string?)products[1]!["sku"]);
        Assert.Equal(2, (int?)products[1]!["quantity"]);
        Assert.Equal("America/New_York", (string?)message.Context!["timezone"]);
        Assert.Null(message.Traits);
        Assert.Null(message.Integrations);
        Assert.Null(message.Name);
        Assert.Null(message.GroupId);
        Assert.Null(message.PreviousId);
    }

    [Fact]
    public void Parse_IdentifyEndpoint_KeepsTraits()
    {
        // Arrange
        var body = Payloads.Identify().Without("type").Bytes();

        // Act
        var message = SingleAccepted(Parse(body, TrackingEndpoint.Identify));

        // Assert
        Assert.Equal(TrackingMessageType.Identify, message.Type);
        Assert.Equal("jane.doe@example.com", (string?)message.Traits!["email"]);
        Assert.Equal("Jane", (string?)message.Traits["first_name"]);
        Assert.Equal("1990-07-14", (string?)message.Traits["birthday"]);
        Assert.Equal("America/New_York", (string?)message.Traits["timezone"]);
        Assert.Null(message.Event);
    }

    [Fact]
    public void Parse_PageEndpoint_KeepsNameAndProperties()
    {
        // Arrange
        var body = Payloads.Page().Without("type").Bytes();

        // Act
        var message = SingleAccepted(Parse(body, TrackingEndpoint.Page));

        // Assert
        Assert.Equal(TrackingMessageType.Page, message.Type);
        Assert.Equal("Product Detail", message.Name);
        Assert.Equal("/products/monopoly-3rd-edition", (string?)message.Properties!["path"]);
        Assert.Null(message.UserId);
        Assert.Equal("anon-5b1f", message.CustomerKey);
    }

    [Fact]
    public void Parse_ScreenEndpoint_KeepsName()
    {
        // Arrange
        var body = Payloads.Screen().Without("type").Bytes();

        // Act
        var message = SingleAccepted(Parse(body, TrackingEndpoint.Screen));

        // Assert
        Assert.Equal(TrackingMessageType.Screen, message.Type);
        Assert.Equal("Cart", message.Name);
    }

    [Fact]
    public void Parse_GroupEndpoint_KeepsGroupIdAndGroupTraits()
    {
        // Arrange
        var body = Payloads.Group().Without("type").Bytes();

        // Act
        var message = SingleAccepted(Parse(body, TrackingEndpoint.Group));

        // Assert
        Assert.Equal(TrackingMessageType.Group, message.Type);
        Assert.Equal("acme-wholesale", message.GroupId);
        Assert.Equal("b2b", (string?)message.Traits!["plan"]);
    }

    [Fact]
    public void Parse_AliasEndpoint_KeepsPreviousId()
    {
        // Arrange
        var body = Payloads.Alias().Without("type").Bytes();

        // Act
        var message = SingleAccepted(Parse(body, TrackingEndpoint.Alias));

        // Assert
        Assert.Equal(TrackingMessageType.Alias, message.Type);
        Assert.Equal("user-1001", message.UserId);
        Assert.Equal("anon-5b1f", message.PreviousId);
    }

    [Fact]
    public void Parse_BatchWithEveryCallType_AcceptsAllInInputOrder()
    {
        // Arrange
        var body = Payloads.Batch(
            Payloads.Page(), Payloads.ProductViewed(), Payloads.ProductAdded(), Payloads.Identify(),
            Payloads.Alias(), Payloads.Group(), Payloads.Screen(), Payloads.OrderCompleted()).Bytes();

        // Act
        var result = Parse(body);

        // Assert
        Assert.Null(result.Error);
        Assert.Empty(result.Rejections);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], result.Accepted.Select(a => a.Index));
        Assert.Equal(
            [
                TrackingMessageType.Page, TrackingMessageType.Track, TrackingMessageType.Track, TrackingMessageType.Identify,
                TrackingMessageType.Alias, TrackingMessageType.Group, TrackingMessageType.Screen, TrackingMessageType.Track,
            ],
            result.Accepted.Select(a => a.Message.Type));
        Assert.Equal("Product Added", result.Accepted[2].Message.Event);
    }

    [Fact]
    public void Parse_TrackEndpointWithMatchingType_Accepts()
    {
        // Arrange
        var body = Payloads.OrderCompleted().Bytes();

        // Act
        var message = SingleAccepted(Parse(body, TrackingEndpoint.Track));

        // Assert
        Assert.Equal(TrackingMessageType.Track, message.Type);
    }

    [Fact]
    public void Parse_TypeInOtherCase_Accepts()
    {
        // Arrange
        var body = Payloads.Batch(Payloads.Identify().With("type", "Identify")).Bytes();

        // Act
        var message = SingleAccepted(Parse(body));

        // Assert
        Assert.Equal(TrackingMessageType.Identify, message.Type);
    }

    [Fact]
    public void Parse_TrackEndpointWithPageType_RejectsTypeMismatch()
    {
        // Arrange
        var body = Payloads.OrderCompleted().With("type", "page").Bytes();

        // Act
        var result = Parse(body, TrackingEndpoint.Track);

        // Assert
        var rejection = SingleRejection(result);
        Assert.Equal(new TrackingItemRejection(
            0, "ajs-next-1714558530000-7c0b1b9e", TrackingErrorCodes.TypeMismatch,
            "\"type\" is page but the call was posted to /v1/track.", "$.type"), rejection);
        Assert.Equal(new TrackingRequestError(TrackingErrorCodes.TypeMismatch, rejection.Message, "$.type"), result.Error);
    }

    [Fact]
    public void Parse_BatchItemWithoutType_RejectsMissingType()
    {
        // Arrange
        var body = Payloads.Batch(Payloads.OrderCompleted(), Payloads.ProductViewed().Without("type")).Bytes();

        // Act
        var result = Parse(body);

        // Assert
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(1, rejection.Index);
        Assert.Equal(TrackingErrorCodes.MissingType, rejection.Code);
        Assert.Equal("$.batch[1].type", rejection.Path);
        Assert.Equal("ajs-next-1714558400000-1a2b3c4d", rejection.MessageId);
    }

    [Fact]
    public void Parse_UnknownType_RejectsUnknownType()
    {
        // Arrange
        var body = Payloads.Batch(Payloads.OrderCompleted().With("type", "purchase")).Bytes();

        // Act
        var result = Parse(body);

        // Assert
        var rejection = SingleRejection(result);
        Assert.Equal(TrackingErrorCodes.UnknownType, rejection.Code);
        Assert.Equal("Unknown \"type\"; expected track, identify, page, screen, group or alias.", rejection.Message);
        Assert.Equal("$.batch[0].type", rejection.Path);
    }

    [Fact]
    public void Parse_TypeNotAString_RejectsInvalidFieldType()
    {
        // Arrange
        var body = Payloads.Batch(Payloads.OrderCompleted().With("type", 1)).Bytes();

        // Act
        var rejection = SingleRejection(Parse(body));

        // Assert
        Assert.Equal(TrackingErrorCodes.InvalidFieldType, rejection.Code);
        Assert.Equal("$.batch[0].type", rejection.Path);
    }

    [Fact]
    public void Parse_SingleEndpointRejected_ReportsItemErrorAsRequestError()
    {
        // Arrange
        var body = Payloads.ProductViewed().Without("event").Bytes();

        // Act
        var result = Parse(body, TrackingEndpoint.Track);

        // Assert
        Assert.False(result.IsAccepted);
        Assert.Equal(
            new TrackingRequestError(TrackingErrorCodes.MissingEvent, "A track call needs a non-empty \"event\" name.", "$.event"),
            result.Error);
        Assert.Equal(0, SingleRejection(result).Index);
    }

    [Fact]
    public void Parse_UndefinedEndpoint_Throws()
    {
        // Arrange
        var body = Payloads.OrderCompleted().Bytes();

        // Act
        var exception = Record.Exception(() => Parser.Parse(body, (TrackingEndpoint)42, Payloads.ReceivedAt));

        // Assert
        Assert.IsType<ArgumentOutOfRangeException>(exception);
    }

    [Fact]
    public void Parse_PageWithoutName_AcceptsWithNullName()
    {
        // Arrange
        var body = Payloads.Batch(Payloads.Page().Without("name")).Bytes();

        // Act
        var message = SingleAccepted(Parse(body));

        // Assert
        Assert.Null(message.Name);
    }

    [Fact]
    public void Parse_UnknownTopLevelFields_AreIgnored()
    {
        // Arrange
        var item = Payloads.ProductViewed().With("version", 2).With("_metadata", new JsonObject { ["nodeVersion"] = "20.11.0" });

        // Act
        var message = SingleAccepted(Parse(Payloads.Batch(item).Bytes()));

        // Assert
        Assert.Equal("Product Viewed", message.Event);
    }
}
