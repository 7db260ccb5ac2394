using Segmentation.Performance.Reporting;

namespace Segmentation.Performance.Tests;

/// <summary>Results of a made-up run, for the report tests.</summary>
internal static class ReportSamples
{
    public static ThroughputResult Throughput(double sustained, double p50 = 40, double p99 = 120) => new(
        sustained, p50, p99, [new LoadStepResult(sustained, sustained * 0.98, 1_000, 1_000, 0, 0, p50, p99, p99 + 5, true, "kept up", "step-0.json")]);

    public static SiloResults Silo(
        double sustained = 40_000, double freshnessP99 = 80, long unseen = 0, long customers = 1_000_000, double ready = 3.2, long missing = 0) => new(
        Throughput(sustained),
        new PopulationResult(customers, 8_000_000, 400),
        new MemoryResult(customers, customers, 200L << 20, 12L << 30, 50L << 20, 9L << 30, 1.2e9, 0.9e9),
        new FreshnessResult(500, unseen, 20, freshnessP99, 150, sustained / 2),
        new ReminderLatenessResult(1_200, 3, 45, 90),
        new RecoveryResult(customers, ready, "Recovered 64 partitions: replayed 1000 records in 800 ms", 20_000, missing, 0),
        new BackfillResult("total_revenue >= 100", customers, 42.5, 120_000));

    public static BaselineResults Baseline(double sustained = 2_000, double freshnessP99 = 60_500) => new(
        "15", 60, Throughput(sustained, 900, 2_400), new FreshnessResult(1_800, 0, 31_000, freshnessP99, 61_000, sustained / 2), 5, 850);

    public static MachineInfo Machine { get; } = new(2, 23.4, "Linux", ".NET 9.0", [1.5, 1.2, 0.9]);
}
