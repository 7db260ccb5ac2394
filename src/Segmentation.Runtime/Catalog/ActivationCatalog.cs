using System.Collections.Concurrent;
using Segmentation.Runtime.Scheduler;

namespace Segmentation.Runtime.Catalog;

/// <summary>The live activations of this silo, by grain id; creates one on the first call.</summary>
internal sealed class ActivationCatalog(SiloRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, Activation> _activations = new();

    public int Count => _activations.Count;

    /// <summary>
    /// Queues a turn on the grain's activation, creating it when there is none; with <paramref name="touch"/> false the
    /// call does not count as a use of a resident activation for idle collection.
    /// </summary>
    public void Dispatch(GrainId grainId, WorkItem item, bool touch = true) => DispatchCore(grainId, item, touch);

    /// <summary>Hands the grain's records recovery has not applied yet to its activation, creating it when there is none.</summary>
    public void DispatchBacklog(GrainId grainId) => DispatchCore(grainId, null, touch: false);

    private void DispatchCore(GrainId grainId, WorkItem? item, bool touch)
    {
        while (true)
        {
            var activation = _activations.GetOrAdd(grainId, static (id, self) => self.Create(id), this);
            if (item is null ? activation.TryTakeBacklog() : activation.TryEnqueue(item, touch))
            {
                return;
            }

            // It was collected between lookup and enqueue: drop the stale entry and look again.
            _activations.TryRemove(new KeyValuePair<GrainId, Activation>(grainId, activation));
        }
    }

    /// <summary>The grain's activation when there is one.</summary>
    public Activation? Find(GrainId grainId) => _activations.GetValueOrDefault(grainId);

    public void Remove(Activation activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, Activation>(activation.GrainId, activation));

    public Activation[] Snapshot() => [.. _activations.Values];

    private Activation Create(GrainId grainId) =>
        new(runtime, grainId, runtime.Registry.Get(grainId.Type));
}
