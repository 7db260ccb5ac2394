using System.Text.Json;
using System.Text.Json.Nodes;

namespace Segmentation.Tracking;

/// <summary>
/// Turns the object fields of a call into <see cref="JsonObject"/>s that own their data (copied out of the
/// request's pooled document, so they outlive it), deep-merging batch-level defaults underneath.
/// </summary>
internal static class JsonObjectMerger
{
    /// <summary>
    /// The item's object with the batch's object merged in: keys only the batch has are added, objects under the
    /// same key merge recursively, and any other value of the item wins. Null when neither is an object.
    /// </summary>
    public static JsonObject? Combine(JsonElement itemValue, JsonElement batchValue)
    {
        var hasItem = itemValue.ValueKind == JsonValueKind.Object;
        var hasBatch = batchValue.ValueKind == JsonValueKind.Object;
        if (!hasItem)
        {
            return hasBatch ? JsonObject.Create(batchValue.Clone()) : null;
        }

        var target = JsonObject.Create(itemValue.Clone())!;
        if (hasBatch)
        {
            AddMissing(target, batchValue);
        }

        return target;
    }

    private static void AddMissing(JsonObject target, JsonElement source)
    {
        foreach (var property in source.EnumerateObject())
        {
            if (!target.TryGetPropertyValue(property.Name, out var existing))
            {
                target[property.Name] = ToNode(property.Value);
            }
            else if (existing is JsonObject existingObject && property.Value.ValueKind == JsonValueKind.Object)
            {
                AddMissing(existingObject, property.Value);
            }
        }
    }

    private static JsonNode? ToNode(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(element.Clone()),
        JsonValueKind.Array => JsonArray.Create(element.Clone()),
        JsonValueKind.Null => null,
        _ => JsonValue.Create(element.Clone()),
    };
}
