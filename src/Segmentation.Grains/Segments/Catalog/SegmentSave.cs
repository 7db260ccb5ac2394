namespace Segmentation.Grains.Segments;

/// <summary>The outcome of an update: the definition now, and whether a new version was saved (false when nothing changed).</summary>
public sealed record SegmentSave(SegmentDefinition Definition, bool NewVersion);
