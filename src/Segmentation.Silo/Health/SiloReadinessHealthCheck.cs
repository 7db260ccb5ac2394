using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;
using SiloStatus = Segmentation.Runtime.Hosting.SiloStatus;

namespace Segmentation.Silo.Health;

/// <summary>
/// Healthy only when the silo has recovered every partition (<see cref="SiloStatus.Ready"/>); its description is the
/// status, and while the silo still catches up on the records recovery read, how many are left
/// (<c>Ready, catching up: 1234 records to replay</c>).
/// </summary>
public sealed class SiloReadinessHealthCheck(RuntimeSilo silo) : IHealthCheck
{
    /// <summary>The name of the check in the health report.</summary>
    public const string Name = "silo";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = silo.Status;
        var result = status == SiloStatus.Ready
            ? HealthCheckResult.Healthy(Describe(silo.RecordsToCatchUp))
            : HealthCheckResult.Unhealthy(status.ToString());
        return Task.FromResult(result);
    }

    private static string Describe(long recordsToCatchUp) =>
        recordsToCatchUp == 0
            ? nameof(SiloStatus.Ready)
            : string.Create(CultureInfo.InvariantCulture, $"{nameof(SiloStatus.Ready)}, catching up: {recordsToCatchUp} records to replay");
}
