using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Segmentation.Tracking;

namespace Segmentation.Silo.Tracking;

/// <summary>
/// Reads a tracking request's body with a hard cap, and decompresses it when it was sent with
/// <c>Content-Encoding: gzip</c>, whatever its content type says (RudderStack sends gzip as
/// <c>application/x-www-form-urlencoded</c>). The cap applies to the bytes received and again to the decompressed
/// bytes; reading stops as soon as it is exceeded, so an oversized or endless body never fills memory.
/// </summary>
internal static class TrackingBodyReader
{
    private const int InitialBufferBytes = 16 * 1024;

    public static async Task<TrackingBody> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!TryReadEncoding(request.Headers.ContentEncoding, out var gzip))
        {
            return TrackingBody.Failed(
                TrackingHttpErrorCodes.UnsupportedContentEncoding,
                "The only supported Content-Encoding is gzip (or identity).");
        }

        if (request.ContentLength is { } declared && declared > maxBytes)
        {
            return TooLarge(declared, maxBytes, gzip);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            // This reader enforces the limit (as a 400 with a JSON error); the server's own limit must not cut in first.
            sizeLimit.MaxRequestBodySize = maxBytes + 1L;
        }

        var cap = maxBytes + 1;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(cap, (request.ContentLength ?? InitialBufferBytes) + 1));
        var total = 0;
        try
        {
            while (true)
            {
                if (total == buffer.Length)
                {
                    buffer = Grow(buffer, total, (int)Math.Min(cap, buffer.Length * 2L));
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(total, Math.Min(buffer.Length, cap) - total), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                total += read;
                if (total > maxBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return TooLarge(null, maxBytes, gzip);
                }
            }
        }
        catch (BadHttpRequestException exception)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                // The server read ahead of this reader (a chunked body) past the limit set above.
                return TooLarge(null, maxBytes, gzip);
            }

            return TrackingBody.Failed(
                TrackingHttpErrorCodes.UnreadableBody,
                $"The request body could not be received (HTTP {exception.StatusCode}).");
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        if (!gzip)
        {
            return TrackingBody.Pooled(buffer, total);
        }

        try
        {
            var decoded = GzipBodyDecoder.Decompress(buffer.AsMemory(0, total), maxBytes);
            return decoded.Error is { } error ? TrackingBody.Failed(error) : TrackingBody.Owned(decoded.Body);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>No encoding or identity: plain; gzip (or x-gzip) once, possibly beside identity: gzip; anything else: unsupported.</summary>
    private static bool TryReadEncoding(StringValues header, out bool gzip)
    {
        gzip = false;
        foreach (var value in header)
        {
            foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (part.Equals("identity", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (gzip || !(part.Equals("gzip", StringComparison.OrdinalIgnoreCase) || part.Equals("x-gzip", StringComparison.OrdinalIgnoreCase)))
                {
                    return false;
                }

                gzip = true;
            }
        }

        return true;
    }

    private static byte[] Grow(byte[] buffer, int used, int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, used).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private static TrackingBody TooLarge(long? length, int maxBytes, bool gzip)
    {
        var what = gzip ? "The compressed body" : "The body";
        var size = length is { } known ? $"is {known} bytes" : $"is larger than {maxBytes} bytes";
        return TrackingBody.Failed(TrackingErrorCodes.RequestTooLarge, $"{what} {size}; the limit is {maxBytes} bytes.");
    }
}
