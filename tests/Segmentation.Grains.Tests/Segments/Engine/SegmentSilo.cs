using Microsoft.Extensions.DependencyInjection;
using Segmentation.Grains.Segments;
using Segmentation.Runtime.Storage;
using Segmentation.Storage.InMemory;
using Segmentation.TestKit;

namespace Segmentation.Grains.Tests.Segments.Engine;

/// <summary>A test silo with customer profiles and segments, with its storage at hand to read the deltas segments received.</summary>
internal sealed class SegmentSilo
{
    private readonly InMemorySiloStorage _storage = new();

    public SegmentSilo() => Options = new TestSiloOptions
    {
        Configure = static builder => builder.AddCustomerProfiles(),
        StorageFactory = () => _storage,
    };

    public TestSiloOptions Options { get; }

    public static async Task<(SegmentSilo Harness, TestSilo Silo)> StartAsync()
    {
        var harness = new SegmentSilo();
        return (harness, await TestSilo.StartAsync(harness.Options));
    }

    /// <summary>
    /// The deltas appended to a segment grain, oldest first, with <see cref="SegmentDelta.Sequence"/> set to 0 once
    /// checked to grow with each delta of a customer (the raw log: no crash here, so no replays).
    /// </summary>
    public async Task<IReadOnlyList<SegmentDelta>> DeltasAsync(string segmentId)
    {
        var records = await _storage.ReadGrainRecordsAsync(SegmentGrain.IdOf(segmentId), null, 100_000);
        var deltas = records.Where(static r => r.Kind == RecordKinds.SegmentDelta).Reverse().Select(static r => SegmentDelta.Decode(r.Payload)).ToList();
        foreach (var customer in deltas.GroupBy(static d => d.CustomerId))
        {
            var sequences = customer.Select(static d => d.Sequence).ToList();
            Assert.True(sequences.Zip(sequences.Skip(1)).All(static p => p.First < p.Second), $"Sequences of {customer.Key}: {string.Join(", ", sequences)}");
        }

        return [.. deltas.Select(static d => d with { Sequence = 0 })];
    }
}

/// <summary>Shortcuts for segment tests.</summary>
internal static class SegmentSiloExtensions
{
    public static SegmentDirectory Segments(this TestSilo silo) => silo.Services.GetRequiredService<SegmentDirectory>();

    /// <summary>Every member id of a segment, paging through it.</summary>
    public static async Task<List<string>> MemberIdsAsync(this TestSilo silo, string segmentId, int pageSize = 7)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await silo.Segments().GetMembersAsync(segmentId, cursor, pageSize) ?? throw new InvalidOperationException($"No segment {segmentId}.");
            ids.AddRange(page.Members.Select(static m => m.CustomerId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return ids;
    }

    public static async Task<SegmentInfo> InfoAsync(this TestSilo silo, string segmentId) =>
        await silo.Segments().GetAsync(segmentId) ?? throw new InvalidOperationException($"No segment {segmentId}.");

    /// <summary>
    /// Saves a segment in the catalog alone, starting no backfill, so that no evaluation but the test's own happens
    /// (tests of the backfill's side append its records themselves).
    /// </summary>
    public static Task<SegmentDefinition> CreateAsync(this TestSilo silo, string id, string rule) =>
        silo.Client.GetGrain<SegmentCatalogGrain>(SegmentCatalogGrain.Key).InvokeAsync(g => g.CreateAsync(new SegmentDraft(id, id, rule))).AsTask();
}
