using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpLogging;

namespace Segmentation.Silo.Health;

/// <summary>The liveness and readiness endpoints, for load balancers and orchestrators. Not logged per request.</summary>
public static class HealthEndpointRouteBuilderExtensions
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>
    /// <c>/health/live</c>: 200 while the process runs (no checks). <c>/health/ready</c>: 200 when every check
    /// tagged <see cref="HealthTags.Ready"/> passes (the silo has recovered), else 503 with the statuses.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions
        {
            Predicate = static _ => false,
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).WithHttpLogging(HttpLoggingFields.None);
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = static registration => registration.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).WithHttpLogging(HttpLoggingFields.None);
        return endpoints;
    }
}
