using Segmentation.Grains.Segments;

namespace Segmentation.Silo.Segments;

/// <summary>
/// <c>GET /api/segments/{id}/history</c>: the segment's size at the end of each minute (the last 48 hours) or hour
/// (the last 90 days), oldest first, with the entries and exits during each.
/// </summary>
/// <param name="SegmentId">The segment's id.</param>
/// <param name="Resolution"><c>minute</c> or <c>hour</c>, as asked.</param>
/// <param name="Points">The size at the end of each bucket, oldest first.</param>
public sealed record SegmentHistoryResponse(string SegmentId, string Resolution, IReadOnlyList<SegmentSizePoint> Points);
