using System.Text.Json.Nodes;

namespace Segmentation.Tracking.Tests;

public sealed class TrackingRequestParserFieldTests : ParserTestBase
{
    private static TrackingItemRejection RejectBatchItem(JsonObject item) => SingleRejection(Parse(Payloads.Batch(item).Bytes()));

    private static TrackingMessage AcceptBatchItem(JsonObject item) => SingleAccepted(Parse(Payloads.Batch(item).Bytes()));

    [Fact]
    public void Parse_NoUserIdNorAnonymousId_RejectsMissingUserId()
    {
        // Act
        var rejection = RejectBatchItem(Payloads.OrderCompleted().Without("userId", "anonymousId"));

        // Assert
        Assert.Equal(new TrackingItemRejection(
            0, "ajs-next-1714558530000-7c0b1b9e", TrackingErrorCodes.MissingUserId,
            "A call needs a userId or an anonymousId.", "$.batch[0].userId"), rejection);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_BlankUserIdAndNoAnonymousId_RejectsMissingUserId(string blank)
    {
        // Act
        var rejection = RejectBatchItem(Payloads.OrderCompleted().Without("anonymousId").With("userId", blank));

        // Assert
        Assert.Equal(TrackingErrorCodes.MissingUserId, rejection.Code);
    }

    [Fact]
    public void Parse_NullUserIdWithAnonymousId_AcceptsAnonymousCall()
    {
        // Act
        var message = AcceptBatchItem(Payloads.OrderCompleted().With("userId", null));

        // Assert
        Assert.Null(message.UserId);
        Assert.Equal("anon-5b1f", message.CustomerKey);
    }

    [Fact]
    public void Parse_IdsWithSurroundingWhitespace_AreTrimmed()
    {
        // Act
        var message = AcceptBatchItem(Payloads.OrderCompleted().With("userId", "  user-1001 \t").With("anonymousId", " anon-5b1f "));

        // Assert
        Assert.Equal("user-1001", message.UserId);
        Assert.Equal("anon-5b1f", message.AnonymousId);
    }

    [Theory]
    [InlineData("1001", "1001")]
    [InlineData("9007199254740993", "9007199254740993")]
    [InlineData("18446744073709551615", "18446744073709551615")]
    [InlineData("1.5", "1.5")]
    [InlineData("1.50", "1.5")]
    [InlineData("1e3", "1000")]
    [InlineData("-42", "-42")]
    public void Parse_NumericUserId_ConvertsToInvariantString(string number, string expected)
    {
        // Arrange
        var json = $$"""{"batch":[{"type":"track","userId":{{number}},"event":"Product Viewed","messageId":"m-1"}]}""";

        // Act
        var message = SingleAccepted(Parse(Payloads.Bytes(json)));

        // Assert
        Assert.Equal(expected, message.UserId);
    }

    [Fact]
    public void Parse_NumericAnonymousId_ConvertsToInvariantString()
    {
        // Act
        var message = AcceptBatchItem(Payloads.ProductViewed().With("anonymousId", 73021));

        // Assert
        Assert.Equal("73021", message.AnonymousId);
    }

    [Fact]
    public void Parse_NumericGroupIdAndPreviousId_ConvertsToStrings()
    {
        // Arrange
        var body = Payloads.Batch(Payloads.Group().With("groupId", 42), Payloads.Alias().With("previousId", 7001)).Bytes();

        // Act
        var result = Parse(body);

        // Assert
        Assert.Empty(result.Rejections);
        Assert.Equal("42", result.Accepted[0].Message.GroupId);
        Assert.Equal("7001", result.Accepted[1].Message.PreviousId);
    }

    [Fact]
    public void Parse_BooleanUserId_RejectsInvalidFieldType()
    {
        // Act
        var rejection = RejectBatchItem(Payloads.OrderCompleted().With("userId", true));

        // Assert
        Assert.Equal(TrackingErrorCodes.InvalidFieldType, rejection.Code);
        Assert.Equal("\"userId\" must be a string or a number.", rejection.Message);
        Assert.Equal("$.batch[0].userId", rejection.Path);
    }

    [Fact]
    public void Parse_UserIdAtLimit_Accepts()
    {
        // Act
        var message = AcceptBatchItem(Payloads.OrderCompleted().With("userId", new string('u', 256)));

        // Assert
        Assert.Equal(256, message.UserId!.Length);
    }

    [Theory]
    [InlineData("userId")]
    [InlineData("anonymousId")]
    public void Parse_IdOverLimit_RejectsIdTooLong(string field)
    {
        // Act
        var rejection = RejectBatchItem(Payloads.OrderCompleted().With(field, new string('u', 257)));

        // Assert
        Assert.Equal(TrackingErrorCodes.IdTooLong, rejection.Code);
        Assert.Equal($"\"{field}\" is 257 characters long; the limit is 256.", rejection.Message);
        Assert.Equal($"$.batch[0].{field}", rejection.Path);
    }

    [Fact]
    public void Parse_GroupIdOverLimit_RejectsIdTooLong()
    {
        // Act
        var rejection = RejectBatchItem(Payloads.Group().With("groupId", new string('g', 257)));

        // Assert
        Assert.Equal(TrackingErrorCodes.IdTooLong, rejection.Code);
        Assert.Equal("$.batch[0].groupId", rejection.Path);
    }

    [Fact]
    public void Parse_MessageIdAtLimit_Accepts()
    {
        // Act
        var message = AcceptBatchItem(Payloads.OrderCompleted().With("messageId", new string('m', 100)));

        // Assert
        Assert.Equal(new string('m', 100), message.MessageId);
    }

    [Fact]
    public void Parse_MessageIdOverLimit_RejectsWithoutEchoingIt()
    {
        // Act
        var rejection = RejectBatchItem(Payloads.OrderCompleted().With("messageId", new string('m', 101)));

        // Assert
        Assert.Equal(new TrackingItemRejection(
            0, null, TrackingErrorCodes.MessageIdTooLong,
            "\"messageId\" is 101 characters long; the limit is 100.", "$.batch[0].messageId"), rejection);
    }

    [Fact]
    public void Parse_NumericMessageId_ConvertsToString()
    {
        // Act
        var message = AcceptBatchItem(Payloads.OrderCompleted().With("messageId", 123456789));

        // Assert
        Assert.Equal("123456789", message.MessageId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_TrackWithoutEventName_RejectsMissingEvent(string? eventName)
    {
        // Act
        var rejection = RejectBatchItem(Payloads.ProductAdded().With("event", eventName));

        // Assert
        Assert.Equal(new TrackingItemRejection(
            0, "ajs-next-1714558450000-5e6f7a8b", TrackingErrorCodes.MissingEvent,
            "A track call needs a non-empty \"event\" name.", "$.batch[0].event"), rejection);
    }

    [Fact]
    public void Parse_NumericEventName_RejectsInvalidFieldType()
    {
        // Act
        var rejection = RejectBatchItem(Payloads.ProductAdded().With("event", 42));

        // Assert
        Assert.Equal(TrackingErrorCodes.InvalidFieldType, rejection.Code);
        Assert.Equal("\"event\" must be a string.", rejection.Message);
        Assert.Equal("$.batch[0].event", rejection.Path);
    }

    [Fact]
    public void Parse_AliasWithoutPreviousId_RejectsMissingPreviousId()
    {
        // Act
        var rejection = RejectBatchItem(Payloads.Alias().Without("previousId"));

        // Assert
        Assert.Equal(TrackingErrorCodes.MissingPreviousId, rejection.Code);
        Assert.Equal("$.batch[0].previousId", rejection.Path);
    }

    [Fact]
    public void Parse_AliasWithOnlyAnonymousId_RejectsMissingUserId()
    {
        // Act
        var rejection = RejectBatchItem(Payloads.Alias().Without("userId").With("anonymousId", "anon-5b1f"));

        // Assert
        Assert.Equal(TrackingErrorCodes.MissingUserId, rejection.Code);
        Assert.Equal("An alias call needs a \"userId\" (the new id).", rejection.Message);
    }

    [Fact]
    public void Parse_GroupWithoutGroupId_RejectsMissingGroupId()
    {
        // Act
        var rejection = RejectBatchItem(Payloads.Group().With("groupId", " "));

        // Assert
        Assert.Equal(new TrackingItemRejection(
            0, "ajs-next-1714558250000-77bb", TrackingErrorCodes.MissingGroupId,
            "A group call needs a \"groupId\".", "$.batch[0].groupId"), rejection);
    }
}
