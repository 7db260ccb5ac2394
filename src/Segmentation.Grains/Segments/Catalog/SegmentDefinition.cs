namespace Segmentation.Grains.Segments;

/// <summary>The current version of a saved segment definition; <see cref="Rule"/> is the canonical (printed) text.</summary>
public sealed record SegmentDefinition(
    string Id,
    string Name,
    string? Description,
    string Rule,
    int Version,
    bool Starter,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
