using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Segmentation.Delivery.Sends;

/// <summary>Writes a <see cref="StoredSendPayload"/> as its payload object, and reads that object's JSON as it is.</summary>
internal sealed class StoredSendPayloadConverter : JsonConverter<StoredSendPayload>
{
    public override StoredSendPayload Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A send payload is a JSON object; got {reader.TokenType}.");
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return new StoredSendPayload(JsonMarshal.GetRawUtf8Value(document.RootElement).ToArray());
    }

    public override void Write(Utf8JsonWriter writer, StoredSendPayload value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteRawValue(value.Utf8Json, skipInputValidation: true);
    }
}
