using Segmentation.Domain.Views;
using Segmentation.Grains.Segments;

namespace Segmentation.Grains.Customers;

/// <summary>
/// What a customer grain answers about itself: its profile and the segments it is in (by segment id; none for a
/// merged-away or unknown customer), or where its history was merged to.
/// </summary>
public sealed record CustomerLookup(
    string CustomerId, bool Exists, string? MergedInto, CustomerProfileView? Profile, IReadOnlyList<CustomerSegmentMembership> Segments);
