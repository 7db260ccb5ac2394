using System.Text.Json;

namespace Segmentation.Tracking;

/// <summary>
/// Where one member of a JSON object lies in the object's text: the storage <see cref="Utf8JsonMembers"/> reads into,
/// usually stack space the caller gives it (<c>stackalloc Utf8JsonMemberSlot[Utf8JsonMembers.StackSlots]</c>).
/// </summary>
public readonly struct Utf8JsonMemberSlot
{
    internal Utf8JsonMemberSlot(int nameStart, int nameLength, bool nameEscaped, int valueStart, int valueLength, JsonTokenType valueType, bool valueEscaped)
    {
        NameStart = nameStart;
        NameLength = nameLength;
        NameEscaped = nameEscaped;
        ValueStart = valueStart;
        ValueLength = valueLength;
        ValueType = valueType;
        ValueEscaped = valueEscaped;
    }

    /// <summary>The offset of the name's opening quote.</summary>
    internal int NameStart { get; }

    /// <summary>The name's length with its quotes.</summary>
    internal int NameLength { get; }

    internal bool NameEscaped { get; }

    /// <summary>The offset of the value's first byte (a string's opening quote).</summary>
    internal int ValueStart { get; }

    /// <summary>The value's length (a string's with its quotes, an object's or array's with its brackets).</summary>
    internal int ValueLength { get; }

    internal JsonTokenType ValueType { get; }

    internal bool ValueEscaped { get; }
}
