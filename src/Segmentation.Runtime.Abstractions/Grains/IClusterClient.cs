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

    /// <summary>
    /// Runs <paramref name="call"/> as a turn of each grain of type <typeparamref name="TGrain"/> named in
    /// <paramref name="keys"/>, with the key's index and <paramref name="state"/> (where calls put their answers), and
    /// completes once every call has run: for reads over many grains at once (backfills, previews). A grain that is
    /// active with nothing queued or running takes its turn at once on the calling thread, which costs no queueing and
    /// no allocation; the others queue it, activating the grain when needed. The calls do not count as uses of the
    /// grains for idle collection.
    /// </summary>
    /// <exception cref="TimeoutException">Some call had not run within the response timeout.</exception>
    /// <exception cref="UnknownGrainTypeException">The grain class was not registered with the silo.</exception>
    /// <remarks>The first exception a call throws fails the whole task, once every call has run.</remarks>
    Task InvokeEachAsync<TGrain, TState>(
        IReadOnlyList<string> keys, TState state, Func<TGrain, int, TState, ValueTask> call, CancellationToken cancellationToken = default)
        where TGrain : Grain;
}
