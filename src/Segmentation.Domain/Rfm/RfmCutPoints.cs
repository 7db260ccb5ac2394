using Segmentation.Domain.Profiles.State;

namespace Segmentation.Domain.Rfm;

/// <summary>
/// Cut points for the three dimensions: recency in days since the last order (lower is better), frequency in
/// orders and monetary in cents (higher is better).
/// </summary>
/// <remarks>
/// <para><c>ReferenceDate</c>: For quintiles, the date the recency cut points are counted from. Quintile recency only compares customers' last-order dates with each other, so it does not decay as time passes: scoring measures recency from this date, not from <c>asOf</c>. Null for fixed thresholds, whose recency is measured from <c>asOf</c>.</para>
/// <para><c>PopulationSize</c>: How many customers the quintiles were computed over (zero for fixed thresholds).</para>
/// </remarks>
public sealed record RfmCutPoints(
    RfmScoringMode Mode,
    RfmThresholds RecencyDays,
    RfmThresholds Frequency,
    RfmThresholds MonetaryCents,
    DateOnly? ReferenceDate,
    int PopulationSize)
{
    /// <summary>The fixed thresholds of <paramref name="options"/>.</summary>
    public static RfmCutPoints Fixed(RfmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.FixedRecencyMaxDays.Count != 4 || options.FixedMinOrders.Count != 4 || options.FixedMinRevenue.Count != 4)
        {
            throw new ArgumentException("Fixed RFM thresholds need four values each (for scores 2 to 5).", nameof(options));
        }

        var r = options.FixedRecencyMaxDays;
        var f = options.FixedMinOrders;
        var m = options.FixedMinRevenue.Select(Money.ToCents).ToArray();
        return new RfmCutPoints(
            RfmScoringMode.FixedThresholds,
            new RfmThresholds(RfmDirection.LowerIsBetter, r[0], r[1], r[2], r[3]),
            new RfmThresholds(RfmDirection.HigherIsBetter, f[0], f[1], f[2], f[3]),
            new RfmThresholds(RfmDirection.HigherIsBetter, m[0], m[1], m[2], m[3]),
            null,
            0);
    }

    /// <summary>The scores of a customer at <paramref name="asOf"/>.</summary>
    public RfmScores Score(RfmInput input, DateTimeOffset asOf)
    {
        var reference = ReferenceDate ?? DateOnly.FromDateTime(asOf.UtcDateTime);
        var recencyDays = reference.DayNumber - input.LastOrderDate.DayNumber;
        return new RfmScores(RecencyDays.Score(recencyDays), Frequency.Score(input.Frequency), MonetaryCents.Score(input.MonetaryCents));
    }

    /// <summary>
    /// The next instant after <paramref name="after"/> at which the customer's R score changes by time passing
    /// alone (a UTC midnight where the recency days cross a cut point); null for quintiles, whose recency does
    /// not decay, or when no cut point is left to cross.
    /// </summary>
    public DateTimeOffset? NextScoreChange(RfmInput input, DateTimeOffset after)
    {
        if (ReferenceDate is not null)
        {
            return null;
        }

        DateTimeOffset? next = null;
        ReadOnlySpan<long> cuts = [RecencyDays.Score2, RecencyDays.Score3, RecencyDays.Score4, RecencyDays.Score5];
        foreach (var maxDays in cuts)
        {
            if (maxDays == RecencyDays.Unreachable || maxDays >= int.MaxValue / 2 || maxDays <= int.MinValue / 2)
            {
                continue;
            }

            var dayNumber = input.LastOrderDate.DayNumber + maxDays + 1;
            if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
            {
                continue;
            }

            var instant = new DateTimeOffset(DateOnly.FromDayNumber((int)dayNumber).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (instant > after && (next is null || instant < next))
            {
                next = instant;
            }
        }

        return next;
    }
}
