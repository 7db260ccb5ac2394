namespace Segmentation.Performance.Reporting;

/// <summary>Bringing the whole population into the silo (load generator with <c>--visit-all</c>).</summary>
/// <param name="Customers">Customers the silo knows afterwards.</param>
/// <param name="Events">Events acknowledged.</param>
/// <param name="Seconds">Time taken.</param>
public sealed record PopulationResult(long Customers, long Events, double Seconds);
