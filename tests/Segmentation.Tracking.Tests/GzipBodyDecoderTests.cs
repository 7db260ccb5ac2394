namespace Segmentation.Tracking.Tests;

public sealed class GzipBodyDecoderTests
{
    private const int Limit = 512_000;

    [Fact]
    public void Decompress_ValidGzip_ReturnsOriginalBytes()
    {
        // Arrange
        var json = Payloads.Batch(Payloads.OrderCompleted(), Payloads.Identify()).Bytes();

        // Act
        var result = GzipBodyDecoder.Decompress(Payloads.Gzip(json), Limit);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.Equal(json, result.Body.ToArray());
    }

    [Fact]
    public void Decompress_ExactlyAtLimit_Succeeds()
    {
        // Arrange
        var data = new byte[Limit];
        Array.Fill(data, (byte)'a');

        // Act
        var result = GzipBodyDecoder.Decompress(Payloads.Gzip(data), Limit);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.Equal(Limit, result.Body.Length);
    }

    [Fact]
    public void Decompress_OneByteOverLimit_RejectsRequestTooLarge()
    {
        // Arrange
        var data = new byte[Limit + 1];

        // Act
        var result = GzipBodyDecoder.Decompress(Payloads.Gzip(data), Limit);

        // Assert
        Assert.Equal(
            new TrackingRequestError(TrackingErrorCodes.RequestTooLarge, "The decompressed body is larger than the limit of 512000 bytes."),
            result.Error);
        Assert.True(result.Body.IsEmpty);
    }

    [Fact]
    public void Decompress_GzipBomb_StopsAtLimit()
    {
        // Arrange: 200 MB of zeros compress to about 200 KB.
        var compressed = Payloads.Gzip(new byte[200 * 1024 * 1024]);

        // Act
        var result = GzipBodyDecoder.Decompress(compressed, Limit);

        // Assert
        Assert.True(compressed.Length < Limit);
        Assert.Equal(TrackingErrorCodes.RequestTooLarge, result.Error!.Code);
    }

    [Fact]
    public void Decompress_NotGzip_RejectsInvalidGzip()
    {
        // Arrange: a plain JSON body sent with Content-Encoding gzip.
        var body = Payloads.Batch(Payloads.ProductViewed()).Bytes();

        // Act
        var result = GzipBodyDecoder.Decompress(body, Limit);

        // Assert
        Assert.Equal(
            new TrackingRequestError(TrackingErrorCodes.InvalidGzip, "The body is sent with Content-Encoding gzip but is not gzip data."),
            result.Error);
    }

    [Fact]
    public void Decompress_CorruptDeflateData_RejectsInvalidGzip()
    {
        // Arrange
        var compressed = Payloads.Gzip(Payloads.Batch(Payloads.OrderCompleted()).Bytes());
        for (var i = 12; i < 40; i++)
        {
            compressed[i] ^= 0x5A;
        }

        // Act
        var result = GzipBodyDecoder.Decompress(compressed, Limit);

        // Assert
        Assert.Equal(TrackingErrorCodes.InvalidGzip, result.Error!.Code);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(100)]
    public void Decompress_TruncatedStream_RejectsInvalidGzip(int missingBytes)
    {
        // Arrange
        var compressed = Payloads.Gzip(Payloads.Batch(Payloads.OrderCompleted(), Payloads.Identify(), Payloads.Page()).Bytes());

        // Act
        var result = GzipBodyDecoder.Decompress(compressed.AsMemory(0, compressed.Length - missingBytes), Limit);

        // Assert
        Assert.Equal(TrackingErrorCodes.InvalidGzip, result.Error!.Code);
    }

    [Fact]
    public void Decompress_WrongCrcInTrailer_RejectsInvalidGzip()
    {
        // Arrange
        var compressed = Payloads.Gzip(Payloads.Batch(Payloads.OrderCompleted()).Bytes());
        compressed[^8] ^= 0x01;

        // Act
        var result = GzipBodyDecoder.Decompress(compressed, Limit);

        // Assert
        Assert.Equal(TrackingErrorCodes.InvalidGzip, result.Error!.Code);
    }

    [Fact]
    public void Decompress_TwoGzipMembers_ReturnsBothConcatenated()
    {
        // Arrange
        var first = Payloads.Bytes("{\"batch\":[");
        var second = Payloads.Bytes(Payloads.ProductViewed().ToJsonString() + "]}");
        var compressed = Payloads.Gzip(first).Concat(Payloads.Gzip(second)).ToArray();

        // Act
        var result = GzipBodyDecoder.Decompress(compressed, Limit);

        // Assert
        Assert.Equal(first.Concat(second).ToArray(), result.Body.ToArray());
    }

    [Fact]
    public void Decompress_NonPositiveLimit_Throws()
    {
        // Act
        var exception = Record.Exception(() => GzipBodyDecoder.Decompress(Payloads.Gzip([1, 2, 3]), 0));

        // Assert
        Assert.IsType<ArgumentOutOfRangeException>(exception);
    }
}
