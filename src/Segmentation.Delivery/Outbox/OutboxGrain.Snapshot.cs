using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Outbox;

public sealed partial class OutboxGrain
{
    private const int SnapshotFormat = 1;

    public byte[] WriteSnapshot() =>
        OutboxJson.Write(new OutboxSnapshot(SnapshotFormat, _prunedAt, [.. _sends.Values]), OutboxJson.Default.OutboxSnapshot);

    public void ReadSnapshot(ReadOnlySpan<byte> snapshot)
    {
        var stored = OutboxJson.Read(snapshot, OutboxJson.Default.OutboxSnapshot);
        if (stored.Format != SnapshotFormat)
        {
            throw new InvalidDataException($"Unknown outbox snapshot format {stored.Format}.");
        }

        _sends.Clear();
        _byCustomer.Clear();
        _due.Clear();
        _byCreated.Clear();
        _byStatus.Clear();
        _dayCounts.Clear();
        _prunedAt = stored.PrunedAt;
        foreach (var send in stored.Sends)
        {
            Add(Compact(send));
        }
    }

    // A snapshot read gives every send its own strings and new empty lists: names shared, empty lists the shared ones.
    private SendRecord Compact(SendRecord send) => send with
    {
        Trigger = Shared(send.Trigger),
        TemplateId = Shared(send.TemplateId),
        Attempts = send.Attempts.Count == 0 ? [] : send.Attempts,
        Deferrals = send.Deferrals.Count == 0 ? [] : send.Deferrals,
        Retries = send.Retries.Count == 0 ? [] : send.Retries,
    };
}
