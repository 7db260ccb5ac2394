using System.Text.Json;

namespace Segmentation.Tracking;

/// <summary>
/// The members of one JSON object, located in a single pass over its UTF-8 text, so that looking several of them up
/// reads the object once and copies nothing. Names are compared as UTF-8 (escaped names unescaped first); the
/// object must have no repeated names (the tracking parser refuses them).
/// </summary>
/// <remarks>
/// A view over the text and over slots the caller provides: an object with more members than slots moves its slots
/// to an array of its own. <c>default</c> reads as an object without members (an absent object).
/// </remarks>
public readonly ref struct Utf8JsonMembers
{
    /// <summary>A slot count that holds the members of nearly every object a tracking call carries.</summary>
    public const int StackSlots = 32;

    private readonly ReadOnlySpan<byte> _json;
    private readonly ReadOnlySpan<Utf8JsonMemberSlot> _slots;

    private Utf8JsonMembers(ReadOnlySpan<byte> json, ReadOnlySpan<Utf8JsonMemberSlot> slots)
    {
        _json = json;
        _slots = slots;
    }

    /// <summary>How many members the object has.</summary>
    public int Count => _slots.Length;

    /// <summary>Locates the members of <paramref name="obj"/> (none when it is absent).</summary>
    public static Utf8JsonMembers Read(Utf8JsonObject obj, Span<Utf8JsonMemberSlot> slots) => Read(obj.Utf8.Span, slots);

    /// <summary>Locates the members of the JSON object whose text is <paramref name="objectJson"/> (none when empty).</summary>
    /// <exception cref="JsonException">The text is not a JSON object.</exception>
    public static Utf8JsonMembers Read(ReadOnlySpan<byte> objectJson, Span<Utf8JsonMemberSlot> slots)
    {
        if (objectJson.IsEmpty)
        {
            return default;
        }

        var reader = new Utf8JsonReader(objectJson);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The text is not a JSON object.");
        }

        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = (int)reader.TokenStartIndex;
            var nameLength = reader.ValueSpan.Length + 2;
            var nameEscaped = reader.ValueIsEscaped;
            reader.Read();
            var type = reader.TokenType;
            LocateValue(ref reader, out var valueStart, out var valueLength, out var escaped);
            if (count == slots.Length)
            {
                var larger = new Utf8JsonMemberSlot[Math.Max(StackSlots, slots.Length * 2)];
                slots.CopyTo(larger);
                slots = larger;
            }

            slots[count++] = new Utf8JsonMemberSlot(nameStart, nameLength, nameEscaped, valueStart, valueLength, type, escaped);
        }

        return new Utf8JsonMembers(objectJson, slots[..count]);
    }

    /// <summary>
    /// Where the value the reader is on lies in its text (a string with its quotes, an object or array with its
    /// brackets); an object or array is skipped, so the reader ends on its closing bracket.
    /// </summary>
    internal static void LocateValue(ref Utf8JsonReader reader, out int start, out int length, out bool escaped)
    {
        start = (int)reader.TokenStartIndex;
        escaped = false;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                length = (int)reader.BytesConsumed - start;
                break;
            case JsonTokenType.String:
                length = reader.ValueSpan.Length + 2;
                escaped = reader.ValueIsEscaped;
                break;
            default:
                length = reader.ValueSpan.Length;
                break;
        }
    }

    /// <summary>The value of the member named <paramref name="utf8Name"/>; an absent value when there is none.</summary>
    public Utf8JsonValue Get(ReadOnlySpan<byte> utf8Name)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (NameAt(i).ValueEquals(utf8Name))
            {
                return ValueAt(i);
            }
        }

        return default;
    }

    /// <summary>The name of the member at <paramref name="index"/>, as a JSON string value.</summary>
    public Utf8JsonValue NameAt(int index)
    {
        var slot = _slots[index];
        return new Utf8JsonValue(_json.Slice(slot.NameStart, slot.NameLength), JsonTokenType.String, slot.NameEscaped);
    }

    /// <summary>The value of the member at <paramref name="index"/>.</summary>
    public Utf8JsonValue ValueAt(int index)
    {
        var slot = _slots[index];
        return new Utf8JsonValue(_json.Slice(slot.ValueStart, slot.ValueLength), slot.ValueType, slot.ValueEscaped);
    }
}
