using Segmentation.Grains;
using Segmentation.Grains.Segments;
using Segmentation.Runtime;
using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;

namespace Segmentation.Silo.Management;

/// <summary><c>GET /api/silo</c>: the silo's runtime figures (status, customers, activations, reminders, memory).</summary>
internal static class SiloStatsEndpoints
{
    /// <summary>Maps <c>/api/silo</c>; called by <see cref="ManagementApiExtensions.MapManagementEndpoints"/>.</summary>
    public static void MapSiloStatsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapManagementGroup("/api/silo", "Silo")
            .MapGet("/", GetStatsAsync)
            .WithName("GetSiloStats")
            .WithSummary("The silo's runtime figures")
            .WithDescription("Status, records still to replay after a restart (the silo serves while it catches up), customers known, resident activations, reminders held in memory, reminder firing lateness (p50, p99 and maximum since the silo became ready), managed heap and resident memory.");
    }

    public static async Task<SiloStatsResponse> GetStatsAsync(RuntimeSilo silo, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var customers = await Task.WhenAll(Shards.All.Select(shard => grains.GetGrain<CustomerRegistryGrain>(shard)
            .InvokeReadOnlyAsync(static g => g.CountAsync(), cancellationToken).AsTask()));
        return new SiloStatsResponse(
            silo.Status.ToString(),
            silo.RecordsToCatchUp,
            customers.Sum(static c => (long)c),
            silo.ActivationCount,
            silo.InMemoryReminderCount,
            ReminderLatenessResponse.From(silo.ReminderLateness),
            GC.GetGCMemoryInfo().HeapSizeBytes,
            Environment.WorkingSet);
    }
}
