using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// Counts sessions: a site event starts a new session when no site event happened in the
/// <see cref="ProfileLimits.SessionTimeout"/> before it. The count is a function of the sorted set of
/// activity instants (1 + the gaps of at least the timeout), so it keeps the distinct instants of the
/// reorder horizon: a late instant needs only its neighbours to correct the count exactly. Instants older
/// than the horizon collapse into a boundary (the newest of them) and the number of sessions started up to it.
/// </summary>
internal sealed class SessionTracker : IProfilePart<SessionTracker>
{
    /// <summary>The part of a profile that has none yet, for reads: never changed.</summary>
    public static SessionTracker Empty { get; } = new();

    private static readonly long TimeoutTicks = ProfileLimits.SessionTimeout.Ticks;
    private readonly TimedBuffer<TickEntry> _retained = new();
    private long? _boundary;
    private int _startsThroughBoundary;
    private int _retainedStarts;

    public bool IsEmpty => _boundary is null && _startsThroughBoundary == 0 && _retained.Count == 0;

    public int SessionCount => _startsThroughBoundary + _retainedStarts;

    public long? LastActivityTicks => _retained.Count > 0 ? _retained.Last.Ticks : _boundary;

    /// <summary>Records a site event at <paramref name="ticks"/>; false when it lies before the boundary and is ignored.</summary>
    public bool Add(long ticks)
    {
        if (_boundary is { } boundary && ticks <= boundary)
        {
            return ticks == boundary;
        }

        var entry = new TickEntry(ticks);
        if (_retained.Count == 0 || ticks > _retained.Last.Ticks)
        {
            var previous = _retained.Count > 0 ? _retained.Last.Ticks : _boundary;
            _retainedStarts += IsStart(ticks, previous) ? 1 : 0;
            _retained.Add(entry);
            return true;
        }

        var index = _retained.LowerBound(entry);
        if (_retained[index].Ticks == ticks)
        {
            return true;
        }

        var predecessor = index > 0 ? _retained[index - 1].Ticks : _boundary;
        var successor = _retained[index].Ticks;
        var before = IsStart(successor, predecessor) ? 1 : 0;
        var after = (IsStart(ticks, predecessor) ? 1 : 0) + (IsStart(successor, ticks) ? 1 : 0);
        _retainedStarts += after - before;
        _retained.Add(entry);
        return true;
    }

    /// <summary>Moves the instants at or before <paramref name="ticks"/> into the boundary.</summary>
    public void PruneThrough(long ticks)
    {
        while (_retained.FirstIsAtOrBefore(ticks))
        {
            var first = _retained[0].Ticks;
            var start = IsStart(first, _boundary) ? 1 : 0;
            _startsThroughBoundary += start;
            _retainedStarts -= start;
            _boundary = first;
            _retained.RemoveFirst();
        }
    }

    /// <summary>
    /// Joins another tracker: its retained instants are inserted (exact), its sessions before its boundary are
    /// added as they are (exact when neither history reaches beyond the horizon).
    /// </summary>
    public void MergeFrom(SessionTracker other)
    {
        foreach (var entry in other._retained.Items())
        {
            Add(entry.Ticks);
        }

        _startsThroughBoundary += other._startsThroughBoundary;
    }

    public void Write(SnapshotWriter writer)
    {
        writer.WriteOptionalLong(_boundary);
        writer.WriteInt(_startsThroughBoundary);
        writer.WriteInt(_retained.Count);
        foreach (var entry in _retained.Items())
        {
            writer.WriteLong(entry.Ticks);
        }
    }

    public static SessionTracker Read(SnapshotReader reader)
    {
        var tracker = new SessionTracker
        {
            _boundary = reader.ReadOptionalLong(),
            _startsThroughBoundary = reader.ReadInt(),
        };
        var count = reader.ReadCount();
        for (var i = 0; i < count; i++)
        {
            tracker.Add(reader.ReadLong());
        }

        return tracker;
    }

    private static bool IsStart(long ticks, long? previous) => previous is not { } p || ticks - p >= TimeoutTicks;
}
