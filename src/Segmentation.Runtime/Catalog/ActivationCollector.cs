using Segmentation.Runtime.Hosting;

namespace Segmentation.Runtime.Catalog;

/// <summary>
/// Collects idle activations: those unused for longer than the collection age, and, past the activation cap,
/// the least recently used idle ones. A busy activation or one with queued calls is never collected.
/// </summary>
internal sealed class ActivationCollector(SiloRuntime runtime)
{
    /// <summary>One collection pass; returns the activations it started to collect.</summary>
    public List<Activation> CollectOnce()
    {
        var options = runtime.Options;
        var now = runtime.TimeProvider.GetTimestamp();
        var activations = runtime.Catalog.Snapshot();
        var collected = new List<Activation>();
        var survivors = new List<Activation>(activations.Length);
        foreach (var activation in activations)
        {
            var idleFor = runtime.TimeProvider.GetElapsedTime(activation.LastUsedTimestamp, now);
            if (idleFor >= options.ActivationCollectionAge && activation.TryStartDeactivation(DeactivationReason.IdleTooLong))
            {
                collected.Add(activation);
            }
            else
            {
                survivors.Add(activation);
            }
        }

        if (collected.Count > 0)
        {
            runtime.Logger.Collected(collected.Count, DeactivationReason.IdleTooLong);
        }

        var excess = survivors.Count - options.MaxActivations;
        if (excess <= 0)
        {
            return collected;
        }

        var evicted = 0;
        survivors.Sort(static (a, b) => a.LastUsedTimestamp.CompareTo(b.LastUsedTimestamp));
        foreach (var activation in survivors)
        {
            if (evicted == excess)
            {
                break;
            }

            if (activation.TryStartDeactivation(DeactivationReason.CapacityExceeded))
            {
                collected.Add(activation);
                evicted++;
            }
        }

        runtime.Logger.Collected(evicted, DeactivationReason.CapacityExceeded);
        return collected;
    }
}
