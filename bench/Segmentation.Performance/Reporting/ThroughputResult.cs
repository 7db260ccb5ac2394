namespace Segmentation.Performance.Reporting;

/// <summary>What a rate staircase found.</summary>
/// <param name="SustainedEventsPerSecond">The offered rate of the highest step that kept up (all of it acknowledged); 0 when none did.</param>
/// <param name="AckP50Ms">Acknowledgement latency median at that step.</param>
/// <param name="AckP99Ms">Acknowledgement latency 99th percentile at that step.</param>
/// <param name="Steps">Every step, in the order run.</param>
public sealed record ThroughputResult(double SustainedEventsPerSecond, double AckP50Ms, double AckP99Ms, IReadOnlyList<LoadStepResult> Steps);
