using Segmentation.Domain.Profiles;

namespace Segmentation.Domain.Views;

/// <summary>Order totals and the orders, oldest first.</summary>
public sealed record ProfilePurchasesView(
    int OrderCount,
    decimal TotalRevenue,
    decimal RefundedRevenue,
    decimal? AverageOrderValue,
    DateTimeOffset? FirstOrderAt,
    DateTimeOffset? LastOrderAt,
    IReadOnlyList<OrderSummary> Orders);
