using System.Text.Json;
using System.Text.Json.Serialization;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Json;

/// <summary>The JSON form of <see cref="RuleExpression"/> inside any serialized object (e.g. an API request); shape errors become <see cref="JsonException"/>s.</summary>
internal sealed class RuleExpressionJsonConverter : JsonConverter<RuleExpression>
{
    public override RuleExpression Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        try
        {
            return RuleJsonReader.ReadExpression(document.RootElement, "$");
        }
        catch (SegmentRuleException exception)
        {
            throw new JsonException(exception.Message, exception);
        }
    }

    public override void Write(Utf8JsonWriter writer, RuleExpression value, JsonSerializerOptions options) =>
        RuleJsonWriter.Write(writer, value);
}
