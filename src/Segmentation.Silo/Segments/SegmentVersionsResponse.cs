using Segmentation.Grains.Segments;

namespace Segmentation.Silo.Segments;

/// <summary><c>GET /api/segments/{id}/versions</c>: every saved version of the definition, oldest first.</summary>
public sealed record SegmentVersionsResponse(string SegmentId, IReadOnlyList<SegmentVersionRecord> Versions);
