using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Segmentation.Tracking;

/// <summary>
/// A JSON object kept as its UTF-8 text: the form in which a tracking call's properties, traits, context and
/// integrations travel from the HTTP parse to the log and the profile, read with <see cref="Utf8JsonMembers"/> without
/// building a tree. <c>default</c> is the absent object. Immutable: the bytes are never written after construction.
/// </summary>
/// <remarks>
/// The text is what the client sent (its spacing and escapes kept), or for an object built in code, its compact form.
/// It is always valid JSON whose objects have no repeated names and whose strings decode (the tracking parser
/// refuses anything else), so two texts of the same object may differ in escapes but read the same.
/// </remarks>
public readonly struct Utf8JsonObject : IEquatable<Utf8JsonObject>
{
    private static readonly JsonWriterOptions _compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ReadOnlyMemory<byte> _utf8;

    /// <summary>Wraps the text of a valid JSON object (not checked: callers pass what a JSON reader validated).</summary>
    internal Utf8JsonObject(ReadOnlyMemory<byte> utf8)
    {
        _utf8 = utf8;
    }

    /// <summary>True when there is an object (possibly empty, <c>{}</c>).</summary>
    public bool IsPresent => !_utf8.IsEmpty;

    /// <summary>The object's UTF-8 JSON text; empty when absent.</summary>
    public ReadOnlyMemory<byte> Utf8 => _utf8;

    /// <summary>The compact text of <paramref name="node"/>; absent for null.</summary>
    public static Utf8JsonObject From(JsonObject? node)
    {
        if (node is null)
        {
            return default;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, _compact))
        {
            node.WriteTo(writer);
        }

        return new Utf8JsonObject(buffer.WrittenMemory.ToArray());
    }

    /// <summary>The member named <paramref name="utf8Name"/> when it is an object, as a slice of this text; absent otherwise.</summary>
    public Utf8JsonObject GetObject(ReadOnlySpan<byte> utf8Name)
    {
        Span<Utf8JsonMemberSlot> slots = stackalloc Utf8JsonMemberSlot[Utf8JsonMembers.StackSlots];
        var text = _utf8.Span;
        var value = Utf8JsonMembers.Read(text, slots).Get(utf8Name);
        return value.Kind == JsonValueKind.Object && text.Overlaps(value.RawText, out var offset)
            ? new Utf8JsonObject(_utf8.Slice(offset, value.RawText.Length))
            : default;
    }

    /// <summary>A new mutable tree of the object (a fresh copy on every call); null when absent.</summary>
    public JsonObject? ToJsonObject() => IsPresent ? JsonNode.Parse(_utf8.Span)!.AsObject() : null;

    public bool Equals(Utf8JsonObject other) => _utf8.Span.SequenceEqual(other._utf8.Span);

    public override bool Equals(object? obj) => obj is Utf8JsonObject other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_utf8.Span);
        return hash.ToHashCode();
    }

    /// <summary>The JSON text; empty when absent.</summary>
    public override string ToString() => Encoding.UTF8.GetString(_utf8.Span);

    public static bool operator ==(Utf8JsonObject left, Utf8JsonObject right) => left.Equals(right);

    public static bool operator !=(Utf8JsonObject left, Utf8JsonObject right) => !left.Equals(right);
}
