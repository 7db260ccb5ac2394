namespace Segmentation.Performance.Orchestration;

/// <summary>
/// Writers that keep sending small batches (about 200 events/s in all) for a few ledger customers and remember every event acknowledged, until
/// they are stopped or the silo is gone (the run kills it meanwhile); after the restart every acknowledged event must
/// be in its customer's timeline, once.
/// </summary>
internal sealed class AcknowledgedLedger(TrackingPoster poster, string runPrefix)
{
    private const int Writers = 4;
    private const int Customers = 32;
    private const int EventsPerBatch = 10;

    // Each writer pauses this long between batches: about 200 events/s in all, a small addition to the measured load.
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    private readonly Dictionary<string, List<string>> _acknowledged = [];
    private readonly Lock _gate = new();

    /// <summary>Events acknowledged so far.</summary>
    public long Acknowledged
    {
        get
        {
            lock (_gate)
            {
                return _acknowledged.Values.Sum(static ids => (long)ids.Count);
            }
        }
    }

    /// <summary>Writes until <paramref name="cancellationToken"/> is cancelled or a batch is not acknowledged.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => WriteAsync(writer, cancellationToken)));

    /// <summary>Reads every ledger customer's timeline: acknowledged events missing, and events found more than once.</summary>
    public async Task<(long Missing, long Duplicates)> VerifyAsync(SiloApi silo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        long missing = 0;
        long duplicates = 0;
        foreach (var (customer, ids) in Snapshot())
        {
            var timeline = await silo.ReadTimelineAsync(customer, cancellationToken).ConfigureAwait(false);
            var found = timeline.ToHashSet(StringComparer.Ordinal);
            missing += ids.Count(id => !found.Contains(id));
            duplicates += timeline.Count - found.Count;
        }

        return (missing, duplicates);
    }

    private async Task WriteAsync(int writer, CancellationToken cancellationToken)
    {
        try
        {
            for (var batch = 0; !cancellationToken.IsCancellationRequested; batch++)
            {
                var customer = $"{runPrefix}-ledger-{((batch * Writers) + writer) % Customers}";
                var ids = Enumerable.Range(0, EventsPerBatch).Select(i => $"{runPrefix}-ledger-{writer}-{batch}-{i}").ToList();
                if (!await poster.TrackAsync(customer, "Product Viewed", ids, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                lock (_gate)
                {
                    (_acknowledged.TryGetValue(customer, out var list) ? list : _acknowledged[customer] = []).AddRange(ids);
                }

                await Task.Delay(Pause, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: what was acknowledged is recorded.
        }
    }

    private List<(string Customer, List<string> Ids)> Snapshot()
    {
        lock (_gate)
        {
            return [.. _acknowledged.Select(static p => (p.Key, p.Value.ToList()))];
        }
    }
}
