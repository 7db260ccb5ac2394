using System.Text.Json;
using Segmentation.Grains.Segments;

namespace Segmentation.Silo.Segments;

/// <summary>A segment as the API shows it: its definition (the rule as text and in its JSON form) and live state.</summary>
/// <param name="Id">The segment's id, used in the paths and in <c>in_segment("id")</c>.</param>
/// <param name="Name">The name shown to marketers.</param>
/// <param name="Description">What the segment is for; null when not given.</param>
/// <param name="Rule">The rule as text.</param>
/// <param name="RuleJson">The same rule in its JSON form.</param>
/// <param name="Version">The current version of the definition, from 1; every save makes a new one.</param>
/// <param name="Starter">A starter segment that came with the product (editable and removable like any other).</param>
/// <param name="Count">Customers in the segment now.</param>
/// <param name="Entered">Entries since the segment was created.</param>
/// <param name="Left">Exits since the segment was created.</param>
/// <param name="Backfill">The evaluation of the current version over the customers that existed when it was saved.</param>
/// <param name="CreatedAt">When version 1 was saved.</param>
/// <param name="UpdatedAt">When the current version was saved.</param>
public sealed record SegmentResponse(
    string Id,
    string Name,
    string? Description,
    string Rule,
    JsonElement RuleJson,
    int Version,
    bool Starter,
    long Count,
    long Entered,
    long Left,
    SegmentBackfill Backfill,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static SegmentResponse From(SegmentInfo segment) => new(
        segment.Id,
        segment.Name,
        segment.Description,
        segment.Rule,
        SegmentRuleInput.ToJson(segment.Rule),
        segment.Version,
        segment.Starter,
        segment.Count,
        segment.Entered,
        segment.Left,
        segment.Backfill,
        segment.CreatedAt,
        segment.UpdatedAt);
}
