using System.Runtime.InteropServices;

namespace Segmentation.Grains.Segments;

/// <summary>
/// A segment's members, and for every customer that ever sent a delta the sequence of its last one. A delta applies
/// only when its sequence is newer than the customer's last (a replayed delta changes nothing) and only counts when
/// it changes membership (set semantics keyed by customer), so the count is exact under at-least-once delivery.
/// </summary>
internal sealed class SegmentMemberSet
{
    private Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private SortedIdList _members = new();

    public long Count => _members.Count;

    /// <summary>Applies a delta; true when it changed membership.</summary>
    public bool Apply(SegmentDelta delta)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, delta.CustomerId, out var known);
        if (known && delta.Sequence <= entry.Sequence)
        {
            return false;
        }

        entry.Sequence = delta.Sequence;
        if (entry.IsMember == delta.Entered)
        {
            return false;
        }

        entry.IsMember = delta.Entered;
        entry.SinceTicks = delta.Time.UtcTicks;
        if (delta.Entered)
        {
            _members.Add(delta.CustomerId);
        }
        else
        {
            _members.Remove(delta.CustomerId);
        }

        return true;
    }

    /// <summary>Up to <paramref name="limit"/> members after <paramref name="afterCustomerId"/>, and whether more follow.</summary>
    public (List<SegmentMember> Members, bool More) Page(string? afterCustomerId, int limit)
    {
        var page = new List<SegmentMember>(Math.Min(limit, _members.Count));
        foreach (var id in _members.After(afterCustomerId))
        {
            if (page.Count == limit)
            {
                return (page, true);
            }

            page.Add(new SegmentMember(id, new DateTimeOffset(_entries[id].SinceTicks, TimeSpan.Zero)));
        }

        return (page, false);
    }

    /// <summary>Members front-coded in order with their since and sequence, then the former members with their sequence.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write7BitEncodedInt(_members.Count);
        var previous = string.Empty;
        var previousSince = 0L;
        foreach (var id in _members.After(null))
        {
            var entry = _entries[id];
            SortedKeyCodec.Write(writer, previous, id);
            writer.Write7BitEncodedInt64(ZigZag(entry.SinceTicks - previousSince));
            writer.Write7BitEncodedInt64(entry.Sequence);
            previous = id;
            previousSince = entry.SinceTicks;
        }

        writer.Write7BitEncodedInt(_entries.Count - _members.Count);
        foreach (var (id, entry) in _entries)
        {
            if (!entry.IsMember)
            {
                writer.Write(id);
                writer.Write7BitEncodedInt64(entry.Sequence);
            }
        }
    }

    public static SegmentMemberSet Read(BinaryReader reader)
    {
        var members = reader.Read7BitEncodedInt();
        var set = new SegmentMemberSet();
        set._entries.EnsureCapacity(members);
        var ids = new List<string>(members);
        var previous = string.Empty;
        var since = 0L;
        for (var i = 0; i < members; i++)
        {
            previous = SortedKeyCodec.Read(reader, previous);
            since += UnZigZag(reader.Read7BitEncodedInt64());
            ids.Add(previous);
            set._entries.Add(previous, new Entry { IsMember = true, SinceTicks = since, Sequence = reader.Read7BitEncodedInt64() });
        }

        set._members = SortedIdList.FromSorted(ids);
        var former = reader.Read7BitEncodedInt();
        set._entries.EnsureCapacity(members + former);
        for (var i = 0; i < former; i++)
        {
            set._entries.Add(reader.ReadString(), new Entry { Sequence = reader.Read7BitEncodedInt64() });
        }

        return set;
    }

    /// <summary>Small differences of either sign as small unsigned numbers: 0, -1, 1, -2... as 0, 1, 2, 3...</summary>
    private static long ZigZag(long value) => (value << 1) ^ (value >> 63);

    private static long UnZigZag(long value) => (long)((ulong)value >> 1) ^ -(value & 1);

    private struct Entry
    {
        public long Sequence;
        public long SinceTicks;
        public bool IsMember;
    }
}
