using System.Text.Json;
using System.Text.Json.Nodes;
using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Silo.Triggers;

/// <summary>
/// Reads the body of <c>PUT /api/triggers/{name}</c> over the trigger's current settings: fields left out keep their
/// values, unknown fields and values of the wrong type are refused by name, <c>trigger</c> (when sent) must be the name.
/// </summary>
internal static class TriggerSettingsBody
{
    private const string TriggerField = "trigger";

    /// <summary>The new settings, or null with <paramref name="errors"/> filled by field.</summary>
    public static TriggerSettings? Read(JsonElement body, TriggerSettings current, JsonSerializerOptions options, Dictionary<string, string[]> errors)
    {
        var type = current.GetType();
        var merged = (JsonObject)JsonSerializer.SerializeToNode(current, type, options)!;
        var known = merged.Select(static p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name == TriggerField)
            {
                if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString() != current.Trigger)
                {
                    errors[TriggerField] = [$"'{TriggerField}' must be \"{current.Trigger}\" (the trigger in the path) when given."];
                }
            }
            else if (known.Contains(property.Name))
            {
                merged[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
            else
            {
                var close = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
                errors[property.Name] = [close is null
                    ? $"Unknown field '{property.Name}'; {current.Trigger} takes {string.Join(", ", known.Order(StringComparer.Ordinal).Select(static k => $"'{k}'"))}."
                    : $"Unknown field '{property.Name}'; did you mean '{close}'? Field names are case-sensitive."];
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        try
        {
            return (TriggerSettings?)merged.Deserialize(type, options);
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..].Split('[', '.')[0] : "body";
            errors[field] = [$"'{field}' has a value of the wrong type or form (durations as \"d.hh:mm:ss\", times of day as \"hh:mm\")."];
            return null;
        }
    }

    /// <summary>A settings error under its JSON field name (camel case), e.g. <c>delay</c>.</summary>
    public static void Add(Dictionary<string, string[]> errors, TriggerSettingError error, JsonSerializerOptions options)
    {
        var field = options.PropertyNamingPolicy?.ConvertName(error.Field) ?? error.Field;
        errors[field] = [.. errors.GetValueOrDefault(field) ?? [], $"{field} {error.Problem}"];
    }
}
