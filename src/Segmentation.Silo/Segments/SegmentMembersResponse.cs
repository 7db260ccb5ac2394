using Segmentation.Grains.Segments;

namespace Segmentation.Silo.Segments;

/// <summary><c>GET /api/segments/{id}/members</c>: one page of the members, sorted by customer id (ordinal).</summary>
/// <param name="SegmentId">The segment's id.</param>
/// <param name="Total">Members of the segment now (all pages).</param>
/// <param name="Members">The members of this page, each with when it entered.</param>
/// <param name="Next">The opaque cursor of the next page, to pass as <c>cursor</c>; null on the last page.</param>
/// <param name="NextLink">The path and query of the next page; null on the last page.</param>
public sealed record SegmentMembersResponse(
    string SegmentId,
    long Total,
    IReadOnlyList<SegmentMember> Members,
    string? Next,
    string? NextLink);
