using Segmentation.Grains.Customers;
using Segmentation.Runtime.Storage;

namespace Segmentation.Silo.Management;

/// <summary>
/// Reads a customer's event timeline from the partition logs (the event store): the customer's own tracking calls
/// and those of the anonymous ids merged into it, newest first, merged by event timestamp. Each log is paged by
/// offset; the cursor keeps one position per log, so pages neither repeat nor skip an event.
/// </summary>
/// <remarks>
/// Events are ordered by timestamp across logs and by log order within one (a late event keeps its place in its
/// log). Records older than <c>Segmentation:Silo:LogRetention</c> have been deleted and do not appear. At most
/// <see cref="MaxIds"/> ids (the customer first, then merged ids breadth-first) take part.
/// </remarks>
internal sealed class CustomerTimelineReader(CustomerDirectory customers, IPartitionLogStorage log)
{
    /// <summary>The most ids (the customer and its merged anonymous ids) whose logs one timeline reads.</summary>
    public const int MaxIds = 100;

    public async Task<(TimelineReadStatus Status, CustomerTimelinePage? Page)> ReadAsync(
        string customerId, TimelineCursor? cursor, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var lookup = await customers.GetAsync(customerId, cancellationToken).ConfigureAwait(false);
        if (!lookup.Exists)
        {
            return (TimelineReadStatus.UnknownCustomer, null);
        }

        var ids = await CollectIdsAsync(lookup.CustomerId, cancellationToken).ConfigureAwait(false);
        var idSet = new HashSet<string>(ids, StringComparer.Ordinal);
        if (cursor is not null
            && (cursor.CustomerId != lookup.CustomerId || !cursor.Positions.All(p => idSet.Contains(p.Id))))
        {
            return (TimelineReadStatus.ForeignCursor, null);
        }

        // One more than a page from each log, so that most pages know whether another follows without a second read.
        var chunkSize = limit + 1;
        var sources = cursor is null
            ? ids.Select(id => new TimelineSource(id, null, idSet, log, chunkSize)).ToList()
            : ids.Select(id => cursor.Positions.FirstOrDefault(p => p.Id == id))
                .Where(static position => position is not null)
                .Select(position => new TimelineSource(position!.Id, position.Before, idSet, log, chunkSize))
                .ToList();

        var entries = new List<TimelineEntry>(limit);
        while (entries.Count < limit && await NewestAsync(sources, cancellationToken).ConfigureAwait(false) is { } newest)
        {
            entries.Add(newest.Take());
        }

        var remaining = new List<TimelinePosition>();
        foreach (var source in sources)
        {
            if (await source.PeekAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                remaining.Add(new TimelinePosition(source.CustomerId, source.NextBefore));
            }
        }

        var next = remaining.Count == 0 ? null : new TimelineCursor(TimelineCursor.CurrentVersion, lookup.CustomerId, remaining);
        return (TimelineReadStatus.Read, new CustomerTimelinePage(lookup.CustomerId, entries, next));
    }

    // The source whose next event is the newest; on equal timestamps the earlier source (the customer's own log first).
    private static async Task<TimelineSource?> NewestAsync(List<TimelineSource> sources, CancellationToken cancellationToken)
    {
        TimelineSource? newest = null;
        DateTimeOffset newestTime = default;
        foreach (var source in sources)
        {
            if (await source.PeekAsync(cancellationToken).ConfigureAwait(false) is { } head
                && (newest is null || head.Message.Timestamp > newestTime))
            {
                newest = source;
                newestTime = head.Message.Timestamp;
            }
        }

        return newest;
    }

    // The customer, then the ids merged into it, breadth-first (an id merged into a merged id counts too).
    private async Task<List<string>> CollectIdsAsync(string customerId, CancellationToken cancellationToken)
    {
        var ids = new List<string> { customerId };
        var seen = new HashSet<string>(ids, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count && ids.Count < MaxIds; i++)
        {
            foreach (var merged in await customers.GetMergedSourcesAsync(ids[i], cancellationToken).ConfigureAwait(false))
            {
                if (ids.Count < MaxIds && seen.Add(merged))
                {
                    ids.Add(merged);
                }
            }
        }

        return ids;
    }
}
