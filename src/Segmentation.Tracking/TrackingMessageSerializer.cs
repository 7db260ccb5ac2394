using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Segmentation.Tracking;

/// <summary>
/// Writes and reads <see cref="TrackingMessage"/>s in the compact JSON form appended to the partition log:
/// camelCase names, nulls left out, the type as its name, timestamps in ISO 8601 with every fractional digit and
/// the offset. Round-trips exactly: every field, and timestamps to the tick with their offset.
/// </summary>
/// <remarks>
/// The object fields are copied as the UTF-8 text they hold and read back as slices of the payload, so neither way
/// builds a JSON tree. A payload written before the object fields were kept as text (re-serialized compactly) reads
/// the same way.
/// </remarks>
public static partial class TrackingMessageSerializer
{
    // The log is never embedded in HTML, so the relaxed encoder keeps non-ASCII text and '+' offsets unescaped (smaller).
    private static readonly JsonWriterOptions _writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The message as UTF-8 JSON.</summary>
    public static byte[] Serialize(TrackingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, _writerOptions);
        writer.Reset(buffer);
        Write(writer, message);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Appends the message as UTF-8 JSON to a buffer, e.g. a log segment being assembled, without an extra copy.</summary>
    public static void Serialize(TrackingMessage message, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(destination);
        using var writer = new Utf8JsonWriter(destination, _writerOptions);
        Write(writer, message);
    }

    /// <summary>
    /// Reads a message written by <see cref="Serialize(TrackingMessage)"/>. Its object fields are slices of
    /// <paramref name="payload"/>, which must not change afterwards (log payloads never do).
    /// </summary>
    /// <exception cref="JsonException">The bytes are not a serialized message (malformed, or a required field is missing).</exception>
    public static TrackingMessage Deserialize(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Read(payload);
    }

    /// <summary>Reads a message written by <see cref="Serialize(TrackingMessage)"/> from a copy of <paramref name="utf8Json"/>.</summary>
    /// <exception cref="JsonException">The bytes are not a serialized message (malformed, or a required field is missing).</exception>
    public static TrackingMessage Deserialize(ReadOnlySpan<byte> utf8Json) => Read(utf8Json.ToArray());

    private static void Write(Utf8JsonWriter writer, TrackingMessage message)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Type, TypeName(message.Type));
        writer.WriteString(Names.MessageId, message.MessageId);
        WriteOptional(writer, Names.UserId, message.UserId);
        WriteOptional(writer, Names.AnonymousId, message.AnonymousId);
        WriteOptional(writer, Names.Event, message.Event);
        WriteOptional(writer, Names.Name, message.Name);
        WriteOptional(writer, Names.GroupId, message.GroupId);
        WriteOptional(writer, Names.PreviousId, message.PreviousId);
        writer.WriteString(Names.Timestamp, message.Timestamp);
        writer.WriteString(Names.ReceivedAt, message.ReceivedAt);
        WriteOptional(writer, Names.Properties, message.PropertiesJson);
        WriteOptional(writer, Names.Traits, message.TraitsJson);
        WriteOptional(writer, Names.Context, message.ContextJson);
        WriteOptional(writer, Names.Integrations, message.IntegrationsJson);
        WriteOptional(writer, Names.Channel, message.Channel);
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, Utf8JsonObject value)
    {
        if (value.IsPresent)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
        }
    }

    private static JsonEncodedText TypeName(TrackingMessageType type) => type switch
    {
        TrackingMessageType.Track => Names.Track,
        TrackingMessageType.Identify => Names.Identify,
        TrackingMessageType.Page => Names.Page,
        TrackingMessageType.Screen => Names.Screen,
        TrackingMessageType.Group => Names.Group,
        TrackingMessageType.Alias => Names.Alias,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown tracking call type."),
    };

    /// <summary>The pre-encoded names of the log form.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText MessageId = JsonEncodedText.Encode("messageId");
        public static readonly JsonEncodedText UserId = JsonEncodedText.Encode("userId");
        public static readonly JsonEncodedText AnonymousId = JsonEncodedText.Encode("anonymousId");
        public static readonly JsonEncodedText Event = JsonEncodedText.Encode("event");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText GroupId = JsonEncodedText.Encode("groupId");
        public static readonly JsonEncodedText PreviousId = JsonEncodedText.Encode("previousId");
        public static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
        public static readonly JsonEncodedText ReceivedAt = JsonEncodedText.Encode("receivedAt");
        public static readonly JsonEncodedText Properties = JsonEncodedText.Encode("properties");
        public static readonly JsonEncodedText Traits = JsonEncodedText.Encode("traits");
        public static readonly JsonEncodedText Context = JsonEncodedText.Encode("context");
        public static readonly JsonEncodedText Integrations = JsonEncodedText.Encode("integrations");
        public static readonly JsonEncodedText Channel = JsonEncodedText.Encode("channel");
        public static readonly JsonEncodedText Track = JsonEncodedText.Encode(nameof(TrackingMessageType.Track));
        public static readonly JsonEncodedText Identify = JsonEncodedText.Encode(nameof(TrackingMessageType.Identify));
        public static readonly JsonEncodedText Page = JsonEncodedText.Encode(nameof(TrackingMessageType.Page));
        public static readonly JsonEncodedText Screen = JsonEncodedText.Encode(nameof(TrackingMessageType.Screen));
        public static readonly JsonEncodedText Group = JsonEncodedText.Encode(nameof(TrackingMessageType.Group));
        public static readonly JsonEncodedText Alias = JsonEncodedText.Encode(nameof(TrackingMessageType.Alias));
    }
}
