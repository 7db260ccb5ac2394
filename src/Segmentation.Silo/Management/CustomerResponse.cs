using Segmentation.Domain.Views;

namespace Segmentation.Silo.Management;

/// <summary>
/// <c>GET /api/customers/{id}</c>: the customer the id resolved to and its whole profile. An anonymous id merged
/// into a known customer resolves to that customer.
/// </summary>
/// <param name="CustomerId">The customer whose profile this is.</param>
/// <param name="ResolvedFrom">The requested id when it was merged into <paramref name="CustomerId"/>; null when it is that customer.</param>
/// <param name="Profile">The live profile at the time of the request.</param>
public sealed record CustomerResponse(string CustomerId, string? ResolvedFrom, CustomerProfileView Profile);
