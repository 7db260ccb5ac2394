using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Segmentation.LoadGenerator.Sending;
using Segmentation.LoadGenerator.Shoppers;

namespace Segmentation.LoadGenerator.Serialization;

/// <summary>
/// Cuts a <see cref="ShopperModel"/>'s event stream into Segment <c>/v1/batch</c> request bodies, written straight
/// into pooled buffers. Every event's <c>timestamp</c> is the batch's <c>sentAt</c> (the send time; the silo corrects
/// clock skew from the two), and its <c>messageId</c> is <c>{runId}-{sequence}</c>. A batch ends at the requested
/// count or when one more event could take it past the byte limit. Not thread-safe.
/// </summary>
public sealed class ShopperBatchSource : IBatchSource
{
    /// <summary>Room kept for one more event when deciding whether a batch is full (events are far smaller).</summary>
    public const int EventReserveBytes = 16 * 1024;

    /// <summary>The smallest byte limit accepted.</summary>
    public const int MinBatchBytes = 2 * EventReserveBytes;

    private static readonly byte[] BatchContext =
        """{"library":{"name":"Segmentation.LoadGenerator","version":"1.0"}}"""u8.ToArray();

    private readonly ShopperModel _model;
    private readonly int _maxBatchBytes;
    private readonly EventJsonWriter _eventWriter;
    private readonly ShopperEvent _event = new();
    private readonly Utf8JsonWriter _json;
    private readonly PooledBufferWriter _buffer;
    private long _sequence;

    /// <summary>A source of batches of <paramref name="model"/>'s events, each at most <paramref name="maxBatchBytes"/> long.</summary>
    public ShopperBatchSource(ShopperModel model, string runId, int maxBatchBytes)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!RunIds.IsValid(runId))
        {
            throw new ArgumentException(RunIds.Rule, nameof(runId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchBytes, MinBatchBytes);
        _model = model;
        _maxBatchBytes = maxBatchBytes;
        RunId = runId;
        _eventWriter = new EventJsonWriter(runId, model.Catalog);
        _buffer = new PooledBufferWriter(64 * 1024);
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            SkipValidation = true,
        });
    }

    /// <summary>The prefix of every id this source makes.</summary>
    public string RunId { get; }

    /// <summary>How many events were written so far (the next event's sequence number).</summary>
    public long EventsWritten => _sequence;

    /// <inheritdoc />
    public EventBatch NextBatch(int maxEvents, DateTimeOffset sentAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvents, 1);
        Span<byte> timestamp = stackalloc byte[32];
        sentAt.UtcDateTime.TryFormat(timestamp, out var timestampLength, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        timestamp = timestamp[..timestampLength];

        var first = _sequence;
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteStartArray(JsonNames.Batch);
        var count = 0;
        while (count < maxEvents && (count == 0 || _json.BytesPending + _json.BytesCommitted + EventReserveBytes <= _maxBatchBytes))
        {
            _model.Next(_event);
            _eventWriter.Write(_json, _event, _sequence++, timestamp);
            count++;
        }

        _json.WriteEndArray();
        _json.WriteString(JsonNames.SentAt, timestamp);
        _json.WritePropertyName(JsonNames.Context);
        _json.WriteRawValue(BatchContext, skipInputValidation: true);
        _json.WriteEndObject();
        _json.Flush();
        var length = _buffer.WrittenCount;
        return new EventBatch(_buffer.Detach(), length, count, first, sentAt);
    }
}
