using System.Globalization;
using Microsoft.Data.Sqlite;
using Segmentation.Runtime;
using Segmentation.Storage.Sqlite;
using Segmentation.Storage.Sqlite.Sql;
using static Segmentation.Storage.Tests.TestData;

namespace Segmentation.Storage.Tests;

/// <summary>What only the SQLite log shows: its indexes, the version 1 migration, and damage found above the checkpoint.</summary>
public sealed class SqliteSiloStorageLogTests : IDisposable
{
    private const int PartitionCount = 4;

    private readonly TemporaryDirectory _directory = new();

    private string DatabasePath => _directory.Combine(SqliteSiloStorage.DatabaseFileName);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task SelectGrainIndexed_Plan_SeeksTheGrainIndexThenRowsWithoutSorting()
    {
        // Arrange
        await (await OpenAsync()).DisposeAsync();

        // Act
        var plan = string.Join(" | ", Query($"EXPLAIN QUERY PLAN {LogSql.SelectGrainIndexed}", 3));

        // Assert
        Assert.Contains("SEARCH g USING PRIMARY KEY (partition_id=? AND grain_hash=? AND log_offset<?)", plan, StringComparison.Ordinal);
        Assert.Contains("SEARCH l USING INTEGER PRIMARY KEY (rowid=?)", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelectGrainPartitions_Plan_SeeksOncePerPartition()
    {
        // Arrange
        await (await OpenAsync()).DisposeAsync();

        // Act
        var plan = string.Join(" | ", Query($"EXPLAIN QUERY PLAN {LogSql.SelectGrainPartitions}", 3));

        // Assert
        Assert.Contains("SEARCH g USING PRIMARY KEY (partition_id=? AND grain_hash=?)", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelectGrainTail_Plan_ReadsOnlyRowsFromTheGivenRowOn()
    {
        // Arrange
        await (await OpenAsync()).DisposeAsync();

        // Act
        var plan = string.Join(" | ", Query($"EXPLAIN QUERY PLAN {LogSql.SelectGrainTail}", 3));

        // Assert
        Assert.Contains("SEARCH log USING INTEGER PRIMARY KEY (rowid>?)", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadGrainRecordsAsync_AfterReopen_CombinesIndexedAndNewRecords()
    {
        // Arrange: records 1..3 indexed by a checkpoint before a restart, 4..6 appended after it, 4 covered again.
        var c1 = Customer("c1");
        await using (var storage = await OpenAsync())
        {
            await storage.AppendAsync([RecordAt(2, 1, c1), RecordAt(2, 2), RecordAt(2, 3, c1)]);
            await storage.WriteCheckpointAsync(Checkpoint(2, 3));
        }

        await using var reopened = await OpenAsync();
        await reopened.AppendAsync([RecordAt(2, 4, c1), RecordAt(2, 5, c1), RecordAt(2, 6)]);
        await reopened.WriteCheckpointAsync(Checkpoint(2, 4));

        // Act
        var records = await reopened.ReadGrainRecordsAsync(c1, null, 10);

        // Assert
        Assert.Equal([5L, 4, 3, 1], records.Select(r => r.Offset));
        Assert.Equal(["4"], Query("SELECT COUNT(*) FROM log_by_grain;", 0));
    }

    [Fact]
    public async Task WriteCheckpointAsync_WithCutoff_SpanOfRecentRecordsHoldsBackLaterOldSpansUntilItAges()
    {
        // Arrange: three appends (three spans): old, recent, old (a late backfill).
        var cutoff = Epoch.AddDays(-30);
        await using var storage = await OpenAsync();
        await storage.AppendAsync([AgedRecord(0, 1, 90)]);
        await storage.AppendAsync([AgedRecord(0, 2, 10)]);
        await storage.AppendAsync([AgedRecord(0, 3, 90)]);

        // Act
        await storage.WriteCheckpointAsync(Checkpoint(0, 3, truncateThrough: 3, truncateBefore: cutoff));
        var heldBack = await OffsetsAsync(storage, 0);
        await storage.WriteCheckpointAsync(Checkpoint(0, 3, truncateThrough: 3, truncateBefore: cutoff.AddDays(25)));

        // Assert: kept longer, never deleted early.
        Assert.Equal([2L, 3], heldBack);
        Assert.Empty(await OffsetsAsync(storage, 0));
    }

    [Fact]
    public async Task OpenAsync_Version1Store_MigratesAndReadsGrainRecordsAndPrunes()
    {
        // Arrange: a store as version 1 left it (no grain hash, no span times, no indexes).
        LogRecord[] records =
        [
            AgedRecord(0, 1, 90, Customer("c1")), AgedRecord(1, 1, 90, Customer("c9")), AgedRecord(0, 2, 1, Customer("c2")),
            AgedRecord(0, 3, 1, Customer("c1")),
        ];
        await using (var storage = await OpenAsync())
        {
            await storage.AppendAsync(records);
            await storage.WriteCheckpointAsync(Checkpoint(1, 1));
        }

        ExecuteOnDatabase("""
            DROP TABLE log_by_grain;
            ALTER TABLE log DROP COLUMN grain_hash;
            ALTER TABLE log_spans DROP COLUMN min_time_ticks;
            UPDATE meta SET value = '1' WHERE key = 'schema_version';
            """);

        // Act
        await using var migrated = await OpenAsync();
        await migrated.WriteCheckpointAsync(Checkpoint(0, 3, truncateThrough: 3, truncateBefore: Epoch.AddDays(-30)));

        // Assert
        Assert.Equal(["2"], Query("SELECT value FROM meta WHERE key = 'schema_version';", 0));
        Assert.Equal(["1"], Query("SELECT COUNT(*) FROM log_by_grain WHERE partition_id = 1;", 0));
        StorageAssert.RecordsEqual([records[3]], await migrated.ReadGrainRecordsAsync(Customer("c1"), null, 10));
        StorageAssert.RecordsEqual([records[1]], await migrated.ReadGrainRecordsAsync(Customer("c9"), null, 10));
        Assert.Equal([2L, 3], await OffsetsAsync(migrated, 0));
    }

    [Fact]
    public async Task ReadIndexAsync_RecordMissingAboveCheckpoint_ThrowsInconsistent()
    {
        // Arrange: records 1..6, checkpoint at 3; a record above it disappears from the file.
        await using (var storage = await OpenAsync())
        {
            await storage.AppendAsync(Records(0, 1, 6));
            await storage.WriteCheckpointAsync(Checkpoint(0, 3));
        }

        ExecuteOnDatabase("DELETE FROM log WHERE partition_id = 0 AND log_offset = 5;");
        await using var reopened = await OpenAsync();

        // Act
        var read = () => OffsetsAsync(reopened, 0);

        // Assert
        var error = await Assert.ThrowsAsync<InvalidOperationException>(read);
        Assert.Contains("offset 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadIndexAsync_RecordMissingAtOrBelowCheckpoint_ReadsTheRest()
    {
        // Arrange: retention may leave holes at or below the checkpoint.
        await using (var storage = await OpenAsync())
        {
            await storage.AppendAsync(Records(0, 1, 6));
            await storage.WriteCheckpointAsync(Checkpoint(0, 3));
        }

        ExecuteOnDatabase("DELETE FROM log WHERE partition_id = 0 AND log_offset = 2;");
        await using var reopened = await OpenAsync();

        // Act
        var offsets = await OffsetsAsync(reopened, 0);

        // Assert
        Assert.Equal([1L, 3, 4, 5, 6], offsets);
    }

    [Fact]
    public async Task ReadIndexAsync_ManyRecordsOfFewGrains_SharesOneGrainIdPerGrainAndOneTypeName()
    {
        // Arrange: records of c1, c2 and segment s1, over several appends (so several spans), with non-ASCII keys.
        await using var storage = await OpenAsync();
        GrainId[] grains = [Customer("c1-\u00e9"), Customer("c2"), Segment("s1")];
        for (var offset = 1; offset <= 30; offset += 3)
        {
            await storage.AppendAsync([.. grains.Select((grain, i) => RecordAt(0, offset + i, grain))]);
        }

        // Act
        var entries = await storage.ReadIndexListAsync(0);

        // Assert
        Assert.Equal(30, entries.Count);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => grains[i % 3]), entries.Select(entry => entry.Target));
        foreach (var grain in grains)
        {
            var keys = entries.Where(entry => entry.Target == grain).Select(entry => entry.Target.Key).Distinct(ReferenceEqualityComparer.Instance);
            Assert.Single(keys);
        }

        var customerTypes = entries.Where(entry => entry.Target.Type == "customer").Select(entry => entry.Target.Type);
        Assert.Single(customerTypes.Distinct(ReferenceEqualityComparer.Instance));
    }

    [Fact]
    public async Task ReadRecordsAsync_RowHoldsAnotherRecord_ThrowsInconsistent()
    {
        // Arrange: the index is read, then the row of offset 2 is changed under it.
        await using var storage = await OpenAsync();
        await storage.AppendAsync(Records(0, 1, 3));
        var entries = await storage.ReadIndexListAsync(0);
        ExecuteOnDatabase("UPDATE log SET log_offset = 9 WHERE partition_id = 0 AND log_offset = 2;");

        // Act
        var read = () => storage.ReadRecordsAsync(0, entries);

        // Assert
        var error = await Assert.ThrowsAsync<InvalidOperationException>(read);
        Assert.Contains("0:2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadRecordsAsync_AfterReopen_ReadsByTheLocatorsOfTheEarlierIndex()
    {
        // Arrange: locators are row ids, which stay what they are across a restart.
        List<Runtime.Storage.LogIndexEntry> entries;
        await using (var storage = await OpenAsync())
        {
            await storage.AppendAsync(Records(1, 1, 4));
            entries = await storage.ReadIndexListAsync(1, afterOffset: 1);
        }

        await using var reopened = await OpenAsync();

        // Act
        var records = await reopened.ReadRecordsAsync(1, entries);

        // Assert
        StorageAssert.RecordsEqual(Records(1, 2, 4), records);
    }

    [Fact]
    public void GrainHash_KnownIdentity_NeverChanges()
    {
        // The hash is stored on disk: a change would hide every record written before it. The value is FNV-1a
        // with the SplitMix64 finish, computed independently of this code.
        Assert.Equal(GrainHash.Compute(new GrainId("customer", "c-1")), GrainHash.Compute("customer", "c-1"));
        Assert.NotEqual(GrainHash.Compute("ab", "c"), GrainHash.Compute("a", "bc"));
        Assert.Equal(
            "0E1BBD60D02BC08C",
            GrainHash.Compute("customer", "c-1").ToString("X16", CultureInfo.InvariantCulture));
    }

    private async Task<SqliteSiloStorage> OpenAsync()
    {
        var storage = new SqliteSiloStorage(new SqliteStorageOptions { DataDirectory = _directory.Path });
        await storage.OpenAsync(PartitionCount);
        return storage;
    }

    private static async Task<List<long>> OffsetsAsync(SqliteSiloStorage storage, int partition)
    {
        var offsets = new List<long>();
        await foreach (var entry in storage.ReadIndexAsync(partition, 0))
        {
            offsets.Add(entry.Offset);
        }

        return offsets;
    }

    private void ExecuteOnDatabase(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // One column of every row as text (the last one when out of range); parameters are bound to null.
    private List<string> Query(string sql, int column)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in new[] { "$grain_hash", "$before", "$grain_type", "$grain_key", "$limit", "$partition", "$offset", "$first_row" })
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue(name, DBNull.Value);
            }
        }

        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(Math.Min(column, reader.FieldCount - 1)), CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
