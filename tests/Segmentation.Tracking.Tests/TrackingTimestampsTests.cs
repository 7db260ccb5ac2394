using System.Text.Json;

namespace Segmentation.Tracking.Tests;

public sealed class TrackingTimestampsTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2024, 5, 1, 10, 20, 0, TimeSpan.Zero);

    [Fact]
    public void TryResolve_SentAtAndTimestamp_SubtractsTheIntervalFromReceivedAt()
    {
        // Arrange
        var timestamp = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var sentAt = timestamp.AddTicks(12_345_678);

        // Act
        var resolved = TrackingTimestamps.TryResolve(ReceivedAt, sentAt, timestamp, out var result);

        // Assert
        Assert.True(resolved);
        Assert.Equal(ReceivedAt.AddTicks(-12_345_678), result);
    }

    [Fact]
    public void TryResolve_TimestampOnly_ReturnsItInUtc()
    {
        // Arrange
        var timestamp = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(2));

        // Act
        TrackingTimestamps.TryResolve(ReceivedAt, null, timestamp, out var result);

        // Assert
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
    }

    [Fact]
    public void TryResolve_NoTimestamp_ReturnsReceivedAt()
    {
        // Act
        TrackingTimestamps.TryResolve(ReceivedAt, ReceivedAt.AddDays(-1), null, out var result);

        // Assert
        Assert.Equal(ReceivedAt, result);
    }

    [Fact]
    public void TryResolve_CorrectionBeyondMaxValue_ReturnsFalse()
    {
        // Act
        var resolved = TrackingTimestamps.TryResolve(
            DateTimeOffset.MaxValue, DateTimeOffset.MinValue, DateTimeOffset.MinValue.AddDays(1), out _);

        // Assert
        Assert.False(resolved);
    }

    [Theory]
    [InlineData("\"2024-05-01T10:15:30Z\"", 2024, 5, 1, 10, 15, 30)]
    [InlineData("\"2024-05-01T10:15:30\"", 2024, 5, 1, 10, 15, 30)]
    [InlineData("\"2024-05-01T12:15:30+02:00\"", 2024, 5, 1, 10, 15, 30)]
    [InlineData("\"2024-05-01T05:15:30-05:00\"", 2024, 5, 1, 10, 15, 30)]
    [InlineData("\"2024-05-01\"", 2024, 5, 1, 0, 0, 0)]
    [InlineData("\"2024-05-01T10:15:30\\u005A\"", 2024, 5, 1, 10, 15, 30)]
    public void TryParse_Iso8601_ReturnsUtcInstant(string json, int year, int month, int day, int hour, int minute, int second)
    {
        // Arrange
        using var document = JsonDocument.Parse(json);

        // Act
        var parsed = TrackingTimestamps.TryParse(document.RootElement, out var value);

        // Assert
        Assert.True(parsed);
        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData("\"May 1st\"")]
    [InlineData("\"2024-05-01 10:15:30Z\"")]
    [InlineData("1714558530")]
    [InlineData("\"\"")]
    public void TryParse_NotIso8601_ReturnsFalse(string json)
    {
        // Arrange
        using var document = JsonDocument.Parse(json);

        // Act
        var parsed = TrackingTimestamps.TryParse(document.RootElement, out _);

        // Assert
        Assert.False(parsed);
    }
}
