using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Segmentation.Tracking;

/// <summary>
/// Decompresses <c>Content-Encoding: gzip</c> request bodies (RudderStack's SDKs gzip by default, whatever
/// their content type says). The size limit applies to the decompressed bytes and decompression stops as
/// soon as it is exceeded, so a small "gzip bomb" never inflates beyond the limit in memory. The gzip
/// trailer (CRC-32 and length of the last member) is checked, because the framework's decompressor
/// silently returns a prefix of a truncated stream.
/// </summary>
public static class GzipBodyDecoder
{
    // 10-byte header + at least 2 bytes of deflate data + 8-byte trailer.
    private const int MinimumGzipLength = 20;
    private const int TrailerLength = 8;
    private const int InitialBufferBytes = 16 * 1024;

    /// <summary>Decompresses a whole gzip body held in memory.</summary>
    /// <param name="compressed">The request body as received.</param>
    /// <param name="maxDecompressedBytes">The most decompressed bytes allowed, usually <see cref="TrackingLimits.MaxRequestBytes"/>.</param>
    public static GzipDecodeResult Decompress(ReadOnlyMemory<byte> compressed, int maxDecompressedBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDecompressedBytes);
        var input = compressed.Span;
        if (input.Length < MinimumGzipLength || input[0] != 0x1F || input[1] != 0x8B)
        {
            return Invalid("The body is sent with Content-Encoding gzip but is not gzip data.");
        }

        var buffer = new byte[(int)Math.Min(maxDecompressedBytes + 1L, Math.Max(InitialBufferBytes, input.Length * 4L))];
        var total = 0;
        try
        {
            using var gzip = new GZipStream(ToStream(compressed), CompressionMode.Decompress);
            while (true)
            {
                if (total == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min((long)maxDecompressedBytes + 1, buffer.Length * 2L));
                }

                var read = gzip.Read(buffer, total, buffer.Length - total);
                if (read == 0)
                {
                    break;
                }

                total += read;
                if (total > maxDecompressedBytes)
                {
                    return new GzipDecodeResult(
                        ReadOnlyMemory<byte>.Empty,
                        new TrackingRequestError(
                            TrackingErrorCodes.RequestTooLarge,
                            $"The decompressed body is larger than the limit of {maxDecompressedBytes} bytes."));
                }
            }
        }
        catch (InvalidDataException)
        {
            return Invalid("The gzip body is corrupt.");
        }

        if (!TrailerMatches(input[^TrailerLength..], buffer.AsSpan(0, total)))
        {
            return Invalid("The gzip body is truncated or corrupt: its trailer does not match the decompressed data.");
        }

        return new GzipDecodeResult(buffer.AsMemory(0, total), null);
    }

    /// <summary>
    /// The trailer of the last gzip member holds the CRC-32 and length (mod 2^32) of that member's data, which is a
    /// suffix of the whole output (a single-member body, what every SDK sends, is the whole output).
    /// </summary>
    private static bool TrailerMatches(ReadOnlySpan<byte> trailer, ReadOnlySpan<byte> output)
    {
        var expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var lastMemberLength = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        if (lastMemberLength > (uint)output.Length)
        {
            return false;
        }

        return Crc32.Compute(output[(output.Length - (int)lastMemberLength)..]) == expectedCrc;
    }

    private static MemoryStream ToStream(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(memory.ToArray(), writable: false);

    private static GzipDecodeResult Invalid(string message) =>
        new(ReadOnlyMemory<byte>.Empty, new TrackingRequestError(TrackingErrorCodes.InvalidGzip, message));
}
