using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Segmentation.Silo.Segments;

/// <summary>
/// The JSON object body of a request, read field by field. Each problem (a field of the wrong type, an unknown field)
/// is recorded under the field's name, so that one 400 names them all.
/// </summary>
internal sealed class JsonRequestBody
{
    // Rules in their JSON form nest deeper than the reader's default of 64 (a rule nests up to 64 groups).
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    private readonly JsonElement _root;

    private JsonRequestBody(JsonElement root) => _root = root;

    /// <summary>The whole body (a JSON object).</summary>
    public JsonElement Root => _root;

    /// <summary>The problems found so far, by field name.</summary>
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads the body: a JSON object, or a 415 (no JSON content type) or 400 (not a JSON object) answer.</summary>
    public static async Task<(JsonRequestBody? Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, SegmentProblems.UnsupportedMediaType());
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, Options, cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (new JsonRequestBody(document.RootElement.Clone()), null)
                : (null, SegmentProblems.InvalidRequest("body", $"The body must be a JSON object; got {Describe(document.RootElement.ValueKind)}."));
        }
        catch (JsonException exception)
        {
            return (null, SegmentProblems.InvalidRequest("body", $"The body is not valid JSON: {exception.Message}"));
        }
    }

    /// <summary>
    /// Reads the body and parses it with <paramref name="read"/> (which records what it refuses in <see cref="Errors"/>):
    /// the request, or the 415 or 400 answer naming every problem.
    /// </summary>
    public static async Task<(T? Request, ProblemHttpResult? Problem)> ReadAsync<T>(
        HttpRequest request, Func<JsonRequestBody, T?> read, CancellationToken cancellationToken)
        where T : class
    {
        var (body, problem) = await ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        var parsed = read(body!);
        return parsed is null || body!.Errors.Count > 0 ? (null, SegmentProblems.InvalidRequest(body!.Errors)) : (parsed, null);
    }

    /// <summary>A string field; null when absent or null.</summary>
    public string? String(string name)
    {
        var value = Value(name);
        if (value is { ValueKind: not JsonValueKind.String })
        {
            Errors[name] = [$"'{name}' must be a string; got {Describe(value.Value.ValueKind)}."];
            return null;
        }

        return value?.GetString();
    }

    /// <summary>A whole-number field; null when absent or null.</summary>
    public int? Integer(string name)
    {
        var value = Value(name);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind == JsonValueKind.Number && value.Value.TryGetInt32(out var number))
        {
            return number;
        }

        Errors[name] = [$"'{name}' must be a whole number; got {(value.Value.ValueKind == JsonValueKind.Number ? value.Value.GetRawText() : Describe(value.Value.ValueKind))}."];
        return null;
    }

    /// <summary>A field of any JSON type; null when absent or null.</summary>
    public JsonElement? Value(string name) =>
        _root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>Records every field that is not one of <paramref name="known"/> (names are case-sensitive).</summary>
    public void RefuseUnknownFields(params string[] known)
    {
        foreach (var property in _root.EnumerateObject())
        {
            if (known.Contains(property.Name, StringComparer.Ordinal))
            {
                continue;
            }

            var close = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
            Errors[property.Name] = [close is null
                ? $"Unknown field '{property.Name}'; the body takes {string.Join(", ", known.Select(static k => $"'{k}'"))}."
                : $"Unknown field '{property.Name}'; did you mean '{close}'? Field names are case-sensitive."];
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
