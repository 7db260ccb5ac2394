using System.Runtime.InteropServices;
using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// The cart, exact under late events. The cart is a fold of its events in key order, which does not commute,
/// so the ledger keeps a base state (the fold of every event up to <c>BaseKey</c>) and a journal of the later
/// cart events. An in-order event is applied to the current cart in O(1); a late one is inserted and the
/// journal re-folded from the base. The canonical form, identical whatever the arrival order:
/// <c>BaseKey</c> is the newest cart event that is either an Order Completed (after which nothing earlier
/// matters) or older than the reorder horizon; the journal holds the cart events after it.
/// A late event at or before <c>BaseKey</c> is ignored: exact when the base ends with an Order Completed,
/// beyond the horizon otherwise.
/// </summary>
internal sealed class CartLedger : IProfilePart<CartLedger>
{
    /// <summary>The part of a profile that has none yet, for reads: never changed.</summary>
    public static CartLedger Empty { get; } = new();

    // The journal (room for one event at first) and the two states are allocated as cart events need them: a base only
    // once events are folded into it.
    private List<CartOp>? _journal;
    private CartState? _base;
    private EventKey? _baseKey;
    private bool _baseEndsWithClear;
    private CartState? _current;

    public bool IsEmpty => _baseKey is null && (_journal?.Count ?? 0) == 0;

    public CartState Current => _current ?? CartState.Empty;

    private List<CartOp> Journal => _journal ??= new(1);

    /// <summary>Applies a cart event; false when it lies before the base and could not be placed exactly.</summary>
    public bool Apply(CartOp op)
    {
        if (_baseKey is { } baseKey && op.Key <= baseKey)
        {
            return _baseEndsWithClear;
        }

        var last = _journal is { Count: > 0 } journaled ? journaled[^1].Key : _baseKey;
        if (last is null || op.Key > last.Value)
        {
            if (op.Kind == CartOpKind.Clear)
            {
                RebaseOnClear(op);
            }
            else
            {
                Journal.Add(op);
                (_current ??= new()).Apply(op);
            }

            return true;
        }

        var journal = Journal;
        var index = journal.BinarySearch(op, KeyComparer.Instance);
        journal.Insert(index < 0 ? ~index : index, op);
        var lastClear = journal.FindLastIndex(o => o.Kind == CartOpKind.Clear);
        if (lastClear >= 0)
        {
            var clear = journal[lastClear];
            journal.RemoveRange(0, lastClear + 1);
            _base = new CartState();
            _base.Apply(clear);
            _baseKey = clear.Key;
            _baseEndsWithClear = true;
        }

        Refold();
        return true;
    }

    /// <summary>Folds the journaled events at or before <paramref name="ticks"/> into the base.</summary>
    public void PruneThrough(long ticks)
    {
        if (_journal is not { Count: > 0 } journal)
        {
            return;
        }

        var count = 0;
        while (count < journal.Count && journal[count].Key.Ticks <= ticks)
        {
            (_base ??= new()).Apply(journal[count]);
            _baseKey = journal[count].Key;
            _baseEndsWithClear = false;
            count++;
        }

        if (count > 0)
        {
            journal.RemoveRange(0, count);
        }
    }

    /// <summary>Joins another ledger: the later base wins, the other's journaled events after it are inserted.</summary>
    public void MergeFrom(CartLedger other)
    {
        if (other._baseKey is { } otherBase && (_baseKey is null || otherBase > _baseKey.Value))
        {
            var mine = _journal?.ToList() ?? [];
            _journal?.Clear();
            _base = other._base?.Clone();
            _baseKey = other._baseKey;
            _baseEndsWithClear = other._baseEndsWithClear;
            if (other._journal is { } theirs)
            {
                Journal.AddRange(theirs);
            }

            _current = Fold();
            foreach (var op in mine)
            {
                Apply(op);
            }
        }
        else
        {
            foreach (var op in CollectionsMarshal.AsSpan(other._journal))
            {
                Apply(op);
            }
        }
    }

    public void Write(SnapshotWriter writer)
    {
        (_base ?? CartState.Empty).Write(writer);
        writer.WriteOptionalKey(_baseKey);
        writer.WriteBool(_baseEndsWithClear);
        writer.WriteInt(_journal?.Count ?? 0);
        foreach (var op in CollectionsMarshal.AsSpan(_journal))
        {
            op.Write(writer);
        }
    }

    public static CartLedger Read(SnapshotReader reader)
    {
        var ledger = new CartLedger
        {
            _base = CartState.Read(reader) is { IsEmpty: false } read ? read : null,
            _baseKey = reader.ReadOptionalKey(),
            _baseEndsWithClear = reader.ReadBool(),
        };
        var count = reader.ReadCount();
        for (var i = 0; i < count; i++)
        {
            ledger.Journal.Add(CartOp.Read(reader));
        }

        ledger.Refold();
        return ledger;
    }

    private void RebaseOnClear(CartOp clear)
    {
        _journal?.Clear();
        _base = new CartState();
        _base.Apply(clear);
        _baseKey = clear.Key;
        _baseEndsWithClear = true;
        _current = _base.Clone();
    }

    private void Refold() => _current = Fold();

    private CartState Fold()
    {
        var state = _base?.Clone() ?? new CartState();
        foreach (var op in CollectionsMarshal.AsSpan(_journal))
        {
            state.Apply(op);
        }

        return state;
    }

    private sealed class KeyComparer : IComparer<CartOp>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(CartOp? x, CartOp? y) => x!.Key.CompareTo(y!.Key);
    }
}
