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
            Add(send);
        }
    }
}
