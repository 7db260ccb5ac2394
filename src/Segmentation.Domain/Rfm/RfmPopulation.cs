namespace Segmentation.Domain.Rfm;

/// <summary>
/// What a population grain keeps to score customers by quintiles without scanning them: exact histograms of
/// last-order dates (as day numbers), order counts and monetary cents over the customers with orders, updated
/// by each customer's delta (<see cref="Replace"/>).
/// </summary>
/// <remarks>
/// <para>
/// Quintile definition (ties included). For a dimension with N customers, a customer whose value is v has
/// score 1 + floor(5 * below(v) / N), where below(v) is the number of customers with a strictly worse value:
/// a smaller frequency or monetary amount, an earlier last-order date (recency is reversed: more recent is
/// better). Customers with equal values always share a score; a value shared by many customers can make a
/// score unused (if 60% have one order, F jumps from 1 to 4). This is the "minimum rank" percentile, the
/// score of the bucket the customer's lowest tied rank falls in.
/// </para>
/// <para>
/// Recency is kept as the last-order date rather than as days since it, so the histogram does not shift at
/// midnight: recency days at any <c>asOf</c> are the <c>asOf</c> date minus the key, and quintiles compare
/// customers only with each other.
/// </para>
/// </remarks>
public sealed class RfmPopulation
{
    public RfmHistogram LastOrderDays { get; } = new();

    public RfmHistogram Frequency { get; } = new();

    public RfmHistogram MonetaryCents { get; } = new();

    /// <summary>Customers with at least one order.</summary>
    public int Count => Frequency.Total;

    public static RfmPopulation FromInputs(IEnumerable<RfmInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var population = new RfmPopulation();
        foreach (var input in inputs)
        {
            population.Add(input);
        }

        return population;
    }

    public void Add(RfmInput input)
    {
        LastOrderDays.Add(input.LastOrderDate.DayNumber);
        Frequency.Add(input.Frequency);
        MonetaryCents.Add(input.MonetaryCents);
    }

    /// <exception cref="InvalidOperationException">The input is not part of the population.</exception>
    /// <summary>Adds every customer counted in <paramref name="other"/> (the union of two disjoint populations).</summary>
    public void AddAll(RfmPopulation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        LastOrderDays.AddAll(other.LastOrderDays);
        Frequency.AddAll(other.Frequency);
        MonetaryCents.AddAll(other.MonetaryCents);
    }

    public void Remove(RfmInput input)
    {
        LastOrderDays.Remove(input.LastOrderDate.DayNumber);
        Frequency.Remove(input.Frequency);
        MonetaryCents.Remove(input.MonetaryCents);
    }

    /// <summary>Applies one customer's change: null for "no orders" on either side.</summary>
    public void Replace(RfmInput? oldValues, RfmInput? newValues)
    {
        if (oldValues == newValues)
        {
            return;
        }

        if (oldValues is { } old)
        {
            Remove(old);
        }

        if (newValues is { } updated)
        {
            Add(updated);
        }
    }

    /// <summary>The quintile cut points (see the remarks) with recency counted from the UTC date of <paramref name="asOf"/>.</summary>
    public RfmCutPoints ComputeQuintileCutPoints(DateTimeOffset asOf)
    {
        var reference = DateOnly.FromDateTime(asOf.UtcDateTime);
        var days = LastOrderDays.QuintileCutPoints();
        var recency = new long[4];
        for (var i = 0; i < 4; i++)
        {
            recency[i] = days[i] == long.MaxValue ? long.MinValue : reference.DayNumber - days[i];
        }

        var frequency = Frequency.QuintileCutPoints();
        var monetary = MonetaryCents.QuintileCutPoints();
        return new RfmCutPoints(
            RfmScoringMode.Quintiles,
            new RfmThresholds(RfmDirection.LowerIsBetter, recency[0], recency[1], recency[2], recency[3]),
            new RfmThresholds(RfmDirection.HigherIsBetter, frequency[0], frequency[1], frequency[2], frequency[3]),
            new RfmThresholds(RfmDirection.HigherIsBetter, monetary[0], monetary[1], monetary[2], monetary[3]),
            reference,
            Count);
    }

    /// <summary>Quintile or fixed cut points, as <paramref name="options"/> says.</summary>
    public RfmCutPoints ComputeCutPoints(RfmOptions options, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Mode == RfmScoringMode.FixedThresholds ? RfmCutPoints.Fixed(options) : ComputeQuintileCutPoints(asOf);
    }
}
