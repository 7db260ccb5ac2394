namespace Segmentation.Domain.Profiles;

/// <summary>The timelines behind the rolling windows (see <see cref="CustomerProfile.CountInWindow"/>).</summary>
public enum WindowSeries
{
    /// <summary>Product Viewed events.</summary>
    ProductViews,

    /// <summary>Product Added events.</summary>
    CartAdds,

    /// <summary>Completed orders that count (not cancelled), at their placement time, with their net amount.</summary>
    Orders,
}
