namespace Segmentation.Grains.Segments;

/// <summary>
/// Ids in ordinal order, kept in blocks of at most <see cref="MaxBlock"/> sorted ids: adding or removing costs a
/// binary search and a move within one block, and a page after a given id costs a binary search and the page itself,
/// whatever the size (a million members page as fast as ten).
/// </summary>
internal sealed class SortedIdList
{
    private const int MaxBlock = 1024;

    private readonly List<List<string>> _blocks = [];

    public int Count { get; private set; }

    /// <summary>Builds the list from ids already in ordinal order without duplicates.</summary>
    public static SortedIdList FromSorted(IEnumerable<string> ids)
    {
        var list = new SortedIdList();
        foreach (var id in ids)
        {
            if (list._blocks.Count == 0 || list._blocks[^1].Count == MaxBlock / 2)
            {
                list._blocks.Add(new List<string>(MaxBlock));
            }

            list._blocks[^1].Add(id);
            list.Count++;
        }

        return list;
    }

    /// <summary>Adds an id; false when it is there already.</summary>
    public bool Add(string id)
    {
        if (_blocks.Count == 0)
        {
            _blocks.Add(new List<string>(MaxBlock) { id });
            Count++;
            return true;
        }

        var b = Math.Min(BlockFor(id), _blocks.Count - 1);
        var block = _blocks[b];
        var index = block.BinarySearch(id, StringComparer.Ordinal);
        if (index >= 0)
        {
            return false;
        }

        block.Insert(~index, id);
        Count++;
        if (block.Count > MaxBlock)
        {
            var upper = block.GetRange(MaxBlock / 2, block.Count - (MaxBlock / 2));
            block.RemoveRange(MaxBlock / 2, upper.Count);
            upper.Capacity = MaxBlock;
            _blocks.Insert(b + 1, upper);
        }

        return true;
    }

    /// <summary>Removes an id; false when it was not there.</summary>
    public bool Remove(string id)
    {
        var b = BlockFor(id);
        if (b == _blocks.Count)
        {
            return false;
        }

        var block = _blocks[b];
        var index = block.BinarySearch(id, StringComparer.Ordinal);
        if (index < 0)
        {
            return false;
        }

        block.RemoveAt(index);
        Count--;
        if (block.Count == 0)
        {
            _blocks.RemoveAt(b);
        }

        return true;
    }

    /// <summary>The ids after <paramref name="after"/> (null: from the first), in order.</summary>
    public IEnumerable<string> After(string? after)
    {
        var b = after is null ? 0 : BlockFor(after);
        if (b == _blocks.Count)
        {
            yield break;
        }

        var start = 0;
        if (after is not null)
        {
            var index = _blocks[b].BinarySearch(after, StringComparer.Ordinal);
            start = index >= 0 ? index + 1 : ~index;
        }

        for (; b < _blocks.Count; b++, start = 0)
        {
            var block = _blocks[b];
            for (var i = start; i < block.Count; i++)
            {
                yield return block[i];
            }
        }
    }

    /// <summary>The first block whose last id is at or after <paramref name="id"/>; the block count when there is none.</summary>
    private int BlockFor(string id)
    {
        int low = 0, high = _blocks.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(_blocks[middle][^1], id) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
