using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>The message ids applied within the reorder horizon, for dedupe; pruned by message time.</summary>
internal sealed class MessageIdWindow
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly TimedBuffer<Entry> _byTime = new();

    public int Count => _ids.Count;

    public bool Contains(string messageId) => _ids.Contains(messageId);

    public void Add(EventKey key)
    {
        if (_ids.Add(key.MessageId))
        {
            _byTime.Add(new Entry(key.Ticks, key.MessageId));
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
            Add(new EventKey(entry.Ticks, entry.MessageId));
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
            window.Add(new EventKey(reader.ReadLong(), reader.ReadString()));
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
