using System.ComponentModel;
using System.Text.Json;
using Segmentation.Grains.Segments;

namespace Segmentation.Silo.Segments;

/// <summary>
/// The body of <c>POST /api/segments</c> and <c>PUT /api/segments/{id}</c>: a name and a rule, given as text in
/// <c>rule</c> or in its JSON form in <c>ruleJson</c> (exactly one). Unknown fields are refused. The directory checks
/// the id and the name (<see cref="SegmentIds"/>) as it checks the rule: a bad one is a 400 of code
/// <c>invalid_definition</c>.
/// </summary>
public sealed record SegmentRequest(
    [property: Description("The name shown to marketers, at most 200 characters.")]
    string Name,
    [property: Description("On create: the segment's id, 1 to 64 lower-case letters, digits, '-' and '_'; made from the name when absent. On update: absent or the id of the path.")]
    string? Id = null,
    [property: Description("The rule as text, e.g. \"orders_count(30d) > 3 and avg_order_value > 100\" (docs/segment-rules.md).")]
    string? Rule = null,
    JsonElement? RuleJson = null,
    [property: Description("What the segment is for, at most 2000 characters.")]
    string? Description = null)
{
    public const int MaxDescriptionLength = 2_000;

    private static readonly string[] Fields = ["id", "name", SegmentRuleInput.TextField, SegmentRuleInput.JsonField, "description"];

    /// <summary>Reads the request from <paramref name="body"/>; null (with the problems in its errors) when it is not one.</summary>
    internal static SegmentRequest? Read(JsonRequestBody body)
    {
        body.RefuseUnknownFields(Fields);
        var id = body.String("id");
        var name = body.String("name");
        var rule = body.String(SegmentRuleInput.TextField);
        var ruleJson = body.Value(SegmentRuleInput.JsonField);
        var description = body.String("description");
        var errors = body.Errors;
        if (name is null && !errors.ContainsKey("name"))
        {
            errors["name"] = ["A name is required."];
        }

        if (description is { Length: > MaxDescriptionLength })
        {
            errors["description"] = [$"A description is at most {MaxDescriptionLength} characters; got {description.Length}."];
        }

        if (!errors.ContainsKey(SegmentRuleInput.TextField))
        {
            SegmentRuleInput.Check(rule, ruleJson, errors);
        }

        return errors.Count == 0 ? new SegmentRequest(name!, id, rule, ruleJson, description) : null;
    }

    /// <summary>The draft to save (the directory checks the id and the name).</summary>
    /// <exception cref="Segmentation.Segments.SegmentRuleException">The JSON form is not a valid rule.</exception>
    internal SegmentDraft ToDraft() => new(Id, Name, SegmentRuleInput.ToText(Rule, RuleJson), Description);
}
