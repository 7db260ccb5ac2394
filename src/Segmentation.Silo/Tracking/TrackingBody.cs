using System.Buffers;
using Segmentation.Tracking;

namespace Segmentation.Silo.Tracking;

/// <summary>
/// A received tracking body, decompressed, or why it could not be had. Disposing returns its buffer to the pool:
/// the parser copies what it keeps, so nothing refers to the buffer after parsing.
/// </summary>
internal sealed class TrackingBody : IDisposable
{
    private byte[]? _pooled;

    private TrackingBody(byte[]? pooled, ReadOnlyMemory<byte> content, TrackingRequestError? error)
    {
        _pooled = pooled;
        Content = content;
        Error = error;
    }

    /// <summary>The body as UTF-8 bytes (empty when <see cref="Error"/> is set).</summary>
    public ReadOnlyMemory<byte> Content { get; private set; }

    /// <summary>Why the body was refused; null when <see cref="Content"/> holds it.</summary>
    public TrackingRequestError? Error { get; }

    /// <summary>A body in a buffer rented from <see cref="ArrayPool{T}.Shared"/>, returned on dispose.</summary>
    public static TrackingBody Pooled(byte[] buffer, int length) => new(buffer, buffer.AsMemory(0, length), null);

    /// <summary>A body in its own array (a decompressed one).</summary>
    public static TrackingBody Owned(ReadOnlyMemory<byte> content) => new(null, content, null);

    public static TrackingBody Failed(string code, string message) => new(null, ReadOnlyMemory<byte>.Empty, new TrackingRequestError(code, message));

    public static TrackingBody Failed(TrackingRequestError error) => new(null, ReadOnlyMemory<byte>.Empty, error);

    public void Dispose()
    {
        Content = ReadOnlyMemory<byte>.Empty;
        if (Interlocked.Exchange(ref _pooled, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
