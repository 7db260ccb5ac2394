using Segmentation.Domain.Views;

namespace Segmentation.Grains.Customers;

/// <summary>What a customer grain answers about itself: its profile, or where its history was merged to.</summary>
public sealed record CustomerLookup(string CustomerId, bool Exists, string? MergedInto, CustomerProfileView? Profile);
