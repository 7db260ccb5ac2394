using Segmentation.Segments.Catalog;

namespace Segmentation.Grains.Segments;

/// <summary>
/// The segments a new catalog starts with, from the source articles: recent buyers, abandoned carts, high-value,
/// lapsed, VIP and new customers, and one segment per named RFM cell. Seeded once; marketers edit or remove them.
/// </summary>
public static class StarterSegments
{
    public static IReadOnlyList<SegmentDraft> All { get; } =
    [
        new(null, "Recent Buyers", "orders_count(7d) > 0", "Placed an order in the last 7 days."),
        new(
            null,
            "Abandoned Cart",
            "not cart.empty and cart.updated_at before 1h",
            "Items in the cart, untouched for an hour, no order since (an order empties the cart)."),
        new(null, "High-Value", "total_revenue >= 500 or avg_order_value >= 150", "Net revenue of 500 or more, or an average order of 150 or more."),
        new(
            null,
            "Lapsed",
            "last_activity_at before 60d or lifecycle = \"lapsed\"",
            "No activity for 60 days, or lapsed by the configured lifecycle thresholds."),
        new(null, "VIP", "lifecycle = \"vip\"", "The VIP lifecycle stage: revenue above the VIP threshold, or an RFM Champion."),
        new(
            null,
            "New Customers",
            "first_order_at within 30d or lifecycle = \"new\"",
            "First order in the last 30 days, or the new lifecycle stage."),
        .. AttributeCatalog.RfmCellValues.Select(static cell => new SegmentDraft(
            null, $"RFM {cell}", $"rfm.cell = \"{cell}\"", $"The RFM cell {cell} of the recency x frequency grid.")),
    ];
}
