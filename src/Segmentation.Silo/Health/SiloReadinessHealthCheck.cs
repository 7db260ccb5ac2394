using Microsoft.Extensions.Diagnostics.HealthChecks;
using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;
using SiloStatus = Segmentation.Runtime.Hosting.SiloStatus;

namespace Segmentation.Silo.Health;

/// <summary>Healthy only when the silo has recovered every partition (<see cref="SiloStatus.Ready"/>); its description is the status.</summary>
public sealed class SiloReadinessHealthCheck(RuntimeSilo silo) : IHealthCheck
{
    /// <summary>The name of the check in the health report.</summary>
    public const string Name = "silo";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = silo.Status;
        var result = status == SiloStatus.Ready
            ? HealthCheckResult.Healthy(status.ToString())
            : HealthCheckResult.Unhealthy(status.ToString());
        return Task.FromResult(result);
    }
}
