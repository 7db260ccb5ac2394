using Segmentation.Grains;
using Segmentation.Grains.Customers;
using Segmentation.Runtime.Storage;
using Segmentation.Tracking;

namespace Segmentation.Silo.Management;

/// <summary>
/// One id's log as a stream of tracking calls, newest first, read from storage in chunks as the merge needs them.
/// Records of other kinds (links, merges) are not events and are skipped, and so is a call whose owner is another id of
/// the same timeline: that is a copy forwarded after a merge, shown from its owner's log.
/// </summary>
internal sealed class TimelineSource(
    string customerId, long? before, IReadOnlySet<string> timelineIds, IPartitionLogStorage log, int chunkSize)
{
    private readonly Queue<TimelineEntry> _buffer = new();
    private long? _readBefore = before;
    private long? _lastTaken;
    private bool _exhausted;

    public string CustomerId { get; } = customerId;

    /// <summary>Where the next page continues in this log: below the last call taken, or at the next one when none was.</summary>
    public long NextBefore => _lastTaken ?? (_buffer.Peek().Record.Offset + 1);

    /// <summary>The newest call not taken yet; null when the log has none left.</summary>
    public async ValueTask<TimelineEntry?> PeekAsync(CancellationToken cancellationToken)
    {
        while (_buffer.Count == 0 && !_exhausted)
        {
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }

        return _buffer.Count > 0 ? _buffer.Peek() : null;
    }

    /// <summary>Takes the call <see cref="PeekAsync"/> returned.</summary>
    public TimelineEntry Take()
    {
        var entry = _buffer.Dequeue();
        _lastTaken = entry.Record.Offset;
        return entry;
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        var records = await log.ReadGrainRecordsAsync(CustomerGrain.IdOf(CustomerId), _readBefore, chunkSize, cancellationToken)
            .ConfigureAwait(false);
        _exhausted = records.Count < chunkSize;
        if (records.Count > 0)
        {
            _readBefore = records[^1].Offset;
        }

        foreach (var record in records)
        {
            if (record.Kind != RecordKinds.Tracking)
            {
                continue;
            }

            var message = TrackingMessageSerializer.Deserialize(record.Payload);
            var owner = message.CustomerKey;
            if (owner != CustomerId && timelineIds.Contains(owner))
            {
                continue;
            }

            _buffer.Enqueue(new TimelineEntry(record, message));
        }
    }
}
