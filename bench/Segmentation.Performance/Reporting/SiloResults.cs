namespace Segmentation.Performance.Reporting;

/// <summary>Everything measured on the silo.</summary>
public sealed record SiloResults(
    ThroughputResult Throughput,
    PopulationResult Population,
    MemoryResult Memory,
    FreshnessResult Freshness,
    ReminderLatenessResult ReminderLateness,
    RecoveryResult Recovery,
    BackfillResult Backfill);
