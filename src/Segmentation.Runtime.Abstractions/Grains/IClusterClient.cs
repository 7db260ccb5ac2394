namespace Segmentation.Runtime;

/// <summary>
/// What hosts (the HTTP APIs, the dashboard) use to reach grains, like Orleans' <c>IClusterClient</c>:
/// grain references for calls, and durable appends for log-fed grains.
/// </summary>
public interface IClusterClient : IGrainFactory
{
    /// <summary>
    /// Appends messages for log-fed grains (<see cref="IDurableGrain"/>) to their partition logs. The task completes
    /// once all of them are durable (group commit, one atomic write for the whole list); they are applied after.
    /// </summary>
    /// <exception cref="UnknownGrainTypeException">A target's grain type is not registered.</exception>
    /// <exception cref="ArgumentException">A target grain is not log-fed.</exception>
    Task AppendAsync(IReadOnlyList<DurableMessage> messages, CancellationToken cancellationToken = default);
}
