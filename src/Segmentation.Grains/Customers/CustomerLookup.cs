using Segmentation.Domain.Views;
using Segmentation.Grains.Segments;

namespace Segmentation.Grains.Customers;

/// <summary>
/// What a customer grain answers about itself: its profile and the segments it is in (by segment id; none for a
/// merged-away or unknown customer), or where its history was merged to.
/// </summary>
/// <param name="CustomerId">The grain's id.</param>
/// <param name="Exists">Whether any event was applied to this id.</param>
/// <param name="MergedInto">The known customer this anonymous id was merged into; null when it was not.</param>
/// <param name="Profile">The profile as of now; null for an unknown id.</param>
/// <param name="Segments">The segments the customer is in now.</param>
/// <param name="NextSegmentChangeAt">When the customer's segments reminder fires: the earliest instant a time-window
/// condition can change one of its memberships with no new event, where it evaluates its segments again; null when no
/// membership can change by time alone.</param>
public sealed record CustomerLookup(
    string CustomerId,
    bool Exists,
    string? MergedInto,
    CustomerProfileView? Profile,
    IReadOnlyList<CustomerSegmentMembership> Segments,
    DateTimeOffset? NextSegmentChangeAt);
