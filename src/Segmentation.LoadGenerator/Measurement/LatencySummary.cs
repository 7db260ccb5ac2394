namespace Segmentation.LoadGenerator.Measurement;

/// <summary>The summary of a <see cref="LatencyHistogram"/>, in milliseconds.</summary>
public sealed record LatencySummary
{
    /// <summary>How many latencies were recorded.</summary>
    public long Count { get; init; }

    public double MinMs { get; init; }

    public double MeanMs { get; init; }

    public double P50Ms { get; init; }

    public double P90Ms { get; init; }

    public double P99Ms { get; init; }

    public double P999Ms { get; init; }

    public double MaxMs { get; init; }
}
