using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Runtime.InteropServices;

namespace Segmentation.Tracking;

/// <summary>
/// Turns the object fields of a call into <see cref="Utf8JsonObject"/>s that own their bytes (copied out of the
/// request's pooled buffer, so they outlive it), deep-merging batch-level defaults underneath.
/// </summary>
internal static class JsonObjectMerger
{
    private static readonly JsonWriterOptions _writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>A copy of the object's text; absent when the element is not an object.</summary>
    public static Utf8JsonObject Copy(JsonElement value) => value.ValueKind == JsonValueKind.Object
        ? new Utf8JsonObject(JsonMarshal.GetRawUtf8Value(value).ToArray())
        : default;

    /// <summary>
    /// The item's object with the batch's object merged in: keys only the batch has are added after the item's, objects
    /// under the same key merge recursively, and any other value of the item wins. <paramref name="batchCopy"/> is
    /// <see cref="Copy"/> of <paramref name="batchValue"/>, shared by the items that have no object of their own.
    /// Absent when neither is an object.
    /// </summary>
    public static Utf8JsonObject Combine(JsonElement itemValue, JsonElement batchValue, Utf8JsonObject batchCopy)
    {
        if (itemValue.ValueKind != JsonValueKind.Object)
        {
            return batchCopy;
        }

        if (batchValue.ValueKind != JsonValueKind.Object)
        {
            return Copy(itemValue);
        }

        var buffer = new ArrayBufferWriter<byte>(JsonMarshal.GetRawUtf8Value(itemValue).Length + JsonMarshal.GetRawUtf8Value(batchValue).Length);
        using (var writer = new Utf8JsonWriter(buffer, _writerOptions))
        {
            Merge(writer, itemValue, batchValue);
        }

        return new Utf8JsonObject(buffer.WrittenMemory.ToArray());
    }

    private static void Merge(Utf8JsonWriter writer, JsonElement item, JsonElement batch)
    {
        writer.WriteStartObject();
        var itemJson = JsonMarshal.GetRawUtf8Value(item);
        foreach (var property in item.EnumerateObject())
        {
            var name = NameOf(itemJson, property);
            writer.WritePropertyName(name);
            if (property.Value.ValueKind == JsonValueKind.Object
                && batch.TryGetProperty(name, out var under) && under.ValueKind == JsonValueKind.Object)
            {
                Merge(writer, property.Value, under);
            }
            else
            {
                writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(property.Value), skipInputValidation: true);
            }
        }

        var batchJson = JsonMarshal.GetRawUtf8Value(batch);
        foreach (var property in batch.EnumerateObject())
        {
            var name = NameOf(batchJson, property);
            if (!item.TryGetProperty(name, out _))
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(property.Value), skipInputValidation: true);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>The property's name as unescaped UTF-8.</summary>
    private static ReadOnlySpan<byte> NameOf(ReadOnlySpan<byte> objectJson, JsonProperty property) =>
        JsonRawNames.TryGetPlainName(objectJson, property, out var plain) ? plain : Encoding.UTF8.GetBytes(property.Name);
}
