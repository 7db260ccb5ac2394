using System.Buffers;

namespace Segmentation.LoadGenerator.Sending;

/// <summary>
/// One request's worth of events: the UTF-8 JSON body of a Segment <c>/v1/batch</c> request
/// (<c>{"batch":[...],"sentAt":...}</c>) in a pooled buffer, returned to the pool on <see cref="Dispose"/>.
/// </summary>
public sealed class EventBatch : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    /// <summary>Wraps a rented buffer; the batch returns it to <see cref="ArrayPool{T}.Shared"/> when disposed.</summary>
    public EventBatch(byte[] rentedBuffer, int length, int eventCount, long firstSequence, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(rentedBuffer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, rentedBuffer.Length);
        _buffer = rentedBuffer;
        _length = length;
        EventCount = eventCount;
        FirstSequence = firstSequence;
        SentAt = sentAt;
    }

    /// <summary>The request body.</summary>
    public ReadOnlyMemory<byte> Body => _buffer is { } buffer
        ? buffer.AsMemory(0, _length)
        : throw new ObjectDisposedException(nameof(EventBatch));

    /// <summary>How many events the body holds.</summary>
    public int EventCount { get; }

    /// <summary>The run-wide sequence number of the first event (message ids are made from it).</summary>
    public long FirstSequence { get; }

    /// <summary>The <c>sentAt</c> written into the body, also every event's <c>timestamp</c>.</summary>
    public DateTimeOffset SentAt { get; }

    /// <summary>Returns the buffer to the pool; the body must not be used afterwards.</summary>
    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
