using Segmentation.Delivery.Sends;
using Segmentation.Runtime;

namespace Segmentation.Delivery.Outbox;

/// <summary>
/// What hosts (the HTTP API, the dashboard, the dispatcher) use to reach the outbox: durable appends of intents and
/// skips, the send log (one send, a customer's sends, filtered pages) and manual retries. Never touches storage.
/// </summary>
public sealed class OutboxDirectory(IClusterClient client, TimeProvider time)
{
    /// <summary>The largest page of <see cref="ListAsync"/>.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Appends intents to their customers' outbox shards; completes once all are durable (they are applied after).</summary>
    /// <exception cref="ArgumentException">An intent is invalid; nothing was appended.</exception>
    public Task AppendAsync(IReadOnlyList<SendIntent> intents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intents);
        return client.AppendAsync([.. intents.Select(OutboxMessages.Intent)], cancellationToken);
    }

    /// <summary>Records skipped sends with their reasons; completes once all are durable.</summary>
    /// <exception cref="ArgumentException">A skip is invalid; nothing was appended.</exception>
    public Task AppendSkipsAsync(IReadOnlyList<SendSkip> skips, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(skips);
        return client.AppendAsync([.. skips.Select(OutboxMessages.Skip)], cancellationToken);
    }

    /// <summary>The send with this id; null when there is none (or it left the log after its retention).</summary>
    public async Task<SendRecord?> GetAsync(string sendId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sendId);
        if (!SendIds.IsWellFormed(sendId))
        {
            return null;
        }

        // The id is a hash and does not say the shard: ask them all (each answers from memory).
        var found = await Task.WhenAll(OutboxGrain.AllShards.Select(shard =>
            Shard(shard).InvokeReadOnlyAsync(g => g.GetAsync(sendId), cancellationToken).AsTask())).ConfigureAwait(false);
        return found.FirstOrDefault(static send => send is not null);
    }

    /// <summary>The customer's sends, newest first.</summary>
    public Task<IReadOnlyList<SendRecord>> GetCustomerSendsAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        return Shard(OutboxGrain.ShardOf(customerId))
            .InvokeReadOnlyAsync(g => g.GetCustomerSendsAsync(customerId), cancellationToken).AsTask();
    }

    /// <summary>
    /// A page of the sends matching <paramref name="query"/>, newest first (by creation time, then id), after
    /// <paramref name="after"/>; <paramref name="limit"/> from 1 to <see cref="MaxPageSize"/>.
    /// </summary>
    public async Task<SendPage> ListAsync(SendQuery query, SendCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        var shards = query.CustomerId is { } customerId ? [OutboxGrain.ShardOf(customerId)] : OutboxGrain.AllShards;

        // Each shard gives one more than a page: if the merge has more than a page, another page follows.
        var pages = await Task.WhenAll(shards.Select(shard =>
            Shard(shard).InvokeReadOnlyAsync(g => g.ListAsync(query, after, limit + 1), cancellationToken).AsTask())).ConfigureAwait(false);
        var merged = pages.SelectMany(static page => page)
            .OrderByDescending(static send => new SendKey(send.CreatedAt, send.SendId))
            .Take(limit + 1)
            .ToList();
        if (merged.Count <= limit)
        {
            return new SendPage(merged, null);
        }

        var sends = merged.GetRange(0, limit);
        return new SendPage(sends, new SendCursor(sends[^1].CreatedAt, sends[^1].SendId));
    }

    /// <summary>
    /// How many sends were created (decided) on <paramref name="day"/>, a UTC date, by their status now. Each shard
    /// keeps these counts as its sends change, so the answer costs one lookup per shard whatever the volume.
    /// </summary>
    public async Task<SendStatusCounts> CountByStatusAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var counts = await Task.WhenAll(OutboxGrain.AllShards.Select(shard =>
            Shard(shard).InvokeReadOnlyAsync(g => g.CountByStatusAsync(day), cancellationToken).AsTask())).ConfigureAwait(false);
        return counts.Aggregate(SendStatusCounts.None, static (sum, shard) => sum.Plus(shard));
    }

    /// <summary>
    /// Sends a failed or dead-lettered send again: it becomes pending with a fresh set of attempts (the attempt log
    /// goes on). The retry is durable when this returns.
    /// </summary>
    /// <param name="sendId">The send.</param>
    /// <param name="requestedBy">Who asked (a management key's name), for the send log; null from code.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task<SendRetryResult> RetryAsync(string sendId, string? requestedBy, CancellationToken cancellationToken = default)
    {
        var send = await GetAsync(sendId, cancellationToken).ConfigureAwait(false);
        if (send is null)
        {
            return new SendRetryResult(SendRetryStatus.NotFound, null);
        }

        if (!send.CanRetry || send.Payload is null)
        {
            return new SendRetryResult(SendRetryStatus.NotRetryable, send);
        }

        var request = new SendRetryRequest(time.GetUtcNow(), requestedBy);
        await client.AppendAsync([OutboxMessages.Retry(send.CustomerId, send.SendId, request)], cancellationToken).ConfigureAwait(false);

        // A call queued after a durable append runs after that append is applied.
        var retried = await Shard(OutboxGrain.ShardOf(send.CustomerId))
            .InvokeReadOnlyAsync(g => g.GetAsync(sendId), cancellationToken).ConfigureAwait(false);
        return new SendRetryResult(SendRetryStatus.Accepted, retried);
    }

    internal Task<IReadOnlyList<SendRecord>> GetDueAsync(
        string shard, DateTimeOffset now, int limit, IReadOnlySet<string> busySends, IReadOnlySet<string> busyCustomers, CancellationToken cancellationToken) =>
        Shard(shard).InvokeReadOnlyAsync(g => g.GetDueAsync(now, limit, busySends, busyCustomers), cancellationToken).AsTask();

    internal Task RecordAsync(DurableMessage message, CancellationToken cancellationToken) =>
        client.AppendAsync([message], cancellationToken);

    private GrainReference<OutboxGrain> Shard(string shard) => client.GetGrain<OutboxGrain>(shard);
}
