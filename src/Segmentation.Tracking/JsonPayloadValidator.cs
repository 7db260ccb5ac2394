using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Segmentation.Tracking;

/// <summary>
/// Finds what the JSON reader lets through but the JSON object model (<see cref="System.Text.Json.Nodes.JsonObject"/>)
/// throws on when first read: an object with a repeated property name, and a string with an undecodable escape
/// (a lone UTF-16 surrogate). Accepting either would put a message in the log that fails on every replay.
/// </summary>
internal static class JsonPayloadValidator
{
    private const int PairwiseLimit = 32;

    public static PayloadProblem? FindProblem(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return CheckObject(element);
            case JsonValueKind.Array:
                var index = 0;
                foreach (var child in element.EnumerateArray())
                {
                    if (FindProblem(child) is { } problem)
                    {
                        return problem with { RelativePath = $"[{index}]{problem.RelativePath}" };
                    }

                    index++;
                }

                return null;
            case JsonValueKind.String:
                return HasUndecodableEscape(element) ? InvalidString() : null;
            default:
                return null;
        }
    }

    private static PayloadProblem? CheckObject(JsonElement element)
    {
        var pool = ArrayPool<JsonProperty>.Shared;
        var properties = pool.Rent(16);
        var count = 0;
        try
        {
            foreach (var property in element.EnumerateObject())
            {
                if (count == properties.Length)
                {
                    var larger = pool.Rent(count * 2);
                    Array.Copy(properties, larger, count);
                    pool.Return(properties, clearArray: true);
                    properties = larger;
                }

                properties[count++] = property;
            }

            if (FindNameProblem(JsonMarshal.GetRawUtf8Value(element), properties.AsSpan(0, count)) is { } nameProblem)
            {
                return nameProblem;
            }

            for (var i = 0; i < count; i++)
            {
                var value = properties[i].Value;
                if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.String
                    && FindProblem(value) is { } problem)
                {
                    return problem with { RelativePath = $".{properties[i].Name}{problem.RelativePath}" };
                }
            }

            return null;
        }
        finally
        {
            pool.Return(properties, clearArray: true);
        }
    }

    private static PayloadProblem? FindNameProblem(ReadOnlySpan<byte> objectJson, ReadOnlySpan<JsonProperty> properties)
    {
        var usePairwise = properties.Length <= PairwiseLimit;
        Span<Range> names = stackalloc Range[usePairwise ? properties.Length : 0];
        for (var i = 0; i < properties.Length; i++)
        {
            if (JsonRawNames.TryGetPlainName(objectJson, properties[i], out var name))
            {
                if (usePairwise)
                {
                    objectJson.Overlaps(name, out var offset);
                    names[i] = new Range(offset, offset + name.Length);
                }
            }
            else
            {
                usePairwise = false;
                if (!CanDecodeName(properties[i]))
                {
                    return InvalidString();
                }
            }
        }

        if (!usePairwise)
        {
            var seen = new HashSet<string>(properties.Length, StringComparer.Ordinal);
            foreach (var property in properties)
            {
                if (!seen.Add(property.Name))
                {
                    return Duplicate(property.Name);
                }
            }

            return null;
        }

        for (var i = 1; i < names.Length; i++)
        {
            var name = objectJson[names[i]];
            for (var j = 0; j < i; j++)
            {
                if (name.SequenceEqual(objectJson[names[j]]))
                {
                    return Duplicate(properties[i].Name);
                }
            }
        }

        return null;
    }

    private static bool HasUndecodableEscape(JsonElement text)
    {
        if (JsonMarshal.GetRawUtf8Value(text).IndexOf((byte)'\\') < 0)
        {
            return false;
        }

        try
        {
            _ = text.GetString();
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static bool CanDecodeName(JsonProperty property)
    {
        try
        {
            _ = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static PayloadProblem Duplicate(string name) =>
        new(TrackingErrorCodes.DuplicateProperty, $"The object has the property \"{name}\" more than once.", string.Empty);

    private static PayloadProblem InvalidString() =>
        new(TrackingErrorCodes.InvalidString, "A string holds an escape that is not valid UTF-16 (a lone surrogate).", string.Empty);
}
