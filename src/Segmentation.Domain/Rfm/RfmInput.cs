namespace Segmentation.Domain.Rfm;

/// <summary>
/// The RFM facts of one customer with at least one order, in a form that does not change as time passes:
/// the UTC date of the last order (recency is derived from it for any <c>asOf</c>), the order count and the
/// net revenue in cents. This is what a population keeps a histogram of.
/// </summary>
public readonly record struct RfmInput(DateOnly LastOrderDate, int Frequency, long MonetaryCents)
{
    /// <summary>
    /// Whole days since the last order: the UTC calendar date of <paramref name="asOf"/> minus the UTC date of the
    /// last order (an order at 23:59 is one day old at 00:01). Negative when the last order is after <paramref name="asOf"/>.
    /// </summary>
    public int RecencyDays(DateTimeOffset asOf) => DateOnly.FromDateTime(asOf.UtcDateTime).DayNumber - LastOrderDate.DayNumber;
}
