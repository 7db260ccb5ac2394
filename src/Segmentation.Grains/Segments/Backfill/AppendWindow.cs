using Segmentation.Runtime;

namespace Segmentation.Grains.Segments;

/// <summary>Durable appends with at most a fixed number waiting for the disk: the next one first waits for the oldest.</summary>
internal sealed class AppendWindow(IClusterClient client, int maxInFlight)
{
    private readonly Queue<Task> _inFlight = new();

    public async Task AppendAsync(IReadOnlyList<DurableMessage> batch, CancellationToken cancellationToken)
    {
        if (_inFlight.Count >= maxInFlight)
        {
            await _inFlight.Dequeue().ConfigureAwait(false);
        }

        _inFlight.Enqueue(client.AppendAsync(batch, cancellationToken));
    }

    /// <summary>Waits until every append made is durable (rethrowing the first failure).</summary>
    public async Task DrainAsync()
    {
        while (_inFlight.TryDequeue(out var append))
        {
            await append.ConfigureAwait(false);
        }
    }
}
