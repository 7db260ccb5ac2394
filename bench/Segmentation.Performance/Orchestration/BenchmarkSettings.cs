using Segmentation.Performance.Reporting;

namespace Segmentation.Performance.Orchestration;

/// <summary>What a benchmark run does; <see cref="Quick"/> and <see cref="Standard"/> are the two presets.</summary>
public sealed record BenchmarkSettings
{
    /// <summary>The largest population accepted.</summary>
    public const int MaxCustomers = 5_000_000;

    /// <summary>Customers in the silo for memory, recovery and backfill (1,000,000 for the full run).</summary>
    public int Customers { get; init; } = 100_000;

    /// <summary>How long each step of the rate staircase offers its rate.</summary>
    public TimeSpan StepDuration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the steady phase (freshness probes, ledger, then kill -9) lasts.</summary>
    public TimeSpan SteadyDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The first step's rate.</summary>
    public double StartRate { get; init; } = 2_000;

    /// <summary>No step offers more.</summary>
    public double MaxRate { get; init; } = 400_000;

    /// <summary>How often the baseline recomputes its segment counts.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether to run the PostgreSQL baseline.</summary>
    public bool Baseline { get; init; } = true;

    /// <summary>Whether this is the quick preset (for the report).</summary>
    public bool IsQuick { get; init; }

    /// <summary>Where the report, the load generator's reports and the logs go.</summary>
    public string OutputDirectory { get; init; } = Path.Combine("artifacts", "benchmark");

    /// <summary>A run of a few minutes: 20,000 customers, 10 s steps, a 30 s steady phase, refresh every 10 s.</summary>
    public static BenchmarkSettings Quick { get; } = new()
    {
        Customers = 20_000,
        StepDuration = TimeSpan.FromSeconds(10),
        SteadyDuration = TimeSpan.FromSeconds(30),
        RefreshInterval = TimeSpan.FromSeconds(10),
        IsQuick = true,
    };

    /// <summary>The default run: 100,000 customers, 20 s steps, a 60 s steady phase, refresh every 60 s.</summary>
    public static BenchmarkSettings Standard { get; } = new();

    /// <summary>One message per invalid setting, naming the option (none when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Customers is < 1_000 or > MaxCustomers)
        {
            problems.Add($"--customers must be between 1,000 and {MaxCustomers:N0}; got {Customers:N0}.");
        }

        if (StepDuration < TimeSpan.FromSeconds(5))
        {
            problems.Add($"--step-duration must be at least 5 s; got {StepDuration.TotalSeconds:0.###} s.");
        }

        if (SteadyDuration < TimeSpan.FromSeconds(20))
        {
            problems.Add($"--steady-duration must be at least 20 s (probes, then kill -9); got {SteadyDuration.TotalSeconds:0.###} s.");
        }

        if (!double.IsFinite(StartRate) || StartRate < 100)
        {
            problems.Add($"--start-rate must be at least 100 events/s; got {StartRate}.");
        }

        if (!double.IsFinite(MaxRate) || MaxRate < StartRate)
        {
            problems.Add($"--max-rate must be at least the start rate ({StartRate}); got {MaxRate}.");
        }

        if (RefreshInterval < TimeSpan.FromSeconds(1) || RefreshInterval > TimeSpan.FromHours(1))
        {
            problems.Add($"--refresh-interval must be between 1 s and 1 h; got {RefreshInterval.TotalSeconds:0.###} s.");
        }

        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            problems.Add("--output must name a directory.");
        }

        return problems;
    }

    /// <summary>The settings as the report shows them.</summary>
    public RunSettings ToReport() => new(
        IsQuick, Customers, StepDuration.TotalSeconds, SteadyDuration.TotalSeconds, StartRate, MaxRate, RefreshInterval.TotalSeconds, Baseline);
}
