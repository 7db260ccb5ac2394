namespace Segmentation.Domain.Profiles;

/// <summary>Activity within one rolling window at an instant.</summary>
/// <remarks>
/// <para><c>ProductViews</c>: Product Viewed events.</para>
/// <para><c>CartAdds</c>: Product Added events.</para>
/// <para><c>Orders</c>: Completed orders placed in the window and not cancelled.</para>
/// <para><c>Revenue</c>: Net amount of those orders (after refunds).</para>
/// </remarks>
public sealed record WindowTotals(RollingWindow Window, DateTimeOffset AsOf, int ProductViews, int CartAdds, int Orders, decimal Revenue);
