using System.Text.Json.Serialization;

namespace Segmentation.Grains.Segments;

/// <summary>One segment of the catalog: its identity and every saved version, oldest first.</summary>
internal sealed class StoredSegment
{
    public required string Id { get; set; }

    public bool Starter { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The version this id was created with (after a delete and a new create, versions go on counting).</summary>
    public int FirstVersion { get; set; } = 1;

    public List<SegmentVersionRecord> Versions { get; set; } = [];

    [JsonIgnore]
    public SegmentVersionRecord Current => Versions[^1];

    public SegmentDefinition ToDefinition() =>
        new(Id, Current.Name, Current.Description, Current.Rule, Current.Version, Starter, CreatedAt, Current.SavedAt);
}
