namespace Segmentation.Domain.Rfm;

/// <summary>
/// An exact histogram of integer values (value to number of customers) kept in value order, updated by deltas.
/// Quintile cut points are read by one walk over the distinct values, never over customers.
/// </summary>
public sealed class RfmHistogram
{
    private readonly SortedDictionary<long, int> _counts = [];

    /// <summary>The number of customers counted.</summary>
    public int Total { get; private set; }

    /// <summary>The distinct values with their counts, ascending.</summary>
    public IReadOnlyList<KeyValuePair<long, int>> Entries => _counts.ToList();

    public int CountOf(long value) => _counts.GetValueOrDefault(value);

    public void Add(long value) => Change(value, 1);

    /// <exception cref="InvalidOperationException">The value is not in the histogram.</exception>
    public void Remove(long value) => Change(value, -1);

    /// <summary>
    /// For k = 1..4, the smallest value v in the histogram with 5 * below(v) >= k * Total, where below(v) is the
    /// number of customers with a value strictly smaller than v; <see cref="long.MaxValue"/> when there is none.
    /// A value v therefore reaches cut point k exactly when 1 + floor(5 * below(v) / Total) > k.
    /// </summary>
    public long[] QuintileCutPoints()
    {
        var cuts = new[] { long.MaxValue, long.MaxValue, long.MaxValue, long.MaxValue };
        var k = 1;
        var below = 0L;
        foreach (var (value, count) in _counts)
        {
            while (k <= 4 && 5 * below >= (long)k * Total)
            {
                cuts[k - 1] = value;
                k++;
            }

            below += count;
        }

        return cuts;
    }

    internal void Add(long value, int count) => Change(value, count);

    internal void AddAll(RfmHistogram other)
    {
        foreach (var (value, count) in other._counts)
        {
            Change(value, count);
        }
    }

    private void Change(long value, int delta)
    {
        var count = _counts.GetValueOrDefault(value) + delta;
        if (count < 0)
        {
            throw new InvalidOperationException($"The value {value} is not in the histogram.");
        }

        if (count == 0)
        {
            _counts.Remove(value);
        }
        else
        {
            _counts[value] = count;
        }

        Total += delta;
    }
}
