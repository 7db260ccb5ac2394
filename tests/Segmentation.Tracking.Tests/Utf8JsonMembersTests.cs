using System.Text;
using System.Text.Json;

namespace Segmentation.Tracking.Tests;

public sealed class Utf8JsonMembersTests
{
    private static readonly byte[] Sample =
        """{ "s": "text", "n": 1.50, "t": true, "f": false, "z": null, "o": {"a": [1, 2]}, "a": [ "x", {"b": 2}, 3 ], "\u0065sc": "\u00e9\n" }"""u8.ToArray();

    [Fact]
    public void Read_Object_FindsEveryMemberWithItsKindAndText()
    {
        // Arrange
        Span<Utf8JsonMemberSlot> slots = stackalloc Utf8JsonMemberSlot[Utf8JsonMembers.StackSlots];

        // Act
        var members = Utf8JsonMembers.Read(Sample, slots);

        // Assert
        Assert.Equal(8, members.Count);
        Assert.Equal(JsonValueKind.String, members.Get("s"u8).Kind);
        Assert.Equal("\"text\"", Encoding.UTF8.GetString(members.Get("s"u8).RawText));
        Assert.Equal("1.50", Encoding.UTF8.GetString(members.Get("n"u8).RawText));
        Assert.Equal(JsonValueKind.True, members.Get("t"u8).Kind);
        Assert.Equal(JsonValueKind.False, members.Get("f"u8).Kind);
        Assert.Equal(JsonValueKind.Null, members.Get("z"u8).Kind);
        Assert.Equal("""{"a": [1, 2]}""", Encoding.UTF8.GetString(members.Get("o"u8).RawText));
        Assert.Equal("""[ "x", {"b": 2}, 3 ]""", Encoding.UTF8.GetString(members.Get("a"u8).RawText));
    }

    [Fact]
    public void Get_EscapedNameAndValue_ReadUnescaped()
    {
        // Arrange
        Span<Utf8JsonMemberSlot> slots = stackalloc Utf8JsonMemberSlot[Utf8JsonMembers.StackSlots];
        var members = Utf8JsonMembers.Read(Sample, slots);

        // Act
        var value = members.Get("esc"u8);

        // Assert
        Assert.Equal("é\n", value.GetString());
        Assert.Equal("esc", members.NameAt(7).GetString());
        Assert.True(value.ValueEquals("é\n"u8));
    }

    [Fact]
    public void Get_AbsentMemberOrAbsentObject_IsAbsent()
    {
        // Arrange
        Span<Utf8JsonMemberSlot> slots = stackalloc Utf8JsonMemberSlot[Utf8JsonMembers.StackSlots];

        // Act
        var missing = Utf8JsonMembers.Read(Sample, slots).Get("nope"u8);
        var none = Utf8JsonMembers.Read(default(Utf8JsonObject), slots);

        // Assert
        Assert.True(missing.IsAbsent);
        Assert.Equal(0, none.Count);
        Assert.True(none.Get("s"u8).IsAbsent);
    }

    [Fact]
    public void Read_MoreMembersThanSlots_KeepsEveryMember()
    {
        // Arrange
        var json = "{" + string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"k{i}\":{i}")) + "}";
        Span<Utf8JsonMemberSlot> slots = stackalloc Utf8JsonMemberSlot[4];

        // Act
        var members = Utf8JsonMembers.Read(Encoding.UTF8.GetBytes(json), slots);

        // Assert
        Assert.Equal(40, members.Count);
        Assert.True(members.Get("k39"u8).TryGetDecimal(out var last));
        Assert.Equal(39m, last);
    }

    [Fact]
    public void ReadObjectAndEnumerateArray_NestedValues_ReadInPlace()
    {
        // Arrange
        Span<Utf8JsonMemberSlot> slots = stackalloc Utf8JsonMemberSlot[Utf8JsonMembers.StackSlots];
        Span<Utf8JsonMemberSlot> nested = stackalloc Utf8JsonMemberSlot[Utf8JsonMembers.StackSlots];
        var members = Utf8JsonMembers.Read(Sample, slots);

        // Act
        var inner = members.Get("o"u8).ReadObject(nested);
        var kinds = new List<JsonValueKind>();
        foreach (var element in members.Get("a"u8).EnumerateArray())
        {
            kinds.Add(element.Kind);
        }

        // Assert
        Assert.Equal(1, inner.Count);
        Assert.Equal([JsonValueKind.String, JsonValueKind.Object, JsonValueKind.Number], kinds);
        Assert.Empty(EnumerateKinds(members.Get("s"u8)));
    }

    [Fact]
    public void Read_NotAnObject_Throws()
    {
        // Act
        var exception = Record.Exception(() =>
        {
            Span<Utf8JsonMemberSlot> slots = stackalloc Utf8JsonMemberSlot[2];
            Utf8JsonMembers.Read("[1]"u8, slots);
        });

        // Assert
        Assert.IsType<JsonException>(exception, exactMatch: false);
    }

    private static List<JsonValueKind> EnumerateKinds(Utf8JsonValue value)
    {
        var kinds = new List<JsonValueKind>();
        foreach (var element in value.EnumerateArray())
        {
            kinds.Add(element.Kind);
        }

        return kinds;
    }
}
