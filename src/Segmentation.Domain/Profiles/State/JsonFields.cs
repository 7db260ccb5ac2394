using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Segmentation.Domain.Profiles.State;

/// <summary>Lenient reads of event fields: numbers may arrive as JSON numbers or numeric strings.</summary>
internal static class JsonFields
{
    public static JsonNode? Get(JsonObject? source, string name) =>
        source is not null && source.TryGetPropertyValue(name, out var node) ? node : null;

    public static JsonObject? GetObject(JsonObject? source, string name) => Get(source, name) as JsonObject;

    public static JsonArray? GetArray(JsonObject? source, string name) => Get(source, name) as JsonArray;

    /// <summary>A trimmed, non-empty string (numbers are taken as their JSON text), else null.</summary>
    public static string? GetString(JsonObject? source, string name) => AsString(Get(source, name));

    public static string? GetString(JsonObject? source, string first, string second) =>
        GetString(source, first) ?? GetString(source, second);

    public static string? GetString(JsonObject? source, string first, string second, string third) =>
        GetString(source, first) ?? GetString(source, second) ?? GetString(source, third);

    public static string? AsString(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        string? text;
        if (value.TryGetValue<JsonElement>(out var element))
        {
            text = element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Number => element.GetRawText(),
                _ => null,
            };
        }
        else
        {
            text = value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.Number => value.ToJsonString(),
                _ => null,
            };
        }

        text = text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>A decimal in canonical form, from a JSON number or a numeric string; null when absent or not a number.</summary>
    public static decimal? GetDecimal(JsonObject? source, string name)
    {
        if (Get(source, name) is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<JsonElement>(out var element) && element.ValueKind == JsonValueKind.Number)
        {
            return element.TryGetDecimal(out var number) ? Money.Normalize(number) : null;
        }

        var text = value.GetValueKind() switch
        {
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.String => value.GetValue<string>(),
            _ => null,
        };
        return text is not null && decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? Money.Normalize(parsed)
            : null;
    }

    public static decimal? GetDecimal(JsonObject? source, string first, string second) =>
        GetDecimal(source, first) ?? GetDecimal(source, second);

    /// <summary>A whole number (fractions truncated toward zero, clamped to <see cref="int"/>).</summary>
    public static int? GetInt(JsonObject? source, string name)
    {
        var value = GetDecimal(source, name);
        if (value is not { } v)
        {
            return null;
        }

        v = decimal.Truncate(v);
        return v > int.MaxValue ? int.MaxValue : v < int.MinValue ? int.MinValue : (int)v;
    }

    /// <summary>A boolean from true/false, or from the strings true/false/yes/no/1/0.</summary>
    public static bool? GetBool(JsonObject? source, string name)
    {
        if (Get(source, name) is not JsonValue value)
        {
            return null;
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                return value.ToJsonString() != "0";
            case JsonValueKind.String:
                var text = value.GetValue<string>().Trim();
                if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1"
                    || text.Equals("yes", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text == "0"
                    || text.Equals("no", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The compact JSON text of a node (<c>null</c> for a JSON null), a private copy that outlives the message.</summary>
    public static string ToJsonText(JsonNode? node) => node is null ? "null" : node.ToJsonString();
}
