using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// The message ids applied recently, for dedupe. Each is kept by the time it was received (not the event's own
/// time), so a retransmission or a re-import of old history within <see cref="ProfileLimits.DedupeRetention"/>
/// of wall-clock time changes nothing, however old the events are.
/// </summary>
internal sealed class MessageIdWindow
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly TimedBuffer<Entry> _byTime = new();

    public int Count => _ids.Count;

    public bool Contains(string messageId) => _ids.Contains(messageId);

    /// <summary>The latest receive time recorded, in ticks (0 when empty).</summary>
    public long LatestTicks => _byTime.Count == 0 ? 0 : _byTime.Last.Ticks;

    public void Add(long receivedTicks, string messageId)
    {
        if (_ids.Add(messageId))
        {
            _byTime.Add(new Entry(receivedTicks, messageId));
        }
    }

    public void PruneThrough(long ticks)
    {
        while (_byTime.FirstIsAtOrBefore(ticks))
        {
            _ids.Remove(_byTime[0].MessageId);
            _byTime.RemoveFirst();
        }
    }

    public void MergeFrom(MessageIdWindow other)
    {
        foreach (var entry in other._byTime.Items())
        {
            Add(entry.Ticks, entry.MessageId);
        }
    }

    public void Write(SnapshotWriter writer)
    {
        writer.WriteInt(_byTime.Count);
        foreach (var entry in _byTime.Items())
        {
            writer.WriteLong(entry.Ticks);
            writer.WriteString(entry.MessageId);
        }
    }

    public static MessageIdWindow Read(SnapshotReader reader)
    {
        var window = new MessageIdWindow();
        var count = reader.ReadCount();
        for (var i = 0; i < count; i++)
        {
            window.Add(reader.ReadLong(), reader.ReadString());
        }

        return window;
    }

    private readonly record struct Entry(long Ticks, string MessageId) : ITimed, IComparable<Entry>
    {
        public int CompareTo(Entry other)
        {
            var byTime = Ticks.CompareTo(other.Ticks);
            return byTime != 0 ? byTime : string.CompareOrdinal(MessageId, other.MessageId);
        }
    }
}
