using System.Text;
using Segmentation.Runtime.Configuration;
using Segmentation.Runtime.Durability;
using Segmentation.Storage.InMemory;
using Segmentation.TestKit;

namespace Segmentation.Runtime.Tests;

public sealed class LogRetentionTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Truncation_ZeroRetention_DeletesEverythingCovered()
    {
        Assert.Equal((42L, (DateTimeOffset?)null), LogRetentionPolicy.Truncation(42, Now, TimeSpan.Zero));
    }

    [Fact]
    public void Truncation_ThirtyDays_DeletesCoveredRecordsOlderThanThirtyDays()
    {
        Assert.Equal((42L, (DateTimeOffset?)Now.AddDays(-30)), LogRetentionPolicy.Truncation(42, Now, TimeSpan.FromDays(30)));
    }

    [Fact]
    public void Truncation_RetentionBeforeTheEarliestTime_DeletesNothing()
    {
        Assert.Equal((0L, (DateTimeOffset?)null), LogRetentionPolicy.Truncation(42, Now, TimeSpan.MaxValue));
    }

    [Theory]
    [InlineData(0, 3600, false)]
    [InlineData(30 * 24 * 60, 59 * 60, false)]
    [InlineData(30 * 24 * 60, 60 * 60, true)]
    [InlineData(10, 10 * 60, true)]
    [InlineData(10, (10 * 60) - 1, false)]
    public void IsIdlePruneDue_AfterElapsed_OncePerHourOrPerRetentionWhenShorter(int retentionMinutes, int elapsedSeconds, bool expected)
    {
        var due = LogRetentionPolicy.IsIdlePruneDue(
            Now.AddSeconds(-elapsedSeconds), Now, TimeSpan.FromMinutes(retentionMinutes));

        Assert.Equal(expected, due);
    }

    [Fact]
    public void Validate_NegativeRetention_NamesTheSetting()
    {
        var result = new SiloOptionsValidator().Validate(null, new SiloOptions { LogRetention = TimeSpan.FromSeconds(-1) });

        Assert.True(result.Failed);
        Assert.Contains("Segmentation:Silo:LogRetention", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckpointAsync_DefaultRetention_KeepsRecentRecordsAndDeletesOldCoveredOnes()
    {
        var storage = new InMemorySiloStorage();
        await using var silo = await StartAsync(storage, retention: null);
        var now = silo.Clock.GetUtcNow();
        await silo.Client.AppendAsync([
            TestSilos.Message("l", "add", "old", now.AddDays(-31)),
            TestSilos.Message("l", "add", "recent", now.AddDays(-29)),
        ]);

        await silo.CheckpointAsync();

        Assert.Equal(["add:recent"], await LoggedAsync(storage));
        Assert.Equal(["add:old", "add:recent"], await silo.LedgerAsync("l"));
    }

    [Fact]
    public async Task CheckpointAsync_ZeroRetention_DeletesEveryCoveredRecord()
    {
        var storage = new InMemorySiloStorage();
        await using var silo = await StartAsync(storage, retention: TimeSpan.Zero);
        await silo.AppendAsync("l", "add", "now");

        await silo.CheckpointAsync();

        Assert.Empty(await LoggedAsync(storage));
    }

    [Fact]
    public async Task CheckpointAsync_UnchangedPartition_DeletesRecordsThatAgedOutOnceAnHour()
    {
        var storage = new InMemorySiloStorage();
        await using var silo = await StartAsync(storage, retention: TimeSpan.FromDays(1));
        var agesOutAt = silo.Clock.GetUtcNow().AddMinutes(10);
        await silo.Client.AppendAsync([TestSilos.Message("l", "add", "first", agesOutAt.AddDays(-1))]);
        await silo.CheckpointAsync();
        silo.Clock.Advance(TimeSpan.FromMinutes(30));
        await silo.CheckpointAsync();
        var halfAnHourLater = await LoggedAsync(storage);

        silo.Clock.Advance(TimeSpan.FromMinutes(30));
        await silo.CheckpointAsync();

        Assert.Equal(["add:first"], halfAnHourLater);
        Assert.Empty(await LoggedAsync(storage));
    }

    [Fact]
    public async Task RestartAsync_AfterRetentionDeletedOldRecords_RecoversFromTheCheckpoint()
    {
        var storage = new InMemorySiloStorage();
        var silo = await StartAsync(storage, retention: null);
        var now = silo.Clock.GetUtcNow();
        await silo.Client.AppendAsync([TestSilos.Message("l", "add", "old", now.AddDays(-40))]);
        await silo.CheckpointAsync();
        await silo.AppendAsync("l", "add", "after");

        silo = await silo.RestartAsync();
        await using var recovered = silo;

        Assert.Equal(["add:old", "add:after"], await silo.LedgerAsync("l"));
    }

    private static Task<TestSilo> StartAsync(InMemorySiloStorage storage, TimeSpan? retention)
    {
        var options = TestSilos.Options(o =>
        {
            if (retention is { } value)
            {
                o.LogRetention = value;
            }
        });
        options.StorageFactory = () => storage;
        return TestSilo.StartAsync(options);
    }

    private static async Task<List<string>> LoggedAsync(InMemorySiloStorage storage)
    {
        var records = await storage.ReadGrainRecordsAsync(new GrainId("ledger", "l"), null, 100);
        return records.Reverse().Select(r => $"{r.Kind}:{Encoding.UTF8.GetString(r.Payload)}").ToList();
    }
}
