using Segmentation.Grains;
using Segmentation.Runtime;

namespace Segmentation.Silo.Dashboard.Live;

/// <summary>
/// The host's <see cref="IClusterClient"/> with a count of the tracking events it made durable: every accepted
/// tracking call reaches its customer through one append of the host (<c>CustomerDirectory.AppendAsync</c>).
/// Everything else passes through unchanged.
/// </summary>
internal sealed class CountingClusterClient(IClusterClient inner, TrackedEventCounter counter) : IClusterClient
{
    public GrainReference<TGrain> GetGrain<TGrain>(string key)
        where TGrain : Grain => inner.GetGrain<TGrain>(key);

    public Task InvokeEachAsync<TGrain, TState>(
        IReadOnlyList<string> keys, TState state, Func<TGrain, int, TState, ValueTask> call, CancellationToken cancellationToken = default)
        where TGrain : Grain => inner.InvokeEachAsync(keys, state, call, cancellationToken);

    public async Task AppendAsync(IReadOnlyList<DurableMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await inner.AppendAsync(messages, cancellationToken).ConfigureAwait(false);
        var tracking = 0;
        foreach (var message in messages)
        {
            if (message.Kind == RecordKinds.Tracking)
            {
                tracking++;
            }
        }

        counter.Add(tracking);
    }
}
