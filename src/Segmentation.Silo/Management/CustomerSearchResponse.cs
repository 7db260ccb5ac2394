namespace Segmentation.Silo.Management;

/// <summary><c>GET /api/customers?query=</c>: the customers whose id or email is the query (case-insensitive email).</summary>
public sealed record CustomerSearchResponse(IReadOnlyList<CustomerSummary> Customers);
