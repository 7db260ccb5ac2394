using Segmentation.Domain.Lifecycle;

namespace Segmentation.Silo.Management;

/// <summary>One customer found by <c>GET /api/customers?query=</c>.</summary>
/// <param name="CustomerId">The customer (a known id, or an anonymous one that was not merged).</param>
/// <param name="Email">The email trait, as the customer gave it.</param>
/// <param name="FirstName">The first name trait.</param>
/// <param name="LastName">The last name trait.</param>
/// <param name="LifecycleStage">The lifecycle stage now.</param>
/// <param name="OrderCount">Placed orders that are not cancelled.</param>
/// <param name="TotalRevenue">Net revenue of those orders, after refunds.</param>
/// <param name="LastActivityAt">The customer's last activity.</param>
public sealed record CustomerSummary(
    string CustomerId,
    string? Email,
    string? FirstName,
    string? LastName,
    LifecycleStage LifecycleStage,
    int OrderCount,
    decimal TotalRevenue,
    DateTimeOffset? LastActivityAt);
