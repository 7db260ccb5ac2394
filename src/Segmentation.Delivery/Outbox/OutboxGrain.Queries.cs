using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Outbox;

public sealed partial class OutboxGrain
{
    /// <summary>
    /// Up to <paramref name="limit"/> pending sends due at <paramref name="now"/>, earliest first: none of
    /// <paramref name="busySends"/>, none of a customer in <paramref name="busyCustomers"/>, and at most one per customer
    /// (a customer's sends go one at a time, so a guard's frequency count is exact). Read-only.
    /// </summary>
    public ValueTask<IReadOnlyList<SendRecord>> GetDueAsync(
        DateTimeOffset now, int limit, IReadOnlySet<string> busySends, IReadOnlySet<string> busyCustomers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var due = new List<SendRecord>();
        var customers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in _due)
        {
            if (key.At > now || due.Count == limit)
            {
                break;
            }

            var send = _sends[key.SendId];
            if (!busySends.Contains(send.SendId) && !busyCustomers.Contains(send.CustomerId) && customers.Add(send.CustomerId))
            {
                due.Add(send);
            }
        }

        return ValueTask.FromResult<IReadOnlyList<SendRecord>>(due);
    }

    /// <summary>The send with this id, or null when this shard does not have it. Read-only.</summary>
    public ValueTask<SendRecord?> GetAsync(string sendId) =>
        ValueTask.FromResult(_sends.TryGetValue(sendId, out var send) ? send : null);

    /// <summary>
    /// Up to <paramref name="limit"/> sends matching <paramref name="query"/>, newest first (by creation time, then id),
    /// after <paramref name="after"/> (null: from the newest). Read-only.
    /// </summary>
    public ValueTask<IReadOnlyList<SendRecord>> ListAsync(SendQuery query, SendCursor? after, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var found = new List<SendRecord>();

        // The narrowest index that holds every match: the customer's sends, the sends of the status, or all of them.
        var candidates = query.CustomerId is { } customerId
            ? CustomerKeys(customerId)
            : NewestFirst(query.Status is not { } status ? _byCreated : _byStatus.TryGetValue(status, out var keys) ? keys : [], after);
        foreach (var key in candidates)
        {
            if (after is not null && key >= after.Key)
            {
                continue;
            }

            var send = _sends[key.SendId];
            if (query.Matches(send))
            {
                found.Add(send);
                if (found.Count == limit)
                {
                    break;
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyList<SendRecord>>(found);
    }

    /// <summary>The customer's sends, newest first. Read-only.</summary>
    public ValueTask<IReadOnlyList<SendRecord>> GetCustomerSendsAsync(string customerId) =>
        ValueTask.FromResult<IReadOnlyList<SendRecord>>([.. CustomerKeys(customerId).Select(key => _sends[key.SendId])]);

    /// <summary>This shard's sends created on <paramref name="day"/> (UTC), by their status now. Read-only.</summary>
    public ValueTask<SendStatusCounts> CountByStatusAsync(DateOnly day) => ValueTask.FromResult(_dayCounts.For(day));

    private static IEnumerable<SendKey> NewestFirst(SortedSet<SendKey> keys, SendCursor? after) =>
        after is null ? keys.Reverse() : keys.GetViewBetween(new SendKey(DateTimeOffset.MinValue, string.Empty), after.Key).Reverse();

    private IEnumerable<SendKey> CustomerKeys(string customerId) =>
        _byCustomer.TryGetValue(customerId, out var ids)
            ? ids.Select(id => new SendKey(_sends[id].CreatedAt, id)).OrderDescending()
            : [];
}
