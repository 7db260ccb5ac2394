namespace Segmentation.Performance.Reporting;

/// <summary>The settings of a run, in report units.</summary>
public sealed record RunSettings(
    bool Quick,
    int Customers,
    double StepSeconds,
    double SteadySeconds,
    double StartRate,
    double MaxRate,
    double RefreshIntervalSeconds,
    bool Baseline);
