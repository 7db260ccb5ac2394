using Microsoft.Extensions.Options;
using Segmentation.Runtime;
using Segmentation.Runtime.Configuration;
using Segmentation.Segments.Evaluation;

namespace Segmentation.Grains.Segments;

/// <summary>
/// Evaluates an unsaved rule over every registered customer now, without changing anything: each registry shard is
/// paged in key order and a page's customers are asked at once (<see cref="CustomerEvaluations"/>), so at most
/// <see cref="ShardsInParallel"/> pages of <see cref="DefaultPageSize"/> customers are in flight, and ingestion goes on
/// beside them.
/// </summary>
public sealed class SegmentPreviewer
{
    /// <summary>Customers asked at once per shard.</summary>
    public const int DefaultPageSize = 2048;

    /// <summary>Shards previewed at the same time.</summary>
    public static readonly int ShardsInParallel = Math.Max(2, Environment.ProcessorCount);

    private readonly IClusterClient _client;
    private readonly TimeProvider _time;
    private readonly TimeSpan _responseTimeout;
    private readonly int _pageSize;

    public SegmentPreviewer(IClusterClient client, TimeProvider time, IOptions<SiloOptions> siloOptions)
        : this(client, time, siloOptions, DefaultPageSize)
    {
    }

    internal SegmentPreviewer(IClusterClient client, TimeProvider time, IOptions<SiloOptions> siloOptions, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(siloOptions);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _client = client;
        _time = time;
        _responseTimeout = siloOptions.Value.ResponseTimeout;
        _pageSize = pageSize;
    }

    /// <summary>
    /// The members among all registered customers, how many customers have a profile (<see cref="SegmentPreview.Evaluated"/>),
    /// and the first <paramref name="sampleSize"/> member ids in ordinal order (the same rule over the same customers
    /// always gives the same sample).
    /// </summary>
    /// <exception cref="TimeoutException">Some customer did not answer within the silo's response timeout.</exception>
    public async Task<SegmentPreview> PreviewAsync(CompiledSegmentRule rule, int sampleSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegative(sampleSize);
        var shards = new ShardTally[Shards.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Shards.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ShardsInParallel, CancellationToken = cancellationToken },
            async (shard, token) => shards[shard] = await PreviewShardAsync(shard, rule, sampleSize, token).ConfigureAwait(false))
            .ConfigureAwait(false);
        return new SegmentPreview(
            shards.Sum(static s => s.Members),
            shards.Sum(static s => s.Evaluated),
            [.. shards.SelectMany(static s => s.Sample).Order(StringComparer.Ordinal).Take(sampleSize)]);
    }

    private async Task<ShardTally> PreviewShardAsync(int shard, CompiledSegmentRule rule, int sampleSize, CancellationToken cancellationToken)
    {
        var registry = CustomerRegistry.Shard(_client, shard);
        var tally = new ShardTally(sampleSize);
        string? after = null;
        while (true)
        {
            var last = after;
            var keys = await registry.InvokeAsync(g => g.ListAsync(last, _pageSize), cancellationToken).ConfigureAwait(false);
            var answers = await CustomerEvaluations.AskAsync(_client, keys, rule, _responseTimeout, _time, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < keys.Count; i++)
            {
                tally.Add(keys[i], answers[i]);
            }

            if (keys.Count < _pageSize)
            {
                return tally;
            }

            after = keys[^1];
        }
    }

    /// <summary>One shard's figures; its keys come in order, so its first members are its smallest ids.</summary>
    private sealed class ShardTally(int sampleSize)
    {
        public long Members { get; private set; }

        public long Evaluated { get; private set; }

        public List<string> Sample { get; } = [];

        public void Add(string customerId, bool? answer)
        {
            if (answer is not { } member)
            {
                return;
            }

            Evaluated++;
            if (member)
            {
                Members++;
                if (Sample.Count < sampleSize)
                {
                    Sample.Add(customerId);
                }
            }
        }
    }
}
