using Segmentation.Domain.Views;
using Segmentation.Grains.Customers;
using Segmentation.Grains.Segments;
using Segmentation.Silo.Sends;

namespace Segmentation.Silo.Management;

/// <summary>
/// <c>GET /api/customers/{id}</c>: the customer the id resolved to, its whole profile and the segments it is in. An
/// anonymous id merged into a known customer resolves to that customer.
/// </summary>
/// <param name="CustomerId">The customer whose profile this is.</param>
/// <param name="ResolvedFrom">The requested id when it was merged into <paramref name="CustomerId"/>; null when it is that customer.</param>
/// <param name="Profile">The live profile at the time of the request.</param>
/// <param name="Segments">The segments the customer is in now, with when it entered each.</param>
/// <param name="NextSegmentChangeAt">When the customer's segments are next evaluated by time alone: the earliest instant a time-window condition can change one of its memberships with no new event; null when none can.</param>
/// <param name="PendingTriggers">The customer's trigger occurrences waiting for their time (trigger, due time, occurrence key, whether quiet hours deferred it), earliest first.</param>
/// <param name="Sends">The customer's sends, newest first (the latest <c>CustomerEndpoints.MaxCustomerSends</c>), with attempts and skip reasons.</param>
public sealed record CustomerResponse(
    string CustomerId,
    string? ResolvedFrom,
    CustomerProfileView Profile,
    IReadOnlyList<CustomerSegmentMembership> Segments,
    DateTimeOffset? NextSegmentChangeAt,
    IReadOnlyList<PendingTrigger> PendingTriggers,
    IReadOnlyList<SendResponse> Sends);
