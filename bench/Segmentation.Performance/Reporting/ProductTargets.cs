using static System.FormattableString;

namespace Segmentation.Performance.Reporting;

/// <summary>The product's speed targets (issue 7) and the verdict of a run on each.</summary>
public static class ProductTargets
{
    public const double EventsPerSecond = 100_000;
    public const double BaselineMultiple = 10;
    public const double FreshnessP99Ms = 100;
    public const double ReadySeconds = 5;
    public const int RecoveryCustomers = 1_000_000;

    /// <summary>Throughput, multiple of the baseline, freshness p99, and ready after kill -9 with nothing lost.</summary>
    public static IReadOnlyList<TargetVerdict> Evaluate(SiloResults silo, BaselineResults? baseline)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var sustained = silo.Throughput.SustainedEventsPerSecond;
        var verdicts = new List<TargetVerdict>
        {
            new(
                "Sustained events/s with durable acknowledgement",
                Invariant($"≥ {EventsPerSecond:N0}"),
                Invariant($"{sustained:N0}"),
                sustained >= EventsPerSecond,
                sustained >= EventsPerSecond ? null : Invariant($"{sustained / EventsPerSecond:P0} of the target")),
            Multiple(sustained, baseline),
            new(
                "Segment freshness p99",
                Invariant($"≤ {FreshnessP99Ms:N0} ms"),
                Invariant($"{silo.Freshness.P99Ms:N1} ms"),
                silo.Freshness.Probes > 0 ? silo.Freshness.P99Ms <= FreshnessP99Ms && silo.Freshness.Unseen == 0 : null,
                Freshness(silo.Freshness)),
            Recovery(silo.Recovery),
        };
        return verdicts;
    }

    private static TargetVerdict Multiple(double sustained, BaselineResults? baseline)
    {
        const string Name = "Throughput over the SQL baseline";
        var required = Invariant($"≥ {BaselineMultiple:N0}x");
        if (baseline is null)
        {
            return new(Name, required, "baseline not run", null, "run without --no-baseline to compare");
        }

        var theirs = baseline.Throughput.SustainedEventsPerSecond;
        if (theirs <= 0)
        {
            return new(Name, required, "baseline kept up at no step", null, "lower the start rate to measure the baseline");
        }

        var multiple = sustained / theirs;
        return new(Name, required, Invariant($"{multiple:N1}x ({sustained:N0} vs {theirs:N0} events/s)"), multiple >= BaselineMultiple,
            Note: null);
    }

    private static string? Freshness(FreshnessResult freshness) =>
        freshness.Probes == 0 ? "no probe was counted"
        : freshness.Unseen > 0 ? Invariant($"{freshness.Unseen} probes were never counted")
        : null;

    private static TargetVerdict Recovery(RecoveryResult recovery)
    {
        var measured = Invariant($"{recovery.ReadySeconds:N1} s with {recovery.Customers:N0} customers; {recovery.LedgerAcknowledged:N0} acknowledged, {recovery.LedgerMissing:N0} lost, {recovery.LedgerDuplicates:N0} twice");
        var fastEnough = recovery.ReadySeconds <= ReadySeconds;
        if (!recovery.NothingLost)
        {
            return new("Ready after kill -9, nothing acknowledged lost", Invariant($"≤ {ReadySeconds:N0} s, 1 M customers"), measured, false,
                "acknowledged events were lost or counted twice");
        }

        return recovery.Customers < RecoveryCustomers
            ? new("Ready after kill -9, nothing acknowledged lost", Invariant($"≤ {ReadySeconds:N0} s, 1 M customers"), measured, null,
                Invariant($"measured with {recovery.Customers:N0} customers; the target is for {RecoveryCustomers:N0} (--customers 1000000)"))
            : new("Ready after kill -9, nothing acknowledged lost", Invariant($"≤ {ReadySeconds:N0} s, 1 M customers"), measured, fastEnough, Note: null);
    }
}
