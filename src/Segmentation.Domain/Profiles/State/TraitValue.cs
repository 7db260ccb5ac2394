using System.Buffers;
using System.Text;
using System.Text.Json;
using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// A trait's JSON text (compact, escaped as <see cref="Utf8JsonWriter"/> escapes by default, so a value has one text
/// however it was sent), its text when it is a JSON string or number, its scalar reading (for cheap reads by rules),
/// and the event that wrote it.
/// </summary>
internal sealed record TraitValue(string Json, string? Text, ScalarValue? Scalar, EventKey Stamp)
{
    /// <summary>A value as a call sent it.</summary>
    public static TraitValue Of(Utf8JsonValue value, EventKey stamp) =>
        new(JsonText(value), EventFields.AsString(value), ScalarValue.FromJson(value, shared: false), stamp);

    /// <summary>A string value (e.g. a time zone from a call's context).</summary>
    public static TraitValue OfString(string value, EventKey stamp) =>
        new(JsonSerializer.Serialize(value), value, ScalarValue.FromString(value), stamp);

    /// <summary>A value read back from its JSON text (as <see cref="Json"/> gave it).</summary>
    /// <exception cref="JsonException">The text is not one JSON value.</exception>
    public static TraitValue Parse(string json, EventKey stamp)
    {
        var value = Utf8JsonValue.Read(Encoding.UTF8.GetBytes(json));
        return new TraitValue(json, EventFields.AsString(value), ScalarValue.FromJson(value, shared: false), stamp);
    }

    private static string JsonText(Utf8JsonValue value) => value.Kind switch
    {
        JsonValueKind.String => JsonSerializer.Serialize(value.GetString()),
        JsonValueKind.Number => Encoding.UTF8.GetString(value.RawText),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Object or JsonValueKind.Array => Compact(value.RawText),
        _ => "null",
    };

    /// <summary>An object's or array's text re-written compactly with the default escaping.</summary>
    private static string Compact(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var buffer = new ArrayBufferWriter<byte>(json.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            document.RootElement.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
