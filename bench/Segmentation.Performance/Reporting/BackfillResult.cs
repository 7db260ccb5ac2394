namespace Segmentation.Performance.Reporting;

/// <summary>A new segment saved over the whole population, until its backfill completes.</summary>
/// <param name="Rule">The new segment's rule.</param>
/// <param name="Customers">Customers evaluated.</param>
/// <param name="Seconds">From the backfill's start to its completion, as the silo reports them.</param>
/// <param name="Count">Members found.</param>
public sealed record BackfillResult(string Rule, long Customers, double Seconds, long Count);
