using Segmentation.Grains.Customers;
using Segmentation.Runtime;
using Segmentation.Segments.Evaluation;

namespace Segmentation.Grains.Segments;

/// <summary>
/// Evaluates an unsaved rule over every registered customer now, without changing anything: each registry shard is
/// paged in key order and a page's customers are asked at once (<see cref="IClusterClient.InvokeEachAsync"/>: a
/// resident customer with nothing queued answers on the previewing thread, with no message and no allocation), at
/// most <see cref="ShardsInParallel"/> pages of <see cref="DefaultPageSize"/> customers at a time, and ingestion goes
/// on beside them.
/// </summary>
public sealed class SegmentPreviewer
{
    /// <summary>Customers asked at once per shard.</summary>
    public const int DefaultPageSize = 2048;

    /// <summary>Shards previewed at the same time.</summary>
    public static readonly int ShardsInParallel = Math.Max(2, Environment.ProcessorCount);

    private readonly IClusterClient _client;
    private readonly int _pageSize;

    public SegmentPreviewer(IClusterClient client)
        : this(client, DefaultPageSize)
    {
    }

    internal SegmentPreviewer(IClusterClient client, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _client = client;
        _pageSize = pageSize;
    }

    /// <summary>
    /// The members among all registered customers, how many customers have a profile (<see cref="SegmentPreview.Evaluated"/>),
    /// and the first <paramref name="sampleSize"/> member ids in ordinal order (the same rule over the same customers
    /// always gives the same sample).
    /// </summary>
    /// <exception cref="TimeoutException">Some customer had not answered within the silo's response timeout.</exception>
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
        var page = new PreviewPageEvaluation(rule, _pageSize);
        string? after = null;
        while (true)
        {
            var last = after;
            var keys = await registry.InvokeAsync(g => g.ListAsync(last, _pageSize), cancellationToken).ConfigureAwait(false);
            await _client.InvokeEachAsync<CustomerGrain, PreviewPageEvaluation>(keys, page, static (customer, i, p) => p.EvaluateAsync(customer, i), cancellationToken)
                .ConfigureAwait(false);
            tally.Add(keys, page.Answers(keys.Count));

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

        public void Add(IReadOnlyList<string> customerIds, ReadOnlySpan<bool?> answers)
        {
            for (var i = 0; i < answers.Length; i++)
            {
                if (answers[i] is not { } member)
                {
                    continue;
                }

                Evaluated++;
                if (member)
                {
                    Members++;
                    if (Sample.Count < sampleSize)
                    {
                        Sample.Add(customerIds[i]);
                    }
                }
            }
        }
    }
}
