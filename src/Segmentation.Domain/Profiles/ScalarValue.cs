using System.Globalization;
using System.Text;
using System.Text.Json;
using Segmentation.Domain.Profiles.State;
using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles;

/// <summary>
/// A scalar JSON value (string, number or boolean) of an event property or a trait, with its lenient readings:
/// a numeric string also reads as a number and the strings <c>true</c>/<c>false</c> also read as booleans, as
/// clients send numbers and flags either way.
/// </summary>
/// <remarks>
/// <para><c>Text</c>: the string as sent; for a number its JSON text; <c>true</c> or <c>false</c> for a boolean.</para>
/// <para><c>Number</c>: the number (normalized), or the numeric reading of a string; null otherwise.</para>
/// <para><c>Flag</c>: the boolean, or the reading of the strings <c>true</c>/<c>false</c> (any case); null otherwise.</para>
/// </remarks>
public readonly record struct ScalarValue
{
    private ScalarValue(ScalarKind kind, string text, decimal? number, bool? flag)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Flag = flag;
    }

    public ScalarKind Kind { get; }

    public string Text { get; }

    public decimal? Number { get; }

    public bool? Flag { get; }

    public static ScalarValue FromString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        var mayBeNumber = trimmed.Length > 0 && (char.IsAsciiDigit(trimmed[0]) || trimmed[0] is '-' or '+' or '.');
        decimal? number = mayBeNumber && decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? Money.Normalize(parsed)
            : null;
        bool? flag = trimmed.Length is 4 or 5 && trimmed.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
            : trimmed.Length is 4 or 5 && trimmed.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
            : null;
        return new ScalarValue(ScalarKind.String, text, number, flag);
    }

    /// <summary>A number from its JSON text (the value is null when it does not fit a decimal).</summary>
    public static ScalarValue FromNumberText(string jsonText)
    {
        ArgumentNullException.ThrowIfNull(jsonText);
        decimal? number = decimal.TryParse(jsonText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? Money.Normalize(parsed)
            : null;
        return new ScalarValue(ScalarKind.Number, jsonText, number, null);
    }

    public static ScalarValue FromBoolean(bool value) => new(ScalarKind.Boolean, value ? "true" : "false", null, value);

    /// <summary>The value of a kind and text as <see cref="Kind"/> and <see cref="Text"/> give them (the inverse of those two).</summary>
    public static ScalarValue From(ScalarKind kind, string text) => kind switch
    {
        ScalarKind.String => FromString(text),
        ScalarKind.Number => FromNumberText(text),
        ScalarKind.Boolean => FromBoolean(text == "true"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown scalar kind."),
    };

    /// <summary>
    /// The scalar of a JSON value; null for null, objects and arrays. With <paramref name="shared"/>, its text is the copy
    /// kept events share (see <see cref="SharedStrings"/>).
    /// </summary>
    internal static ScalarValue? FromJson(Utf8JsonValue value, bool shared)
    {
        switch (value.Kind)
        {
            case JsonValueKind.String:
                return FromString(shared ? EventFields.SharedText(value) : value.GetString());
            case JsonValueKind.Number:
                return FromNumberText(shared ? SharedStrings.Share(value.RawText) : Encoding.UTF8.GetString(value.RawText));
            case JsonValueKind.True:
                return FromBoolean(true);
            case JsonValueKind.False:
                return FromBoolean(false);
            default:
                return null;
        }
    }
}
