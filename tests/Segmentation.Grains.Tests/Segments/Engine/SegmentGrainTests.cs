using Segmentation.Grains.Segments;
using Segmentation.Runtime;
using Segmentation.TestKit;

namespace Segmentation.Grains.Tests.Segments.Engine;

public sealed class SegmentGrainTests
{
    private const string Segment = "s";

    [Fact]
    public async Task ApplyAsync_ReplayedAndRepeatedDeltas_CountOnce()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        var t0 = silo.Clock.GetUtcNow();

        await AppendAsync(silo, Delta("u1", true, t0, 1), Delta("u1", true, t0, 1), Delta("u1", false, t0.AddMinutes(1), 2), Delta("u1", true, t0, 1), Delta("u1", false, t0.AddMinutes(1), 2));
        await AppendAsync(silo, Delta("u2", true, t0, 1), Delta("u2", true, t0.AddMinutes(2), 2));

        var status = await StatusAsync(silo);
        Assert.Equal((1L, 2L, 1L), (status.Count, status.Entered, status.Left));
        var page = await MembersAsync(silo, null, 10);
        Assert.Equal([new SegmentMember("u2", t0)], page.Members);
    }

    [Fact]
    public async Task GetMembersAsync_Pages_AreSortedByIdWithAnOpaqueCursor()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        var t0 = silo.Clock.GetUtcNow();
        string[] ids = ["b", "a", "B", "c-10", "c-9", "é", "d"];
        await AppendAsync(silo, [.. ids.Select((id, i) => Delta(id, true, t0.AddMinutes(i), 1))]);
        await AppendAsync(silo, Delta("d", false, t0.AddHours(1), 2));

        var first = await MembersAsync(silo, null, 4);
        var second = await MembersAsync(silo, SegmentMemberCursor.Decode(first.NextCursor), 4);

        Assert.Equal(["B", "a", "b", "c-10"], first.Members.Select(static m => m.CustomerId));
        Assert.Equal(["c-9", "é"], second.Members.Select(static m => m.CustomerId));
        Assert.Null(second.NextCursor);
        Assert.Equal((6L, 6L), (first.Total, second.Total));
        Assert.Equal(t0.AddMinutes(5), second.Members[1].Since);
    }

    [Fact]
    public async Task GetHistoryAsync_PerMinute_FillsGapsWithTheSizeCarriedForward()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        var t0 = NextHour(silo);
        silo.Clock.SetUtcNow(t0.AddMinutes(4).AddSeconds(30));
        await AppendAsync(
            silo,
            Delta("u1", true, t0.AddSeconds(10), 1),
            Delta("u2", true, t0.AddSeconds(20), 1),
            Delta("u1", false, t0.AddMinutes(3).AddSeconds(1), 2),
            Delta("u3", true, t0.AddMinutes(1), 1));

        var history = await HistoryAsync(silo, SegmentHistoryResolution.Minute);

        Assert.Equal(
            [
                new SegmentSizePoint(t0, 2, 2, 0),
                new SegmentSizePoint(t0.AddMinutes(1), 3, 1, 0),
                new SegmentSizePoint(t0.AddMinutes(2), 3, 0, 0),
                new SegmentSizePoint(t0.AddMinutes(3), 2, 0, 1),
                new SegmentSizePoint(t0.AddMinutes(4), 2, 0, 0),
            ],
            history);
        Assert.Equal([new SegmentSizePoint(t0, 2, 3, 1)], await HistoryAsync(silo, SegmentHistoryResolution.Hour));
    }

    [Fact]
    public async Task GetHistoryAsync_OlderThanTheRetention_FoldsIntoTheStartingSize()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        var t0 = NextHour(silo);
        await AppendAsync(silo, Delta("u1", true, t0, 1), Delta("u2", true, t0.AddHours(1), 1));
        silo.Clock.SetUtcNow(t0.AddHours(50));
        await AppendAsync(silo, Delta("u3", true, t0.AddHours(50), 1), Delta("u4", true, t0, 1));

        var minutes = await HistoryAsync(silo, SegmentHistoryResolution.Minute);

        Assert.Equal(48 * 60, minutes.Count);
        Assert.Equal(new SegmentSizePoint(t0.AddHours(2).AddMinutes(1), 3, 0, 0), minutes[0]);
        Assert.Equal(new SegmentSizePoint(t0.AddHours(50), 4, 1, 0), minutes[^1]);
        var hours = await HistoryAsync(silo, SegmentHistoryResolution.Hour);
        Assert.Equal(51, hours.Count);
        Assert.Equal(new SegmentSizePoint(t0, 2, 2, 0), hours[0]);
    }

    [Fact]
    public async Task Snapshot_AfterACrash_RestoresMembersCountsHistoryAndBackfill()
    {
        var options = new SegmentSilo().Options;
        var silo = await TestSilo.StartAsync(options);
        var t0 = silo.Clock.GetUtcNow();
        await AppendAsync(silo, Delta("u1", true, t0, 1), Delta("u2", true, t0.AddMinutes(1), 1), Delta("u1", false, t0.AddMinutes(2), 2));
        var page = new SegmentBackfillPage(1, 1, "u2", ShardDone: false, Settled: 1, Asked: ["u3"]);
        await silo.Client.AppendAsync([
            new DurableMessage(SegmentGrain.IdOf(Segment), RecordKinds.SegmentBackfillStarted, new SegmentBackfillStart(1, 5, t0, [0, 5]).Encode(), t0),
            new DurableMessage(SegmentGrain.IdOf(Segment), RecordKinds.SegmentBackfillPage, page.Encode(), t0)]);
        await silo.CheckpointAsync();
        var status = await StatusAsync(silo);
        var cursor = await CursorAsync(silo);
        var history = await HistoryAsync(silo, SegmentHistoryResolution.Minute);

        silo = await silo.RestartAsync();
        await using (silo)
        {
            await AppendAsync(silo, Delta("u1", true, t0, 1), Delta("u2", true, t0.AddMinutes(1), 1));

            Assert.Equal(status, await StatusAsync(silo));
            var restored = await CursorAsync(silo);
            Assert.Equal((1, 1), (cursor.Version, cursor.Pending));
            Assert.Equal((cursor.Version, cursor.Pending), (restored.Version, restored.Pending));
            Assert.Equal([0, 5], restored.ShardCounts);
            Assert.Equal([null, "u2"], restored.After);
            Assert.Equal([false, false], restored.ShardDone);
            Assert.Equal(history, await HistoryAsync(silo, SegmentHistoryResolution.Minute));
            Assert.Equal([new SegmentMember("u2", t0.AddMinutes(1))], (await MembersAsync(silo, null, 10)).Members);
        }
    }

    [Fact]
    public async Task Reset_ClearsEverythingAndOlderVersionsNoLongerCount()
    {
        await using var silo = await TestSilo.StartAsync(new SegmentSilo().Options);
        var t0 = silo.Clock.GetUtcNow();
        await AppendAsync(silo, Delta("u1", true, t0, 1));

        await silo.Client.AppendAsync([new DurableMessage(SegmentGrain.IdOf(Segment), RecordKinds.SegmentReset, new SegmentReset(2).Encode(), t0)]);
        await AppendAsync(silo, Delta("u2", true, t0, 5), Delta("u3", true, t0, 1, version: 2));

        Assert.Equal(new SegmentStatus(1, 1, 0, null), await StatusAsync(silo));
        Assert.Equal(["u3"], (await MembersAsync(silo, null, 10)).Members.Select(static m => m.CustomerId));
        Assert.Equal(1, (await HistoryAsync(silo, SegmentHistoryResolution.Hour))[^1].Count);
    }

    [Fact]
    public void MemberSet_MillionMembers_SnapshotsCompactlyAndRoundTrips()
    {
        var set = new SegmentMemberSet();
        var since = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 1_000_000; i++)
        {
            set.Apply(new SegmentDelta($"customer-{i:D8}", 1, true, since.AddSeconds(i % 3600), "Order Completed", i % 50 + 1));
        }

        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            set.Write(writer);
        }

        Assert.InRange(buffer.Length, 1, 12_000_000);
        buffer.Position = 0;
        using var reader = new BinaryReader(buffer);
        var read = SegmentMemberSet.Read(reader);
        Assert.Equal(1_000_000, read.Count);
        var (page, more) = read.Page("customer-00499999", 2);
        Assert.True(more);
        Assert.Equal([new SegmentMember("customer-00500000", since.AddSeconds(500_000 % 3600)), new SegmentMember("customer-00500001", since.AddSeconds(500_001 % 3600))], page);
        Assert.False(read.Apply(new SegmentDelta("customer-00000007", 1, true, since, "x", 8)));
    }

    /// <summary>The start of the hour after the clock's now, so that buckets line up with the test's instants.</summary>
    private static DateTimeOffset NextHour(TestSilo silo)
    {
        var now = silo.Clock.GetUtcNow().UtcTicks;
        return new DateTimeOffset(now - (now % TimeSpan.TicksPerHour), TimeSpan.Zero).AddHours(1);
    }

    private static DurableMessage Delta(string customer, bool entered, DateTimeOffset at, long sequence, int version = 1) =>
        new(SegmentGrain.IdOf(Segment), RecordKinds.SegmentDelta, new SegmentDelta(customer, version, entered, at, "test", sequence).Encode(), at);

    private static async Task AppendAsync(TestSilo silo, params DurableMessage[] messages)
    {
        await silo.Client.AppendAsync(messages);
        await silo.WhenIdleAsync();
    }

    private static Task<SegmentStatus> StatusAsync(TestSilo silo) =>
        silo.Client.GetGrain<SegmentGrain>(Segment).InvokeReadOnlyAsync(static g => g.GetStatusAsync()).AsTask();

    private static async Task<SegmentBackfillCursor> CursorAsync(TestSilo silo) =>
        await silo.Client.GetGrain<SegmentGrain>(Segment).InvokeReadOnlyAsync(static g => g.GetBackfillCursorAsync())
            ?? throw new InvalidOperationException("No backfill is running.");

    private static Task<SegmentMembersPage> MembersAsync(TestSilo silo, string? after, int limit) =>
        silo.Client.GetGrain<SegmentGrain>(Segment).InvokeReadOnlyAsync(g => g.GetMembersAsync(after, limit)).AsTask();

    private static Task<IReadOnlyList<SegmentSizePoint>> HistoryAsync(TestSilo silo, SegmentHistoryResolution resolution) =>
        silo.Client.GetGrain<SegmentGrain>(Segment).InvokeReadOnlyAsync(g => g.GetHistoryAsync(resolution)).AsTask();
}
