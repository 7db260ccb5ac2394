using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Segmentation.Tracking;

/// <summary>
/// Writes and reads <see cref="TrackingMessage"/>s in the compact JSON form appended to the partition log.
/// Round-trips exactly: every field, and timestamps to the tick with their offset.
/// </summary>
public static class TrackingMessageSerializer
{
    // The log is never embedded in HTML, so the relaxed encoder keeps non-ASCII text and '+' offsets unescaped (smaller).
    private static readonly JsonTypeInfo<TrackingMessage> _typeInfo = new TrackingJsonContext(
        new JsonSerializerOptions(TrackingJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
        .TrackingMessage;

    private static readonly JsonWriterOptions _writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The message as UTF-8 JSON.</summary>
    public static byte[] Serialize(TrackingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.SerializeToUtf8Bytes(message, _typeInfo);
    }

    /// <summary>Appends the message as UTF-8 JSON to a buffer, e.g. a log segment being assembled, without an extra copy.</summary>
    public static void Serialize(TrackingMessage message, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(destination);
        using var writer = new Utf8JsonWriter(destination, _writerOptions);
        JsonSerializer.Serialize(writer, message, _typeInfo);
    }

    /// <summary>Reads a message written by <see cref="Serialize(TrackingMessage)"/>.</summary>
    /// <exception cref="JsonException">The bytes are not a serialized message (malformed, or a required field is missing).</exception>
    public static TrackingMessage Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, _typeInfo)
        ?? throw new JsonException("The bytes hold JSON null, not a tracking message.");
}
