using Segmentation.Grains.Indexing;
using Segmentation.Runtime;
using Segmentation.Tracking;

namespace Segmentation.Grains.Customers;

/// <summary>
/// What the HTTP APIs and the dashboard use to reach customers: durable appends of tracking calls, profiles
/// (following merges), and lookups by id or email. They never touch grains or storage directly.
/// </summary>
public sealed class CustomerDirectory(IClusterClient client)
{
    private const int MaxMergeHops = 4;

    /// <summary>Appends accepted tracking calls to their customers' logs; completes once all are durable.</summary>
    public Task AppendAsync(IReadOnlyList<TrackingMessage> messages, CancellationToken cancellationToken = default)
    {
        var durable = new DurableMessage[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            durable[i] = new DurableMessage(
                CustomerGrain.IdOf(message.CustomerKey), RecordKinds.Tracking, TrackingMessageSerializer.Serialize(message), message.Timestamp)
            {
                Body = message,
            };
        }

        return client.AppendAsync(durable, cancellationToken);
    }

    /// <summary>The customer's profile; an anonymous id merged into a known customer answers with that customer.</summary>
    public async Task<CustomerLookup> GetAsync(string customerId, CancellationToken cancellationToken = default)
    {
        var lookup = await LookupAsync(customerId, cancellationToken).ConfigureAwait(false);
        for (var hop = 0; hop < MaxMergeHops && lookup.MergedInto is { } target; hop++)
        {
            lookup = await LookupAsync(target, cancellationToken).ConfigureAwait(false);
        }

        return lookup;
    }

    /// <summary>Customers whose id is <paramref name="query"/> or whose email is it (case-insensitive).</summary>
    public async Task<IReadOnlyList<CustomerLookup>> FindAsync(string query, CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        if (query.Length <= GrainId.MaxKeyLength)
        {
            ids.Add(query);
        }

        if (EmailUpdate.Normalize(query) is { } email && email.Contains('@', StringComparison.Ordinal))
        {
            ids.AddRange(await client.GetGrain<EmailIndexGrain>(Shards.For(email))
                .InvokeReadOnlyAsync(g => g.FindAsync(email), cancellationToken).ConfigureAwait(false));
        }

        var found = new List<CustomerLookup>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var lookup = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (lookup.Exists && found.TrueForAll(f => f.CustomerId != lookup.CustomerId))
            {
                found.Add(lookup);
            }
        }

        return found;
    }

    /// <summary>The ids whose profiles were merged into <paramref name="customerId"/> (not following further merges).</summary>
    public Task<IReadOnlyList<string>> GetMergedSourcesAsync(string customerId, CancellationToken cancellationToken = default) =>
        client.GetGrain<CustomerGrain>(customerId)
            .InvokeReadOnlyAsync(static g => g.GetMergedSourcesAsync(), cancellationToken).AsTask();

    /// <summary>The customer's trigger occurrences waiting for their time (reminders and quiet-hour deferrals), earliest first.</summary>
    public Task<IReadOnlyList<PendingTrigger>> GetPendingTriggersAsync(string customerId, CancellationToken cancellationToken = default) =>
        client.GetGrain<CustomerGrain>(customerId)
            .InvokeReadOnlyAsync(static g => g.GetPendingTriggersAsync(), cancellationToken).AsTask();

    private Task<CustomerLookup> LookupAsync(string customerId, CancellationToken cancellationToken) =>
        client.GetGrain<CustomerGrain>(customerId).InvokeReadOnlyAsync(static g => g.LookupAsync(), cancellationToken).AsTask();
}
