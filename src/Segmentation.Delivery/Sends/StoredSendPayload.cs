using System.Text.Json;
using System.Text.Json.Serialization;
using Segmentation.Delivery.Outbox;

namespace Segmentation.Delivery.Sends;

/// <summary>
/// A send's payload as the outbox keeps it: its UTF-8 JSON, one array with nothing inside for the garbage collector to
/// trace, instead of the payload's dozen objects and strings. The outbox holds every pending send and the send log in
/// memory, so this is most of what a waiting send costs. <see cref="Read"/> gives the payload when it is posted or shown.
/// In JSON (snapshots, the send log) it is the payload object itself.
/// </summary>
[JsonConverter(typeof(StoredSendPayloadConverter))]
public sealed class StoredSendPayload
{
    private readonly byte[] _utf8Json;

    internal StoredSendPayload(byte[] utf8Json) => _utf8Json = utf8Json;

    /// <summary>The payload's JSON, as <see cref="Read"/> reads it.</summary>
    internal ReadOnlySpan<byte> Utf8Json => _utf8Json;

    /// <summary>
    /// The payload of an intent as its record (<see cref="OutboxMessages.Intent"/>) holds it: the bytes of the record's
    /// <c>payload</c> object, taken as they are rather than read into objects and written again.
    /// </summary>
    /// <exception cref="InvalidDataException">The record is not an intent's JSON with a payload object.</exception>
    internal static StoredSendPayload OfIntentRecord(ReadOnlySpan<byte> intentJson)
    {
        try
        {
            var reader = new Utf8JsonReader(intentJson);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isPayload = reader.ValueTextEquals("payload"u8);
                reader.Read();
                if (isPayload && reader.TokenType == JsonTokenType.StartObject)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    return new StoredSendPayload(intentJson[start..(int)reader.BytesConsumed].ToArray());
                }

                reader.Skip();
            }
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"An intent record is not valid JSON: {exception.Message}", exception);
        }

        throw new InvalidDataException("An intent record has no payload object.");
    }

    /// <exception cref="InvalidDataException">The stored JSON is not a payload.</exception>
    public SendPayload Read() => OutboxJson.Read(_utf8Json, OutboxJson.Default.SendPayload);
}
