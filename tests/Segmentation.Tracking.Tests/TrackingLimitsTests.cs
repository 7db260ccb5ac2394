namespace Segmentation.Tracking.Tests;

public sealed class TrackingLimitsTests
{
    [Fact]
    public void Constructor_Defaults_MatchTheDocumentedLimits()
    {
        // Act
        var limits = new TrackingLimits();

        // Assert
        Assert.Equal(32_768, limits.MaxEventBytes);
        Assert.Equal(512_000, limits.MaxRequestBytes);
        Assert.Equal(32, limits.MaxJsonDepth);
        Assert.Equal(100, limits.MaxMessageIdLength);
        Assert.Equal(256, limits.MaxIdLength);
        Assert.Empty(limits.Validate());
    }

    [Fact]
    public void Validate_BadValues_ExplainsEachOne()
    {
        // Arrange
        var limits = new TrackingLimits
        {
            MaxEventBytes = 64_000,
            MaxRequestBytes = 32_000,
            MaxJsonDepth = 1,
            MaxMessageIdLength = 0,
            MaxIdLength = 1_000,
        };

        // Act
        var errors = limits.Validate();

        // Assert
        Assert.Equal(
            [
                "MaxRequestBytes (32000) must be at least MaxEventBytes (64000): a request must be able to carry one event of the largest allowed size.",
                "MaxJsonDepth must be between 3 and 256; got 1 (a batch nests at least the body object, its batch array and the call objects).",
                "MaxMessageIdLength must be positive; got 0.",
                "MaxIdLength must be between 1 and 256 (the grain-key limit); got 1000.",
            ],
            errors);
    }

    [Fact]
    public void Validate_NonPositiveEventBytes_ExplainsIt()
    {
        // Act
        var errors = new TrackingLimits { MaxEventBytes = 0 }.Validate();

        // Assert
        Assert.Equal(["MaxEventBytes must be positive; got 0."], errors);
    }

    [Fact]
    public void EnsureValid_BadValue_ThrowsArgumentExceptionWithTheExplanation()
    {
        // Arrange
        var limits = new TrackingLimits { MaxIdLength = 0 };

        // Act
        var exception = Record.Exception(limits.EnsureValid);

        // Assert
        var argumentException = Assert.IsType<ArgumentException>(exception);
        Assert.Equal(
            "Invalid tracking limits: MaxIdLength must be between 1 and 256 (the grain-key limit); got 0.",
            argumentException.Message);
    }

    [Fact]
    public void ParserConstructor_InvalidLimits_Throws()
    {
        // Act
        var exception = Record.Exception(() => new TrackingRequestParser(new TrackingLimits { MaxJsonDepth = 0 }));

        // Assert
        Assert.IsType<ArgumentException>(exception);
    }

    [Fact]
    public void ParserConstructor_LimitsChangedLater_KeepsTheCopiedValues()
    {
        // Arrange
        var limits = new TrackingLimits();
        var parser = new TrackingRequestParser(limits);
        limits.MaxEventBytes = 10;

        // Act
        var result = parser.Parse(Payloads.Batch(Payloads.ProductViewed()).Bytes(), TrackingEndpoint.Batch, Payloads.ReceivedAt);

        // Assert
        Assert.Single(result.Accepted);
    }
}
