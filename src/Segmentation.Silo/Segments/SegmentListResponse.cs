namespace Segmentation.Silo.Segments;

/// <summary><c>GET /api/segments</c>: every segment, starters included.</summary>
public sealed record SegmentListResponse(IReadOnlyList<SegmentResponse> Segments);
