namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// A fixed-size, lock-free cache of entries found by a hash, for values that repeat across events and customers. An
/// entry takes its slot only the second time in a row its hash is seen there (<see cref="SeenBefore"/>), so values that
/// never repeat neither allocate an entry nor push out the ones that do. A slot holds the entry last stored in it:
/// callers check that an entry they find is theirs.
/// </summary>
internal sealed class RepeatCache<TEntry>
    where TEntry : class
{
    private readonly TEntry?[] _entries;

    /// <summary>Per slot, the hash last seen there that is not cached.</summary>
    private readonly int[] _seen;

    /// <param name="slots">A power of two.</param>
    public RepeatCache(int slots)
    {
        if (slots <= 0 || (slots & (slots - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "The slot count must be a power of two.");
        }

        _entries = new TEntry?[slots];
        _seen = new int[slots];
    }

    /// <summary>The entry in <paramref name="hash"/>'s slot, if any: possibly another value's.</summary>
    public TEntry? Find(int hash) => Volatile.Read(ref _entries[Slot(hash)]);

    /// <summary>True when <paramref name="hash"/> was also the last hash seen at its slot: then store its entry.</summary>
    public bool SeenBefore(int hash) => Interlocked.Exchange(ref _seen[Slot(hash)], hash) == hash;

    public void Store(int hash, TEntry entry) => Volatile.Write(ref _entries[Slot(hash)], entry);

    private int Slot(int hash) => hash & (_entries.Length - 1);
}
