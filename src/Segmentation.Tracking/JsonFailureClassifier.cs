using System.Text.Json;

namespace Segmentation.Tracking;

/// <summary>
/// Explains why a body failed to parse: too deep or malformed. Runs only on the error path, so the happy path
/// parses once; it counts the nesting itself rather than reading the parser's exception text.
/// </summary>
internal static class JsonFailureClassifier
{
    public static TrackingRequestError Classify(ReadOnlySpan<byte> json, int maxDepth, JsonException parseFailure)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        var depth = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        depth++;
                        if (depth > maxDepth)
                        {
                            return new TrackingRequestError(
                                TrackingErrorCodes.JsonTooDeep,
                                $"The body nests objects and arrays deeper than the limit of {maxDepth} "
                                + $"(at byte {reader.TokenStartIndex + 1}).");
                        }

                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        depth--;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed before it got too deep: report the parser's position below.
        }

        var where = parseFailure.LineNumber is { } line && parseFailure.BytePositionInLine is { } column
            ? $" (line {line + 1}, byte {column + 1})"
            : string.Empty;
        return new TrackingRequestError(TrackingErrorCodes.MalformedJson, $"The body is not well-formed JSON{where}.");
    }
}
