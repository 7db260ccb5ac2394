using System.Text.Encodings.Web;
using System.Text.Json;
using Segmentation.Segments.Checking;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Json;

/// <summary>
/// The JSON form of a rule for the API. Each node is an object whose <c>kind</c> names its type: expressions
/// <c>and</c>/<c>or</c> (<c>operands</c>), <c>not</c> (<c>operand</c>), <c>compare</c> (<c>subject</c>, <c>operator</c>
/// as the rule symbol, <c>value</c>), <c>in</c> (<c>values</c>), <c>text_match</c> (<c>match</c>, <c>text</c>),
/// <c>presence</c> (<c>exists</c>), <c>recency</c> (<c>recency</c>, <c>window</c>), <c>is_true</c>; operands
/// <c>attribute</c> (<c>name</c>), <c>trait</c> (<c>path</c>), <c>window</c> (<c>function</c>, <c>window</c>),
/// <c>count</c> and <c>sum</c> (<c>eventName</c>, <c>filter</c>, <c>property</c>, <c>window</c>), <c>in_segment</c>
/// (<c>segmentId</c>), <c>property</c> (<c>name</c>). Values are JSON strings, numbers and booleans; windows are
/// rule text (<c>"30d"</c>). Reading rejects unknown fields and checks the rule like the parser does.
/// </summary>
public static class SegmentRuleJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(RuleExpression rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            RuleJsonWriter.Write(writer, rule);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads and checks a rule.</summary>
    /// <exception cref="SegmentRuleException">The JSON is not a rule (the message names the JSON path), or the rule is invalid.</exception>
    public static RuleExpression Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new SegmentRuleException(
                new SegmentRuleError(SegmentRuleErrorCode.MalformedTree, null, null, $"malformed rule JSON: {exception.Message}"),
                exception);
        }

        using (document)
        {
            var rule = RuleJsonReader.ReadExpression(document.RootElement, "$");
            SegmentRuleChecker.Check(rule);
            return rule;
        }
    }
}
