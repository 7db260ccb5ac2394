namespace Segmentation.Tracking;

/// <summary>The outcome of decompressing a gzip request body: the bytes, or why they could not be had.</summary>
/// <param name="Body">The decompressed body (empty when <paramref name="Error"/> is set).</param>
/// <param name="Error">
/// <see cref="TrackingErrorCodes.InvalidGzip"/> or <see cref="TrackingErrorCodes.RequestTooLarge"/>, or null on success.
/// </param>
public sealed record GzipDecodeResult(ReadOnlyMemory<byte> Body, TrackingRequestError? Error)
{
    /// <summary>True when <see cref="Body"/> holds the complete decompressed body.</summary>
    public bool IsSuccess => Error is null;
}
