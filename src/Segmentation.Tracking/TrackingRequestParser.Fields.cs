using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Segmentation.Tracking;

public sealed partial class TrackingRequestParser
{
    private const string TypeList = "track, identify, page, screen, group or alias";

    /// <summary>
    /// Reads an id: a string (trimmed) or a JSON number (its invariant text, as Segment does). Absent, null, empty
    /// and whitespace all read as null.
    /// </summary>
    private static PayloadProblem? ReadId(JsonElement element, string field, int maxLength, string tooLongCode, out string? value)
    {
        value = null;
        string text;
        switch (element.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                if (!TryGetString(element, out var raw))
                {
                    return InvalidString(field);
                }

                text = raw.Trim();
                break;
            case JsonValueKind.Number:
                text = NumberToId(element);
                break;
            default:
                return Problem(TrackingErrorCodes.InvalidFieldType, $"\"{field}\" must be a string or a number.", "." + field);
        }

        if (text.Length > maxLength)
        {
            return Problem(tooLongCode, $"\"{field}\" is {text.Length} characters long; the limit is {maxLength}.", "." + field);
        }

        value = text.Length == 0 ? null : text;
        return null;
    }

    /// <summary>
    /// The invariant text of a numeric id: an integer keeps its exact digits (even beyond 64 bits), any other number
    /// is written the shortest round-trippable way (<c>1.50</c> becomes <c>1.5</c>, <c>1e3</c> becomes <c>1000</c>).
    /// </summary>
    private static string NumberToId(JsonElement number)
    {
        var raw = JsonMarshal.GetRawUtf8Value(number);
        if (raw.IndexOfAny(".eE"u8) >= 0 && number.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value.ToString("R", CultureInfo.InvariantCulture);
        }

        return Encoding.UTF8.GetString(raw);
    }

    /// <summary>Reads an optional string field; absent and null read as null.</summary>
    private static PayloadProblem? ReadText(JsonElement element, string field, out string? value)
    {
        value = null;
        if (ItemFields.IsAbsent(element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return Problem(TrackingErrorCodes.InvalidFieldType, $"\"{field}\" must be a string.", "." + field);
        }

        return TryGetString(element, out value) ? null : InvalidString(field);
    }

    /// <summary>Checks an optional object field: an object (or absent, or null) that the JSON object model can hold.</summary>
    private static PayloadProblem? CheckObjectField(JsonElement element, string field)
    {
        if (ItemFields.IsAbsent(element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return Problem(TrackingErrorCodes.InvalidFieldType, $"\"{field}\" must be a JSON object.", "." + field);
        }

        return JsonPayloadValidator.FindProblem(element) is { } problem
            ? problem with { RelativePath = "." + field + problem.RelativePath }
            : null;
    }

    /// <summary>Reads an optional ISO-8601 date-time; absent and null read as null.</summary>
    private static PayloadProblem? ReadTimestamp(JsonElement element, string field, out DateTimeOffset? value)
    {
        value = null;
        if (ItemFields.IsAbsent(element))
        {
            return null;
        }

        if (!TrackingTimestamps.TryParse(element, out var parsed))
        {
            return Problem(
                TrackingErrorCodes.InvalidTimestamp,
                $"\"{field}\" must be an ISO-8601 date-time string such as 2024-05-01T10:15:30.000Z.",
                "." + field);
        }

        value = parsed;
        return null;
    }

    /// <summary>The call's type: the item's <c>type</c> (case-insensitive), which must agree with the endpoint's.</summary>
    private static PayloadProblem? ResolveType(JsonElement element, TrackingMessageType? impliedType, out TrackingMessageType type)
    {
        type = impliedType.GetValueOrDefault();
        if (ItemFields.IsAbsent(element))
        {
            return impliedType is null
                ? Problem(TrackingErrorCodes.MissingType, $"A batch call needs a \"type\": {TypeList}.", ".type")
                : null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return Problem(TrackingErrorCodes.InvalidFieldType, "\"type\" must be a string.", ".type");
        }

        if (!TryParseType(element, out var given))
        {
            return Problem(TrackingErrorCodes.UnknownType, $"Unknown \"type\"; expected {TypeList}.", ".type");
        }

        if (impliedType is { } implied && implied != given)
        {
            return Problem(
                TrackingErrorCodes.TypeMismatch,
                $"\"type\" is {Lower(given)} but the call was posted to /v1/{Lower(implied)}.",
                ".type");
        }

        type = given;
        return null;
    }

    private static bool TryParseType(JsonElement element, out TrackingMessageType type)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        ReadOnlySpan<byte> text = raw.IndexOf((byte)'\\') < 0
            ? raw[1..^1]
            : TryGetString(element, out var unescaped) ? Encoding.UTF8.GetBytes(unescaped) : [];
        return TryMatchType(text, out type);
    }

    private static bool TryMatchType(ReadOnlySpan<byte> text, out TrackingMessageType type)
    {
        type = default;
        if (System.Text.Ascii.EqualsIgnoreCase(text, "track"u8)) { type = TrackingMessageType.Track; }
        else if (System.Text.Ascii.EqualsIgnoreCase(text, "identify"u8)) { type = TrackingMessageType.Identify; }
        else if (System.Text.Ascii.EqualsIgnoreCase(text, "page"u8)) { type = TrackingMessageType.Page; }
        else if (System.Text.Ascii.EqualsIgnoreCase(text, "screen"u8)) { type = TrackingMessageType.Screen; }
        else if (System.Text.Ascii.EqualsIgnoreCase(text, "group"u8)) { type = TrackingMessageType.Group; }
        else if (System.Text.Ascii.EqualsIgnoreCase(text, "alias"u8)) { type = TrackingMessageType.Alias; }
        else { return false; }

        return true;
    }

    private static string Lower(TrackingMessageType type) => type switch
    {
        TrackingMessageType.Track => "track",
        TrackingMessageType.Identify => "identify",
        TrackingMessageType.Page => "page",
        TrackingMessageType.Screen => "screen",
        TrackingMessageType.Group => "group",
        _ => "alias",
    };

    /// <summary>Decodes a JSON string; false when it holds an escape that is not valid UTF-16 (a lone surrogate).</summary>
    private static bool TryGetString(JsonElement element, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        try
        {
            value = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = null;
            return false;
        }
    }

    private static PayloadProblem InvalidString(string field) =>
        Problem(TrackingErrorCodes.InvalidString, $"\"{field}\" holds an escape that is not valid UTF-16 (a lone surrogate).", "." + field);

    private static PayloadProblem Problem(string code, string message, string relativePath) => new(code, message, relativePath);
}
