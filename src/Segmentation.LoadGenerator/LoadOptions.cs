using Segmentation.LoadGenerator.Sending;
using Segmentation.LoadGenerator.Serialization;
using Segmentation.LoadGenerator.Shoppers;

namespace Segmentation.LoadGenerator;

/// <summary>Everything a <see cref="LoadRun"/> needs to know: the offered load, its shape, and the shoppers.</summary>
public sealed record LoadOptions
{
    /// <summary>The silo's base URL (loopback only); batches go to <c>{Url}/v1/batch</c>.</summary>
    public Uri Url { get; init; } = new("http://127.0.0.1:5080");

    /// <summary>The write key sent as the HTTP Basic user name.</summary>
    public string WriteKey { get; init; } = "segmentation-development-write-key";

    /// <summary>Target events per second once the ramp is over.</summary>
    public double Rate { get; init; } = 10_000;

    /// <summary>How long the rate climbs linearly from zero.</summary>
    public TimeSpan Ramp { get; init; } = TimeSpan.Zero;

    /// <summary>How long events keep becoming due.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long after <see cref="Duration"/> unacknowledged batches may still be sent and answered.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The most events per request.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>The most bytes per request (the silo takes 500 KB by default).</summary>
    public int MaxBatchBytes { get; init; } = 450 * 1024;

    /// <summary>The most requests in flight (and HTTP connections).</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>How often one batch is sent again after a 429.</summary>
    public int MaxRetries { get; init; } = 10;

    /// <summary>How long one request may take before it counts as a transport failure.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The prefix of every message, order, cart and email id; a fresh random one by default.</summary>
    public string RunId { get; init; } = RunIds.NewRunId();

    /// <summary>The shoppers: population, catalog, skews and seed.</summary>
    public ShopperModelOptions Shoppers { get; init; } = new();

    /// <summary>Checks the values; returns one message per problem (none when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!LoopbackUrl.Validate(Url, out var urlProblem))
        {
            problems.Add(urlProblem);
        }

        if (!double.IsFinite(Rate) || Rate <= 0)
        {
            problems.Add("--rate must be a positive number of events per second.");
        }

        if (Duration <= TimeSpan.Zero)
        {
            problems.Add("--duration must be positive.");
        }

        if (Ramp < TimeSpan.Zero || DrainTimeout < TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero)
        {
            problems.Add("--ramp and --drain-timeout must not be negative, and --request-timeout must be positive.");
        }

        if (BatchSize < 1 || Concurrency < 1 || MaxRetries < 0)
        {
            problems.Add("--batch-size and --concurrency must be at least 1, and --max-retries not negative.");
        }

        if (MaxBatchBytes < ShopperBatchSource.MinBatchBytes)
        {
            problems.Add($"--max-batch-bytes must be at least {ShopperBatchSource.MinBatchBytes}.");
        }

        if (!RunIds.IsValid(RunId))
        {
            problems.Add(RunIds.Rule);
        }

        problems.AddRange(Shoppers.Validate());
        return problems;
    }
}
