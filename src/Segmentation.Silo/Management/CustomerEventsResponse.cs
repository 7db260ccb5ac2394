namespace Segmentation.Silo.Management;

/// <summary><c>GET /api/customers/{id}/events</c>: one page of the customer's timeline, newest first.</summary>
/// <param name="CustomerId">The customer whose timeline this is (the requested id, or the customer it was merged into).</param>
/// <param name="ResolvedFrom">The requested id when it was merged into <paramref name="CustomerId"/>; null otherwise.</param>
/// <param name="Events">The events of this page: the customer's own and those of the anonymous ids merged into it.</param>
/// <param name="Next">The opaque cursor of the next page, to pass as <c>before</c>; null on the last page.</param>
/// <param name="NextLink">The path and query of the next page; null on the last page.</param>
public sealed record CustomerEventsResponse(
    string CustomerId,
    string? ResolvedFrom,
    IReadOnlyList<CustomerEvent> Events,
    string? Next,
    string? NextLink);
