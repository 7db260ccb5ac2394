using Segmentation.Segments.Evaluation;

namespace Segmentation.Grains.Segments;

/// <summary>
/// A saved segment as customer grains evaluate it: id, name, current version, the version its id was created
/// with (memberships of older versions belong to a deleted segment of the same id), and the compiled rule.
/// </summary>
public sealed record ActiveSegment(string Id, string Name, int Version, int FirstVersion, CompiledSegmentRule Rule);
