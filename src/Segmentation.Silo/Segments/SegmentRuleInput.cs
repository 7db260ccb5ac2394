using System.Text.Json;
using Segmentation.Segments;
using Segmentation.Segments.Json;
using Segmentation.Segments.Parsing;
using Segmentation.Segments.Printing;

namespace Segmentation.Silo.Segments;

/// <summary>A rule in a request body: as text in <c>rule</c> or in its JSON form in <c>ruleJson</c>, exactly one of them.</summary>
internal static class SegmentRuleInput
{
    public const string TextField = "rule";
    public const string JsonField = "ruleJson";

    /// <summary>The longest rule text accepted, in characters.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>
    /// Records in <paramref name="errors"/> a missing or overlong rule, or one given both ways. An empty rule is left to
    /// the parser, which says so with a line and column.
    /// </summary>
    public static void Check(string? text, JsonElement? json, IDictionary<string, string[]> errors)
    {
        if (text is not null && json is not null)
        {
            errors[TextField] = ["Give the rule either as text in 'rule' or in its JSON form in 'ruleJson', not both."];
        }
        else if (text is null && json is null)
        {
            errors[TextField] = ["A rule is required: give it as text in 'rule' (e.g. \"orders_count(30d) > 3\") or in its JSON form in 'ruleJson'."];
        }
        else if (text is { Length: > MaxTextLength })
        {
            errors[TextField] = [$"A rule is at most {MaxTextLength} characters; got {text.Length}."];
        }
    }

    /// <summary>The rule as text: <paramref name="text"/> as given, or the JSON form read, checked and printed.</summary>
    /// <exception cref="SegmentRuleException">The JSON form is not a valid rule.</exception>
    public static string ToText(string? text, JsonElement? json) =>
        text ?? SegmentRulePrinter.Print(SegmentRuleJson.Deserialize(json!.Value.GetRawText()));

    /// <summary>The JSON form of a saved rule's text.</summary>
    public static JsonElement ToJson(string text)
    {
        using var document = JsonDocument.Parse(SegmentRuleJson.Serialize(SegmentRuleParser.ParseSyntax(text)));
        return document.RootElement.Clone();
    }
}
