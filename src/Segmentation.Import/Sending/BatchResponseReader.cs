using System.Text.Json;

namespace Segmentation.Import.Sending;

/// <summary>
/// Reads what the tracking API says about a batch, leniently: a 2xx body may list rejected items (an array named
/// <c>rejections</c>, <c>rejected</c> or <c>errors</c>, each item with an optional <c>index</c> and a <c>code</c>);
/// an error body may carry a code as <c>{"error":"code"}</c>, <c>{"error":{"code":"..."}}</c> or <c>{"code":"..."}</c>.
/// Anything else reads as "no item rejections" and "no code".
/// </summary>
internal static class BatchResponseReader
{
    private static readonly string[] RejectionArrays = ["rejections", "rejected", "errors"];

    public static IReadOnlyList<(int? Index, string Code)> ReadItemRejections(string? body)
    {
        if (Parse(body) is not { } root)
        {
            return [];
        }

        foreach (var name in RejectionArrays)
        {
            if (TryGet(root, name, out var array) && array.ValueKind == JsonValueKind.Array)
            {
                return array.EnumerateArray().Select(item => (Index(item), Code(item) ?? "rejected")).ToList();
            }
        }

        return [];
    }

    public static string? ReadErrorCode(string? body)
    {
        if (Parse(body) is not { } root)
        {
            return null;
        }

        if (TryGet(root, "error", out var error))
        {
            return error.ValueKind == JsonValueKind.String ? error.GetString() : Code(error);
        }

        return Code(root);
    }

    private static JsonElement? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int? Index(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && TryGet(item, "index", out var index) && index.TryGetInt32(out var value) ? value : null;

    private static string? Code(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && TryGet(item, "code", out var code) && code.ValueKind == JsonValueKind.String
            ? code.GetString()
            : null;

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
