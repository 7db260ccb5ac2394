using System.ComponentModel.DataAnnotations;
using Segmentation.Grains.Segments;

namespace Segmentation.Silo.Dashboard.Components.Pages.Segments;

/// <summary>What the segment form edits; the rule is checked by the rule editor and again when saved.</summary>
public sealed class SegmentForm
{
    [Required(ErrorMessage = "Give the segment a name.")]
    [StringLength(200, ErrorMessage = "A name is at most 200 characters.")]
    public string Name { get; set; } = string.Empty;

    [StringLength(2000, ErrorMessage = "A description is at most 2,000 characters.")]
    public string? Description { get; set; }

    public string Rule { get; set; } = string.Empty;

    public static SegmentForm From(SegmentInfo segment) =>
        new() { Name = segment.Name, Description = segment.Description, Rule = segment.Rule };

    public SegmentDraft ToDraft() =>
        new(null, Name.Trim(), Rule, string.IsNullOrWhiteSpace(Description) ? null : Description.Trim());
}
