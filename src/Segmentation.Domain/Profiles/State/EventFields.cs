using System.Globalization;
using System.Text.Json;
using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// Lenient reads of event fields, in place in the call's JSON text: numbers may arrive as JSON numbers or numeric
/// strings, and strings are trimmed. The first of several names that gives a value wins.
/// </summary>
internal static class EventFields
{
    /// <summary>Strings longer than this are decoded on the heap rather than the stack.</summary>
    private const int StackChars = 256;

    /// <summary>A trimmed, non-empty string (numbers are taken as their JSON text), else null.</summary>
    public static string? GetString(this Utf8JsonMembers source, ReadOnlySpan<byte> name) => AsString(source.Get(name), shared: false);

    public static string? GetString(this Utf8JsonMembers source, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) =>
        source.GetString(first) ?? source.GetString(second);

    public static string? GetString(this Utf8JsonMembers source, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third) =>
        source.GetString(first) ?? source.GetString(second) ?? source.GetString(third);

    /// <summary>As <see cref="GetString(Utf8JsonMembers, ReadOnlySpan{byte})"/>, the copy kept events share (see <see cref="SharedStrings"/>).</summary>
    public static string? GetSharedString(this Utf8JsonMembers source, ReadOnlySpan<byte> name) => AsString(source.Get(name), shared: true);

    public static string? GetSharedString(this Utf8JsonMembers source, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) =>
        source.GetSharedString(first) ?? source.GetSharedString(second);

    public static string? GetSharedString(this Utf8JsonMembers source, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third) =>
        source.GetSharedString(first) ?? source.GetSharedString(second) ?? source.GetSharedString(third);

    /// <summary>A string value exactly as decoded (not trimmed), as the copy kept events share (see <see cref="SharedStrings"/>).</summary>
    /// <exception cref="InvalidOperationException">The value is not a string.</exception>
    public static string SharedText(Utf8JsonValue value)
    {
        if (value.TryGetUnescapedUtf8(out var utf8))
        {
            return SharedStrings.Share(utf8);
        }

        var buffer = value.MaxCharCount <= StackChars ? stackalloc char[value.MaxCharCount] : new char[value.MaxCharCount];
        return SharedStrings.Share(buffer[..value.CopyChars(buffer)]);
    }

    /// <summary>A trimmed, non-empty string or the JSON text of a number; null for anything else.</summary>
    public static string? AsString(Utf8JsonValue value, bool shared = false)
    {
        switch (value.Kind)
        {
            case JsonValueKind.Number:
                return shared ? SharedStrings.Share(value.RawText) : System.Text.Encoding.UTF8.GetString(value.RawText);
            case JsonValueKind.String:
                if (shared && value.TryGetUnescapedUtf8(out var utf8) && IsTrimmedAscii(utf8))
                {
                    return SharedStrings.Share(utf8);
                }

                var buffer = value.MaxCharCount <= StackChars ? stackalloc char[value.MaxCharCount] : new char[value.MaxCharCount];
                var text = Trimmed(value, buffer);
                return text.IsEmpty ? null : shared ? SharedStrings.Share(text) : new string(text);
            default:
                return null;
        }
    }

    /// <summary>A decimal in canonical form, from a JSON number or a numeric string; null when absent or not a number.</summary>
    public static decimal? GetDecimal(this Utf8JsonMembers source, ReadOnlySpan<byte> name) => AsDecimal(source.Get(name));

    public static decimal? GetDecimal(this Utf8JsonMembers source, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) =>
        source.GetDecimal(first) ?? source.GetDecimal(second);

    public static decimal? AsDecimal(Utf8JsonValue value)
    {
        switch (value.Kind)
        {
            case JsonValueKind.Number:
                return value.TryGetDecimal(out var number) ? Money.Normalize(number) : null;
            case JsonValueKind.String:
                var buffer = value.MaxCharCount <= StackChars ? stackalloc char[value.MaxCharCount] : new char[value.MaxCharCount];
                var text = Trimmed(value, buffer);
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? Money.Normalize(parsed) : null;
            default:
                return null;
        }
    }

    /// <summary>A whole number (fractions truncated toward zero, clamped to <see cref="int"/>).</summary>
    public static int? GetInt(this Utf8JsonMembers source, ReadOnlySpan<byte> name)
    {
        if (source.GetDecimal(name) is not { } value)
        {
            return null;
        }

        value = decimal.Truncate(value);
        return value > int.MaxValue ? int.MaxValue : value < int.MinValue ? int.MinValue : (int)value;
    }

    /// <summary>A boolean from true/false, a number (anything but <c>0</c> is true), or the strings true/false/yes/no/1/0.</summary>
    public static bool? GetBool(this Utf8JsonMembers source, ReadOnlySpan<byte> name)
    {
        var value = source.Get(name);
        switch (value.Kind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                return !value.RawText.SequenceEqual("0"u8);
            case JsonValueKind.String:
                var buffer = value.MaxCharCount <= StackChars ? stackalloc char[value.MaxCharCount] : new char[value.MaxCharCount];
                var text = Trimmed(value, buffer);
                if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text is "1" || text.Equals("yes", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text is "0" || text.Equals("no", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>True when the text starts and ends with an ASCII character that is not white space (so trimming keeps it).</summary>
    private static bool IsTrimmedAscii(ReadOnlySpan<byte> utf8) =>
        utf8.Length > 0 && utf8[0] is > 0x20 and < 0x80 && utf8[^1] is > 0x20 and < 0x80;

    /// <summary>The decoded string without leading and trailing white space, in <paramref name="buffer"/> (<see cref="Utf8JsonValue.MaxCharCount"/> long).</summary>
    private static ReadOnlySpan<char> Trimmed(Utf8JsonValue value, Span<char> buffer) => buffer[..value.CopyChars(buffer)].Trim();
}
