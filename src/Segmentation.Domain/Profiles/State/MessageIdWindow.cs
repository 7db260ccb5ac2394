using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// The message ids applied recently, for dedupe. Each is kept by the time it was received (not the event's own
/// time), so a retransmission or a re-import of old history within <see cref="ProfileLimits.DedupeRetention"/>
/// of wall-clock time changes nothing, however old the events are.
/// </summary>
internal sealed class MessageIdWindow : IProfilePart<MessageIdWindow>
{
    /// <summary>The part of a profile that has none yet, for reads: never changed.</summary>
    public static MessageIdWindow Empty { get; } = new();

    /// <summary>Up to this many ids are looked up by a scan of the entries; a set is built only beyond.</summary>
    private const int ScanLimit = 16;

    private readonly TimedBuffer<Entry> _byTime = new();

    /// <summary>The ids of <see cref="_byTime"/> as a set, once it held more than <see cref="ScanLimit"/>; null before.</summary>
    private HashSet<string>? _ids;

    public bool IsEmpty => _byTime.Count == 0;

    public int Count => _byTime.Count;

    public bool Contains(string messageId)
    {
        if (_ids is not null)
        {
            return _ids.Contains(messageId);
        }

        for (var i = 0; i < _byTime.Count; i++)
        {
            if (string.Equals(_byTime[i].MessageId, messageId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The latest receive time recorded, in ticks (0 when empty).</summary>
    public long LatestTicks => _byTime.Count == 0 ? 0 : _byTime.Last.Ticks;

    public void Add(long receivedTicks, string messageId)
    {
        if (_ids is null && _byTime.Count >= ScanLimit)
        {
            _ids = new HashSet<string>(_byTime.Count * 2, StringComparer.Ordinal);
            foreach (var entry in _byTime.Items())
            {
                _ids.Add(entry.MessageId);
            }
        }

        if (_ids?.Add(messageId) ?? !Contains(messageId))
        {
            _byTime.Add(new Entry(receivedTicks, messageId));
        }
    }

    public void PruneThrough(long ticks)
    {
        while (_byTime.FirstIsAtOrBefore(ticks))
        {
            _ids?.Remove(_byTime[0].MessageId);
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
            window.Add(reader.ReadLong(), reader.ReadMessageId());
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
