using System.Text.Json.Nodes;

namespace Segmentation.Tracking.Tests;

public sealed class TrackingRequestParserTimestampTests : ParserTestBase
{
    [Fact]
    public void Parse_TimestampWithoutSentAt_KeepsTimestamp()
    {
        // Arrange
        var body = Payloads.Batch(Payloads.ProductViewed()).Bytes();

        // Act
        var message = SingleAccepted(Parse(body));

        // Assert
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 13, 20, TimeSpan.Zero), message.Timestamp);
    }

    [Fact]
    public void Parse_BatchSentAt_CorrectsClockSkewExactly()
    {
        // Arrange: the client clock runs 4.875 s behind the interval; receivedAt - (sentAt - timestamp).
        var body = Payloads.Batch(Payloads.ProductViewed().With("timestamp", "2024-05-01T10:15:00.250Z"))
            .With("sentAt", "2024-05-01T10:15:05.125Z").Bytes();

        // Act
        var message = SingleAccepted(Parse(body));

        // Assert
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 19, 55, 125, TimeSpan.Zero), message.Timestamp);
        Assert.Equal(Payloads.ReceivedAt.UtcTicks - 48_750_000, message.Timestamp.UtcTicks);
    }

    [Fact]
    public void Parse_ItemSentAt_WinsOverBatchSentAt()
    {
        // Arrange
        var item = Payloads.ProductViewed().With("timestamp", "2024-05-01T10:15:00Z").With("sentAt", "2024-05-01T10:15:02Z");
        var body = Payloads.Batch(item).With("sentAt", "2024-05-01T10:15:30Z").Bytes();

        // Act
        var message = SingleAccepted(Parse(body));

        // Assert
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 19, 58, TimeSpan.Zero), message.Timestamp);
    }

    [Fact]
    public void Parse_ClientClockAhead_MovesTimestampBack()
    {
        // Arrange: the client thinks it is 12:00; the event happened 90 s before it sent.
        var item = Payloads.ProductAdded().With("timestamp", "2024-05-01T11:58:30.000Z").With("sentAt", "2024-05-01T12:00:00.000Z");

        // Act
        var message = SingleAccepted(Parse(Payloads.Batch(item).Bytes()));

        // Assert
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 18, 30, TimeSpan.Zero), message.Timestamp);
    }

    [Fact]
    public void Parse_OriginalTimestampOnly_UsesOriginalTimestamp()
    {
        // Arrange
        var item = Payloads.ProductViewed().Without("timestamp").With("originalTimestamp", "2024-05-01T10:12:00.000Z");

        // Act
        var message = SingleAccepted(Parse(Payloads.Batch(item).Bytes()));

        // Assert
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 12, 0, TimeSpan.Zero), message.Timestamp);
    }

    [Fact]
    public void Parse_TimestampAndOriginalTimestamp_PrefersTimestamp()
    {
        // Arrange
        var item = Payloads.ProductViewed().With("originalTimestamp", "2024-05-01T09:00:00.000Z");

        // Act
        var message = SingleAccepted(Parse(Payloads.Batch(item).Bytes()));

        // Assert
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 13, 20, TimeSpan.Zero), message.Timestamp);
    }

    [Fact]
    public void Parse_NoTimestampAtAll_UsesReceivedAt()
    {
        // Arrange: sentAt alone corrects nothing.
        var body = Payloads.Batch(Payloads.ProductViewed().Without("timestamp")).With("sentAt", "2024-05-01T10:15:05Z").Bytes();

        // Act
        var message = SingleAccepted(Parse(body));

        // Assert
        Assert.Equal(Payloads.ReceivedAt, message.Timestamp);
    }

    [Fact]
    public void Parse_TimestampWithOffset_NormalizesToUtc()
    {
        // Arrange
        var item = Payloads.ProductViewed().With("timestamp", "2024-05-01T12:13:20.1234567+02:00");

        // Act
        var message = SingleAccepted(Parse(Payloads.Batch(item).Bytes()));

        // Assert
        Assert.Equal(TimeSpan.Zero, message.Timestamp.Offset);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 13, 20, TimeSpan.Zero).AddTicks(1_234_567), message.Timestamp);
    }

    [Fact]
    public void Parse_ReceivedAtWithOffset_NormalizesToUtc()
    {
        // Arrange
        var receivedAt = new DateTimeOffset(2024, 5, 1, 12, 20, 0, TimeSpan.FromHours(2));

        // Act
        var message = SingleAccepted(Parser.Parse(Payloads.Batch(Payloads.ProductViewed()).Bytes(), TrackingEndpoint.Batch, receivedAt));

        // Assert
        Assert.Equal(TimeSpan.Zero, message.ReceivedAt.Offset);
        Assert.Equal(Payloads.ReceivedAt, message.ReceivedAt);
    }

    [Theory]
    [InlineData("timestamp")]
    [InlineData("originalTimestamp")]
    [InlineData("sentAt")]
    public void Parse_InvalidItemDateTime_RejectsNamingTheField(string field)
    {
        // Arrange
        var item = Payloads.ProductViewed().With(field, "yesterday");

        // Act
        var rejection = SingleRejection(Parse(Payloads.Batch(item).Bytes()));

        // Assert
        Assert.Equal(TrackingErrorCodes.InvalidTimestamp, rejection.Code);
        Assert.Equal($"\"{field}\" must be an ISO-8601 date-time string such as 2024-05-01T10:15:30.000Z.", rejection.Message);
        Assert.Equal($"$.batch[0].{field}", rejection.Path);
    }

    [Fact]
    public void Parse_NumericTimestamp_RejectsInvalidTimestamp()
    {
        // Act
        var rejection = SingleRejection(Parse(Payloads.Batch(Payloads.ProductViewed().With("timestamp", 1714558400)).Bytes()));

        // Assert
        Assert.Equal(TrackingErrorCodes.InvalidTimestamp, rejection.Code);
        Assert.Equal("$.batch[0].timestamp", rejection.Path);
    }

    [Fact]
    public void Parse_InvalidBatchSentAt_RejectsWholeRequest()
    {
        // Arrange
        var body = Payloads.Batch(Payloads.ProductViewed()).With("sentAt", "now").Bytes();

        // Act
        var result = Parse(body);

        // Assert
        Assert.Equal(TrackingErrorCodes.InvalidTimestamp, result.Error!.Code);
        Assert.Equal("$.sentAt", result.Error.Path);
        Assert.Empty(result.Accepted);
    }

    [Fact]
    public void Parse_SkewCorrectionOutOfRange_RejectsInvalidTimestamp()
    {
        // Arrange
        var item = Payloads.ProductViewed().With("timestamp", "0001-01-01T00:00:00Z").With("sentAt", "9999-12-31T00:00:00Z");

        // Act
        var rejection = SingleRejection(Parse(Payloads.Batch(item).Bytes()));

        // Assert
        Assert.Equal(TrackingErrorCodes.InvalidTimestamp, rejection.Code);
        Assert.Equal("The timestamp corrected for clock skew is out of range.", rejection.Message);
        Assert.Equal("$.batch[0].timestamp", rejection.Path);
    }

    [Fact]
    public void Parse_NullTimestamp_UsesReceivedAt()
    {
        // Act
        var message = SingleAccepted(Parse(Payloads.Batch(Payloads.ProductViewed().With("timestamp", (JsonNode?)null)).Bytes()));

        // Assert
        Assert.Equal(Payloads.ReceivedAt, message.Timestamp);
    }
}
