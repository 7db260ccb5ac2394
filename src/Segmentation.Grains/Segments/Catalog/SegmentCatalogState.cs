namespace Segmentation.Grains.Segments;

/// <summary>
/// What the catalog keeps in grain storage: every definition with all its saved versions, the last version of each
/// deleted id (so an id created again goes on counting versions), whether the starters were seeded, and a revision
/// that grows with every change.
/// </summary>
internal sealed class SegmentCatalogState
{
    public bool Seeded { get; set; }

    public long Revision { get; set; }

    public List<StoredSegment> Segments { get; set; } = [];

    public Dictionary<string, int> RetiredVersions { get; set; } = new(StringComparer.Ordinal);
}
