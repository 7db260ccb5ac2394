using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Segmentation.Tracking;

/// <summary>
/// One JSON value inside a <see cref="Utf8JsonObject"/>'s text, read in place: <see cref="Kind"/> says what it is,
/// <see cref="RawText"/> is its JSON text. <c>default</c> is an absent value (<see cref="JsonValueKind.Undefined"/>).
/// </summary>
public readonly ref struct Utf8JsonValue
{
    private readonly bool _escaped;

    internal Utf8JsonValue(ReadOnlySpan<byte> rawText, JsonTokenType tokenType, bool escaped)
    {
        RawText = rawText;
        Kind = tokenType switch
        {
            JsonTokenType.StartObject => JsonValueKind.Object,
            JsonTokenType.StartArray => JsonValueKind.Array,
            JsonTokenType.String => JsonValueKind.String,
            JsonTokenType.Number => JsonValueKind.Number,
            JsonTokenType.True => JsonValueKind.True,
            JsonTokenType.False => JsonValueKind.False,
            JsonTokenType.Null => JsonValueKind.Null,
            _ => JsonValueKind.Undefined,
        };
        _escaped = escaped;
    }

    public JsonValueKind Kind { get; }

    /// <summary>The one JSON value whose text is <paramref name="json"/> (surrounding whitespace allowed).</summary>
    /// <exception cref="JsonException">The text is not one JSON value.</exception>
    public static Utf8JsonValue Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read())
        {
            throw new JsonException("The text holds no JSON value.");
        }

        var type = reader.TokenType;
        Utf8JsonMembers.LocateValue(ref reader, out var start, out var length, out var escaped);
        if (reader.Read())
        {
            throw new JsonException("The text holds more than one JSON value.");
        }

        return new Utf8JsonValue(json.Slice(start, length), type, escaped);
    }

    /// <summary>The value's JSON text (a string with its quotes and escapes).</summary>
    public ReadOnlySpan<byte> RawText { get; }

    /// <summary>True when there is no value (an absent member); JSON null is present.</summary>
    public bool IsAbsent => Kind == JsonValueKind.Undefined;

    /// <summary>The most characters a string decodes to (its UTF-8 length between the quotes).</summary>
    public int MaxCharCount => Kind == JsonValueKind.String ? RawText.Length - 2 : 0;

    /// <summary>The decoded string.</summary>
    /// <exception cref="InvalidOperationException">The value is not a string.</exception>
    public string GetString()
    {
        EnsureString();
        if (!_escaped)
        {
            return Encoding.UTF8.GetString(RawText[1..^1]);
        }

        var reader = Reader();
        return reader.GetString()!;
    }

    /// <summary>The string's UTF-8 bytes in place, when it has no escapes (false for any other string or kind).</summary>
    public bool TryGetUnescapedUtf8(out ReadOnlySpan<byte> utf8)
    {
        utf8 = Kind == JsonValueKind.String && !_escaped ? RawText[1..^1] : default;
        return Kind == JsonValueKind.String && !_escaped;
    }

    /// <summary>Decodes the string into <paramref name="destination"/> (at least <see cref="MaxCharCount"/> long); returns the length.</summary>
    /// <exception cref="InvalidOperationException">The value is not a string.</exception>
    public int CopyChars(Span<char> destination)
    {
        EnsureString();
        if (!_escaped)
        {
            return Encoding.UTF8.GetChars(RawText[1..^1], destination);
        }

        var reader = Reader();
        return reader.CopyString(destination);
    }

    /// <summary>True when the value is a string whose decoded UTF-8 equals <paramref name="utf8"/>.</summary>
    public bool ValueEquals(ReadOnlySpan<byte> utf8)
    {
        if (Kind != JsonValueKind.String)
        {
            return false;
        }

        if (!_escaped)
        {
            return RawText[1..^1].SequenceEqual(utf8);
        }

        var reader = Reader();
        return reader.ValueTextEquals(utf8);
    }

    /// <summary>The number as a decimal, as <see cref="JsonElement.TryGetDecimal"/> reads it; false for any other kind.</summary>
    public bool TryGetDecimal(out decimal value)
    {
        if (Kind == JsonValueKind.Number && Utf8Parser.TryParse(RawText, out value, out var consumed) && consumed == RawText.Length)
        {
            return true;
        }

        value = 0m;
        return false;
    }

    /// <summary>Locates the members of an object value; none for any other kind.</summary>
    public Utf8JsonMembers ReadObject(Span<Utf8JsonMemberSlot> slots) =>
        Kind == JsonValueKind.Object ? Utf8JsonMembers.Read(RawText, slots) : default;

    /// <summary>The elements of an array value; none for any other kind.</summary>
    public Utf8JsonArrayEnumerator EnumerateArray() => new(Kind == JsonValueKind.Array ? RawText : default);

    private void EnsureString()
    {
        if (Kind != JsonValueKind.String)
        {
            throw new InvalidOperationException($"The value is {Kind}, not a string.");
        }
    }

    private Utf8JsonReader Reader()
    {
        var reader = new Utf8JsonReader(RawText);
        reader.Read();
        return reader;
    }
}
