using Segmentation.Grains.Customers;
using Segmentation.Runtime;

namespace Segmentation.Grains.Segments;

public sealed partial class SegmentBackfillService
{
    /// <summary>
    /// One backfill: skipped when the catalog no longer has this version; continued where it got to when the segment
    /// grain has it running (after a restart); otherwise the customers registered now are counted (each shard's count
    /// bounds what is asked of it, so exactly that many customers are counted and the count is exact at completion;
    /// customers registered later evaluate the new version with their own events) and the segment grain learns the
    /// total. Then the registry shards are gone through, a few at once, page by page (<see cref="SendShardAsync"/>).
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
        if (await StartOrContinueAsync(segmentId, version, cancellationToken).ConfigureAwait(false) is not { } run)
        {
            return;
        }

        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, Shards.Count).Where(shard => !run.ShardDone[shard]),
                new ParallelOptions { MaxDegreeOfParallelism = SegmentPreviewer.ShardsInParallel, CancellationToken = cancellationToken },
                (shard, token) => new ValueTask(SendShardAsync(run, shard, token))).ConfigureAwait(false);
        }
        finally
        {
            await run.Appends.DrainAsync().ConfigureAwait(false);
        }

        if (run.Stopped)
        {
            LogSuperseded(segmentId, version, run.Checked, run.Total);
            return;
        }

        LogAllSent(segmentId, version, run.Checked, run.Asked, (long)_time.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The run of a backfill the segment grain has running for this version, or of a new one; null when there is nobody to ask.</summary>
    private async Task<BackfillRun?> StartOrContinueAsync(string segmentId, int version, CancellationToken cancellationToken)
    {
        var segment = _client.GetGrain<SegmentGrain>(segmentId);
        var cursor = await segment.InvokeReadOnlyAsync(static g => g.GetBackfillCursorAsync(), cancellationToken).ConfigureAwait(false);
        if (cursor is not null && cursor.Version == version && cursor.ShardCounts.Count == Shards.Count)
        {
            LogContinued(segmentId, version, cursor.ShardDone.Count(static done => done));
            return new BackfillRun(segmentId, version, cursor.ShardCounts, cursor.After, cursor.ShardDone, new AppendWindow(_client, _options.MaxAppendsInFlight))
            {
                Outstanding = cursor.Pending,
            };
        }

        var counts = await CustomerRegistry.SyncCountsAsync(_client, _time, cancellationToken).ConfigureAwait(false);
        var startedAt = _time.GetUtcNow();
        var start = new SegmentBackfillStart(version, counts.Sum(static c => (long)c), startedAt, counts);
        await _client.AppendAsync(
            [new DurableMessage(segment.Id, RecordKinds.SegmentBackfillStarted, start.Encode(), startedAt)],
            cancellationToken).ConfigureAwait(false);
        LogStarted(segmentId, version, start.Total);
        return start.Total == 0
            ? null
            : new BackfillRun(segmentId, version, counts, new string?[counts.Length], new bool[counts.Length], new AppendWindow(_client, _options.MaxAppendsInFlight));
    }

    /// <summary>
    /// Goes through the shard's first customers (as counted at the start) after its cursor, a page at a time: each
    /// customer checks read-only whether it must evaluate (<see cref="CustomerGrain.CheckBackfillAsync"/>); one atomic
    /// append then records the page with the segment grain and asks those that must. Stops when the run stops.
    /// </summary>
    private async Task SendShardAsync(BackfillRun run, int shard, CancellationToken cancellationToken)
    {
        var registry = CustomerRegistry.Shard(_client, shard);
        var registeredBefore = run.ShardCounts[shard];
        var after = run.After[shard];
        var check = new BackfillPageCheck(run.SegmentId, run.Version, _options.BatchSize);
        while (registeredBefore > 0 && !run.Stopped)
        {
            if (IsSuperseded(run.SegmentId, run.Version))
            {
                run.Stop();
                return;
            }

            var last = after;
            var keys = await registry.InvokeAsync(g => g.ListAsync(last, _options.BatchSize, registeredBefore), cancellationToken)
                .ConfigureAwait(false);
            await _client.InvokeEachAsync<CustomerGrain, BackfillPageCheck>(keys, check, static (customer, i, page) => page.CheckAsync(customer, i), cancellationToken)
                .ConfigureAwait(false);
            if (check.Superseded(keys.Count))
            {
                run.Stop();
                return;
            }

            var done = keys.Count < _options.BatchSize;
            after = keys.Count > 0 ? keys[^1] : after;
            var asked = check.Asked(keys);
            await run.Appends.AppendAsync(PageRecords(run, shard, after, done, keys.Count, asked), cancellationToken).ConfigureAwait(false);
            run.Counted(keys.Count, asked.Count);
            if (!done && run.Outstanding > _options.MaxOutstanding && !await WaitForReportsAsync(run, cancellationToken).ConfigureAwait(false))
            {
                run.Stop();
                return;
            }

            if (done)
            {
                return;
            }
        }
    }

    /// <summary>The page's record for the segment grain, then a <see cref="RecordKinds.SegmentEvaluate"/> for each customer asked.</summary>
    private DurableMessage[] PageRecords(BackfillRun run, int shard, string? after, bool done, int count, IReadOnlyList<string> asked)
    {
        var now = _time.GetUtcNow();
        var page = new SegmentBackfillPage(run.Version, shard, after, done, count - asked.Count, asked);
        var batch = new DurableMessage[asked.Count + 1];
        batch[0] = new DurableMessage(SegmentGrain.IdOf(run.SegmentId), RecordKinds.SegmentBackfillPage, page.Encode(), now);
        for (var i = 0; i < asked.Count; i++)
        {
            batch[i + 1] = new DurableMessage(CustomerGrain.IdOf(asked[i]), RecordKinds.SegmentEvaluate, run.Payload, now);
        }

        return batch;
    }

    /// <summary>
    /// Waits until at most <see cref="SegmentBackfillOptions.MaxOutstanding"/> of the customers asked have not reported
    /// back; false when the segment stopped counting this backfill meanwhile (it was deleted, or a newer version was
    /// saved).
    /// </summary>
    private async Task<bool> WaitForReportsAsync(BackfillRun run, CancellationToken cancellationToken)
    {
        var segment = _client.GetGrain<SegmentGrain>(run.SegmentId);
        while (true)
        {
            var cursor = await segment.InvokeReadOnlyAsync(static g => g.GetBackfillCursorAsync(), cancellationToken).ConfigureAwait(false);
            if (cursor is null || cursor.Version != run.Version)
            {
                return false;
            }

            if (IsSuperseded(run.SegmentId, run.Version))
            {
                return false;
            }

            if (cursor.Pending <= _options.MaxOutstanding)
            {
                run.Outstanding = cursor.Pending;
                return true;
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
