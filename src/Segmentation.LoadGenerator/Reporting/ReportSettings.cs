namespace Segmentation.LoadGenerator.Reporting;

/// <summary>The options a run used, in report units.</summary>
public sealed record ReportSettings
{
    public required double Rate { get; init; }

    public required double RampSeconds { get; init; }

    public required double DurationSeconds { get; init; }

    public required double DrainTimeoutSeconds { get; init; }

    public required int BatchSize { get; init; }

    public required int MaxBatchBytes { get; init; }

    public required int Concurrency { get; init; }

    public required int Customers { get; init; }

    public required int Products { get; init; }

    public required int ConcurrentSessions { get; init; }

    public required double CustomerSkew { get; init; }

    public required double ProductSkew { get; init; }

    public required double KnownShare { get; init; }

    public required long Seed { get; init; }

    /// <summary>Whether the first sessions visited every customer in turn (<c>--visit-all</c>).</summary>
    public bool VisitEveryCustomerFirst { get; init; }
}
