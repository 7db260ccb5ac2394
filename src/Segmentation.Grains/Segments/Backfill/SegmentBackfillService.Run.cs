using Segmentation.Grains.Customers;
using Segmentation.Runtime;

namespace Segmentation.Grains.Segments;

public sealed partial class SegmentBackfillService
{
    /// <summary>
    /// One backfill: skipped when the catalog no longer has this version; otherwise the customers registered now are
    /// counted (each shard's count also bounds what is sent to it, so exactly that many customers report back and
    /// the count is exact at completion; customers registered later evaluate the new version with their own events),
    /// the segment grain learns the total, and every counted customer gets a <see cref="RecordKinds.SegmentEvaluate"/>.
    /// </summary>
    private async Task RunAsync(string segmentId, int version, CancellationToken cancellationToken)
    {
        var definition = await _client.GetGrain<SegmentCatalogGrain>(SegmentCatalogGrain.Key)
            .InvokeReadOnlyAsync(g => g.GetAsync(segmentId), cancellationToken).ConfigureAwait(false);
        if (definition?.Version != version)
        {
            LogSkipped(segmentId, version);
            return;
        }

        var started = _time.GetTimestamp();
        var counts = await CustomerRegistry.SyncCountsAsync(_client, _time, cancellationToken).ConfigureAwait(false);
        var total = counts.Sum(static c => (long)c);
        var startedAt = _time.GetUtcNow();
        var start = new SegmentBackfillStart(version, total, startedAt);
        await _client.AppendAsync(
            [new DurableMessage(SegmentGrain.IdOf(segmentId), RecordKinds.SegmentBackfillStarted, start.Encode(), startedAt)],
            cancellationToken).ConfigureAwait(false);
        LogStarted(segmentId, version, total);

        var backfill = new Backfill(segmentId, version, total, new AppendWindow(_client, _options.MaxAppendsInFlight));
        try
        {
            for (var shard = 0; shard < counts.Length; shard++)
            {
                if (!await SendShardAsync(backfill, shard, counts[shard], cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                LogShardSent(segmentId, version, shard, backfill.Sent, total);
            }
        }
        finally
        {
            await backfill.Appends.DrainAsync().ConfigureAwait(false);
        }

        LogAllSent(segmentId, version, backfill.Sent, (long)_time.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Asks the shard's first <paramref name="registeredBefore"/> customers, page by page; false when the backfill stopped.</summary>
    private async Task<bool> SendShardAsync(Backfill backfill, int shard, int registeredBefore, CancellationToken cancellationToken)
    {
        var registry = CustomerRegistry.Shard(_client, shard);
        string? after = null;
        while (registeredBefore > 0)
        {
            if (IsSuperseded(backfill.SegmentId, backfill.Version))
            {
                LogSuperseded(backfill.SegmentId, backfill.Version, backfill.Sent, backfill.Total);
                return false;
            }

            var last = after;
            var keys = await registry.InvokeAsync(g => g.ListAsync(last, _options.BatchSize, registeredBefore), cancellationToken)
                .ConfigureAwait(false);
            await backfill.Appends.AppendAsync(EvaluationsFor(keys, backfill.Payload), cancellationToken).ConfigureAwait(false);
            backfill.Sent += keys.Count;
            if (backfill.Sent - backfill.Reported > _options.MaxOutstanding)
            {
                if (await WaitForReportsAsync(backfill, cancellationToken).ConfigureAwait(false) is not { } reported)
                {
                    LogAbandoned(backfill.SegmentId, backfill.Version, backfill.Sent, backfill.Total);
                    return false;
                }

                backfill.Reported = reported;
            }

            if (keys.Count < _options.BatchSize)
            {
                return true;
            }

            after = keys[^1];
        }

        return true;
    }

    /// <summary>
    /// Waits until at most <see cref="SegmentBackfillOptions.MaxOutstanding"/> of the customers asked have not reported
    /// back, and returns how many have; null when the segment stopped counting this backfill meanwhile (it was deleted,
    /// or a newer version was saved).
    /// </summary>
    private async Task<long?> WaitForReportsAsync(Backfill backfill, CancellationToken cancellationToken)
    {
        var segment = _client.GetGrain<SegmentGrain>(backfill.SegmentId);
        while (true)
        {
            var status = await segment.InvokeReadOnlyAsync(static g => g.GetStatusAsync(), cancellationToken).ConfigureAwait(false);
            if (status.Backfill is not { } progress || progress.Version != backfill.Version || IsSuperseded(backfill.SegmentId, backfill.Version))
            {
                return null;
            }

            if (backfill.Sent - progress.Evaluated <= _options.MaxOutstanding)
            {
                return progress.Evaluated;
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private DurableMessage[] EvaluationsFor(IReadOnlyList<string> customerIds, byte[] payload)
    {
        var now = _time.GetUtcNow();
        var batch = new DurableMessage[customerIds.Count];
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i] = new DurableMessage(CustomerGrain.IdOf(customerIds[i]), RecordKinds.SegmentEvaluate, payload, now);
        }

        return batch;
    }

    /// <summary>A running backfill: what it sends and how far it got.</summary>
    private sealed class Backfill(string segmentId, int version, long total, AppendWindow appends)
    {
        public string SegmentId { get; } = segmentId;

        public int Version { get; } = version;

        public long Total { get; } = total;

        public AppendWindow Appends { get; } = appends;

        /// <summary>The <see cref="RecordKinds.SegmentEvaluate"/> payload, the same for every customer.</summary>
        public byte[] Payload { get; } = SegmentEvaluation.Encode(segmentId, version);

        /// <summary>Customers asked so far.</summary>
        public long Sent { get; set; }

        /// <summary>Customers that had reported back when the segment grain was last asked.</summary>
        public long Reported { get; set; }
    }
}
