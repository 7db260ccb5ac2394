using System.Buffers;
using System.Text;
using System.Text.Json;
using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// A trait's value and the event that wrote it. A string, number or boolean is kept only as its scalar reading (for
/// cheap reads by rules); its JSON text and its text are derived from it when read. An object or array is kept as its
/// JSON text (compact, escaped as <see cref="Utf8JsonWriter"/> escapes by default, so a value has one text however it
/// was sent).
/// </summary>
/// <param name="Scalar">The value when it is a string, number or boolean.</param>
/// <param name="Structured">The JSON text of an object or array; null for a scalar and for JSON null.</param>
/// <param name="Stamp">The event that wrote the value.</param>
internal sealed record TraitValue(ScalarValue? Scalar, string? Structured, EventKey Stamp)
{
    /// <summary>The value's JSON text (for a string, as <see cref="JsonSerializer"/> writes it).</summary>
    public string Json => Scalar switch
    {
        { Kind: ScalarKind.String } scalar => JsonSerializer.Serialize(scalar.Text),
        { } scalar => scalar.Text,
        null => Structured ?? "null",
    };

    /// <summary>The text of a string (trimmed; null when only white space) or of a number; null otherwise.</summary>
    public string? Text => Scalar switch
    {
        { Kind: ScalarKind.Number } scalar => scalar.Text,
        { Kind: ScalarKind.String } scalar => Trimmed(scalar.Text),
        _ => null,
    };

    /// <summary>A value as a call sent it.</summary>
    public static TraitValue Of(Utf8JsonValue value, EventKey stamp) =>
        new(ScalarValue.FromJson(value, shared: false), IsStructured(value) ? Compact(value.RawText) : null, stamp);

    /// <summary>A string value (e.g. a time zone from a call's context).</summary>
    public static TraitValue OfString(string value, EventKey stamp) => new(ScalarValue.FromString(value), null, stamp);

    /// <summary>A value read back from its JSON text (as <see cref="Json"/> gave it).</summary>
    /// <exception cref="JsonException">The text is not one JSON value.</exception>
    public static TraitValue Parse(string json, EventKey stamp)
    {
        var value = Utf8JsonValue.Read(Encoding.UTF8.GetBytes(json));
        return new TraitValue(ScalarValue.FromJson(value, shared: false), IsStructured(value) ? json : null, stamp);
    }

    private static bool IsStructured(Utf8JsonValue value) => value.Kind is JsonValueKind.Object or JsonValueKind.Array;

    private static string? Trimmed(string text)
    {
        var trimmed = text.AsSpan().Trim();
        return trimmed.IsEmpty ? null : trimmed.Length == text.Length ? text : new string(trimmed);
    }

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
