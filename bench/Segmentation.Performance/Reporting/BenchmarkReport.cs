namespace Segmentation.Performance.Reporting;

/// <summary>The whole run: the machine, the settings, both sides' figures and the targets, as written to JSON.</summary>
/// <param name="StartedAt">When the run started.</param>
/// <param name="ElapsedSeconds">How long it took.</param>
/// <param name="Machine">The machine, with its load averages at the start.</param>
/// <param name="LoadAverageAtEnd">The load averages again at the end (the machine may be shared).</param>
/// <param name="Settings">What the run did.</param>
/// <param name="Silo">The silo's figures.</param>
/// <param name="Baseline">Null when the run left the baseline out.</param>
/// <param name="ThroughputRatio">Silo sustained events/s over the baseline's.</param>
/// <param name="FreshnessRatio">Baseline freshness p99 over the silo's (how many times fresher the silo's counts are).</param>
/// <param name="Targets">The verdict on each target.</param>
public sealed record BenchmarkReport(
    DateTimeOffset StartedAt,
    double ElapsedSeconds,
    MachineInfo Machine,
    IReadOnlyList<double> LoadAverageAtEnd,
    RunSettings Settings,
    SiloResults Silo,
    BaselineResults? Baseline,
    double? ThroughputRatio,
    double? FreshnessRatio,
    IReadOnlyList<TargetVerdict> Targets);
