using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Segmentation.Tracking;

/// <summary>
/// Makes a deterministic <c>messageId</c> for a call that came without one, so a replay of the same call
/// dedupes: <c>gen-</c> + 32 hex digits of the SHA-256 of the call type and the item's canonical JSON
/// (object keys sorted by ordinal, no whitespace, strings re-escaped one way, the transport fields
/// <c>sentAt</c>, <c>writeKey</c> and <c>messageId</c> left out). Two calls that differ in any other value
/// get different ids; two identical calls without a timestamp are, by design, one call.
/// </summary>
public static class MessageIdGenerator
{
    /// <summary>The prefix of every generated id. SDK ids (UUIDs, <c>ajs-</c>, <c>node-</c>...) never start with it.</summary>
    public const string Prefix = "gen-";

    private static readonly JsonWriterOptions _writerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    /// <summary>Whether an id was made by <see cref="Generate"/> (or a client that copies its form).</summary>
    public static bool IsGenerated(string messageId) => messageId.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The deterministic id of one tracking call.</summary>
    /// <param name="item">The call's JSON object as received.</param>
    /// <param name="type">The call's resolved type, so the same body posted to two endpoints gets two ids.</param>
    public static string Generate(JsonElement item, TrackingMessageType type)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write(Encoding.UTF8.GetBytes(type.ToString()));
        buffer.Write("\n"u8);
        using (var writer = new Utf8JsonWriter(buffer, _writerOptions))
        {
            WriteCanonical(writer, item, isTopLevel: true);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Prefix + Convert.ToHexStringLower(hash[..16]);
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element, bool isTopLevel)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteCanonicalObject(writer, element, isTopLevel);
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var child in element.EnumerateArray())
                {
                    WriteCanonical(writer, child, isTopLevel: false);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            default:
                // Numbers, true, false, null: their text is already canonical enough to be stable across replays.
                element.WriteTo(writer);
                break;
        }
    }

    private static void WriteCanonicalObject(Utf8JsonWriter writer, JsonElement element, bool isTopLevel)
    {
        var properties = new List<KeyValuePair<string, JsonElement>>();
        foreach (var property in element.EnumerateObject())
        {
            if (isTopLevel && property.Name is "sentAt" or "writeKey" or "messageId")
            {
                continue;
            }

            properties.Add(new KeyValuePair<string, JsonElement>(property.Name, property.Value));
        }

        properties.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        writer.WriteStartObject();
        foreach (var (name, value) in properties)
        {
            writer.WritePropertyName(name);
            WriteCanonical(writer, value, isTopLevel: false);
        }

        writer.WriteEndObject();
    }
}
