using System.ComponentModel;
using System.Text.Json;

namespace Segmentation.Silo.Segments;

/// <summary>
/// The body of <c>POST /api/segments/preview</c>: an unsaved rule, as text in <c>rule</c> or in its JSON form in
/// <c>ruleJson</c> (exactly one), and how many members to show. Unknown fields are refused.
/// </summary>
public sealed record SegmentPreviewRequest(
    [property: Description("The rule as text, e.g. \"views(7d) > 0 and orders_count(7d) = 0\".")]
    string? Rule = null,
    JsonElement? RuleJson = null,
    [property: Description("How many member ids to return, 0 to 100; 20 when not given.")]
    int? SampleSize = null)
{
    public const int DefaultSampleSize = 20;
    public const int MaxSampleSize = 100;

    private const string SampleSizeField = "sampleSize";

    private static readonly string[] Fields = [SegmentRuleInput.TextField, SegmentRuleInput.JsonField, SampleSizeField];

    /// <summary>The sample size asked for, or the default.</summary>
    internal int SampleSizeOrDefault => SampleSize ?? DefaultSampleSize;

    /// <summary>Reads the request from <paramref name="body"/>; null (with the problems in its errors) when it is not one.</summary>
    internal static SegmentPreviewRequest? Read(JsonRequestBody body)
    {
        body.RefuseUnknownFields(Fields);
        var rule = body.String(SegmentRuleInput.TextField);
        var ruleJson = body.Value(SegmentRuleInput.JsonField);
        var sampleSize = body.Integer(SampleSizeField);
        var errors = body.Errors;
        if (sampleSize is < 0 or > MaxSampleSize)
        {
            errors[SampleSizeField] = [$"'sampleSize' must be from 0 to {MaxSampleSize}; got {sampleSize}."];
        }

        if (!errors.ContainsKey(SegmentRuleInput.TextField))
        {
            SegmentRuleInput.Check(rule, ruleJson, errors);
        }

        return errors.Count == 0 ? new SegmentPreviewRequest(rule, ruleJson, sampleSize) : null;
    }

    /// <summary>The rule as text.</summary>
    /// <exception cref="Segmentation.Segments.SegmentRuleException">The JSON form is not a valid rule.</exception>
    internal string RuleText() => SegmentRuleInput.ToText(Rule, RuleJson);
}
