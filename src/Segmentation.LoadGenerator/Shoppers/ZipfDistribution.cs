namespace Segmentation.LoadGenerator.Shoppers;

/// <summary>
/// Ranks 0..n-1 drawn with probability proportional to 1 / (rank + 1)^exponent: a few customers and products take
/// most of the traffic and a long tail takes the rest. Exponent 0 is uniform. Sampling is a binary search of the
/// cumulative distribution (8 bytes per rank).
/// </summary>
public sealed class ZipfDistribution
{
    private readonly double[] _cumulative;

    /// <summary>A distribution over <paramref name="count"/> ranks.</summary>
    public ZipfDistribution(int count, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!double.IsFinite(exponent) || exponent < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "The exponent must be zero or positive.");
        }

        Exponent = exponent;
        _cumulative = new double[count];
        double sum = 0;
        for (var rank = 0; rank < count; rank++)
        {
            sum += 1.0 / Math.Pow(rank + 1, exponent);
            _cumulative[rank] = sum;
        }

        for (var rank = 0; rank < count; rank++)
        {
            _cumulative[rank] /= sum;
        }

        _cumulative[count - 1] = 1.0;
    }

    /// <summary>How many ranks there are.</summary>
    public int Count => _cumulative.Length;

    /// <summary>The skew: 0 is uniform, 1 is classic Zipf.</summary>
    public double Exponent { get; }

    /// <summary>The probability of <paramref name="rank"/>.</summary>
    public double Probability(int rank) => rank == 0 ? _cumulative[0] : _cumulative[rank] - _cumulative[rank - 1];

    /// <summary>A rank drawn from <paramref name="random"/>.</summary>
    public int Sample(ShopperRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return index >= 0 ? Math.Min(index + 1, _cumulative.Length - 1) : ~index;
    }
}
