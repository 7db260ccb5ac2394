namespace Segmentation.Domain.Profiles;

/// <summary>A category seen in Product Viewed or Product List Viewed events within the window retention.</summary>
public sealed record ViewedCategory(string Category, int ViewCount, DateTimeOffset LastViewedAt);
