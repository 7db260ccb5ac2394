using Segmentation.Runtime;

namespace Segmentation.Grains.Segments;

/// <summary>
/// Durable appends with at most a fixed number waiting for the disk: a new one first waits until one of them is
/// durable. Safe to use from several loops at once.
/// </summary>
internal sealed class AppendWindow(IClusterClient client, int maxInFlight)
{
    private readonly Lock _lock = new();
    private readonly List<Task> _inFlight = [];

    /// <summary>Starts the append once fewer than the maximum wait for the disk (rethrowing an earlier append's failure).</summary>
    public async Task AppendAsync(IReadOnlyList<DurableMessage> batch, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task oldest;
            lock (_lock)
            {
                if (_inFlight.Find(static t => t.IsFaulted || t.IsCanceled) is { } failed)
                {
                    failed.GetAwaiter().GetResult();
                }

                _inFlight.RemoveAll(static t => t.IsCompleted);
                if (_inFlight.Count < maxInFlight)
                {
                    _inFlight.Add(client.AppendAsync(batch, cancellationToken));
                    return;
                }

                oldest = Task.WhenAny(_inFlight);
            }

            await oldest.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until every append made is durable (rethrowing the first failure).</summary>
    public Task DrainAsync()
    {
        lock (_lock)
        {
            return Task.WhenAll(_inFlight);
        }
    }
}
