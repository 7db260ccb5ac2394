using System.Globalization;
using Microsoft.Data.Sqlite;
using Segmentation.Runtime.Storage;
using Segmentation.Storage.Sqlite.Sql;

namespace Segmentation.Storage.Sqlite;

public sealed partial class SqliteSiloStorage
{
    // A database without tables is new (SQLite treats a missing or empty file as an empty database).
    private bool IsEmptyDatabase(SqliteConnection connection)
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = SchemaSql.ListTables;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        if (tables.Count == 0)
        {
            return true;
        }

        var missing = SchemaSql.Tables.Where(table => !tables.Contains(table)).ToArray();
        if (missing.Length > 0)
        {
            throw Corrupt($"it failed the schema check: table(s) {string.Join(", ", missing)} missing");
        }

        return false;
    }

    private void VerifyIntegrity(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SchemaSql.QuickCheck;
        var result = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (!string.Equals(result, "ok", StringComparison.Ordinal))
        {
            throw Corrupt($"its integrity check failed: {result}");
        }
    }

    private static void CreateSchema(SqliteConnection connection, int partitionCount)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, SchemaSql.Create, transaction);
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = SchemaSql.InsertPartition;
            var partition = insert.Parameters.Add("$partition", SqliteType.Integer);
            for (var i = 0; i < partitionCount; i++)
            {
                partition.Value = i;
                insert.ExecuteNonQuery();
            }
        }

        WriteMeta(connection, transaction, SchemaSql.SchemaVersionKey, SchemaSql.Version.ToString(CultureInfo.InvariantCulture));
        WriteMeta(connection, transaction, SchemaSql.PartitionCountKey, partitionCount.ToString(CultureInfo.InvariantCulture));
        WriteMeta(connection, transaction, SchemaSql.CreatedAtKey, Now());
        WriteMeta(connection, transaction, SchemaSql.LastOpenedAtKey, Now());
        transaction.Commit();
    }

    /// <summary>Checks the schema version and partition count, and returns the version (an older one is migrated later).</summary>
    private long CheckMeta(SqliteConnection connection, int partitionCount)
    {
        var version = ReadMetaNumber(connection, SchemaSql.SchemaVersionKey);
        if (version > SchemaSql.Version)
        {
            throw new StorageOpenException(
                $"The database file '{_databasePath}' has schema version {version}, written by a newer build; this " +
                $"build reads version {SchemaSql.Version}. The file was left untouched.");
        }

        if (version != SchemaSql.Version && version != 1)
        {
            throw Corrupt($"it failed the schema check: unknown schema version {version}");
        }

        var storedCount = ReadMetaNumber(connection, SchemaSql.PartitionCountKey);
        if (storedCount != partitionCount)
        {
            throw new StorageOpenException(
                $"The store '{_databasePath}' was created with {storedCount} partitions, but this silo is configured " +
                $"with {partitionCount}. The partition count is fixed for a deployment: configure {storedCount} " +
                "partitions, or use another data directory for a new deployment.");
        }

        return version;
    }

    // Version 1 to 2 in one transaction: a failure leaves the file at version 1.
    private void MigrateFromVersion1(SqliteConnection connection)
    {
        connection.CreateFunction<string, string, long>(
            SchemaSql.GrainHashFunction, static (type, key) => GrainHash.Compute(type, key), isDeterministic: true);
        using var transaction = connection.BeginTransaction();
        Execute(connection, SchemaSql.MigrateFromVersion1, transaction);
        WriteMeta(connection, transaction, SchemaSql.SchemaVersionKey, SchemaSql.Version.ToString(CultureInfo.InvariantCulture));
        transaction.Commit();
        _logger.StoreMigrated(_databasePath, 1, SchemaSql.Version);
    }

    private long ReadMetaNumber(SqliteConnection connection, string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SchemaSql.SelectMeta;
        command.Parameters.AddWithValue("$key", key);
        var value = command.ExecuteScalar() as string;
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Corrupt($"it failed the schema check: meta value '{key}' is '{value ?? "(missing)"}'");
    }

    private void LoadPartitions(SqliteConnection connection, int partitionCount)
    {
        var lastOffsets = new long[partitionCount];
        var checkpoints = new long[partitionCount];
        var expected = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = SchemaSql.SelectPartitions;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (reader.GetInt64(0) != expected || expected >= partitionCount)
                {
                    throw Corrupt($"it failed the schema check: unexpected partition row {reader.GetInt64(0)}");
                }

                lastOffsets[expected] = reader.GetInt64(1);
                checkpoints[expected] = reader.GetInt64(2);
                expected++;
            }
        }

        if (expected != partitionCount)
        {
            throw Corrupt($"it failed the schema check: {expected} partition rows for {partitionCount} partitions");
        }

        _lastOffsets = lastOffsets;
        _checkpoints = checkpoints;
    }

    private static void PrepareReadStatements(SqliteConnection connection)
    {
        foreach (var sql in SchemaSql.ReadStatements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Prepare();
        }
    }

    private static void WriteMeta(SqliteConnection connection, SqliteTransaction? transaction, string key, string value)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SchemaSql.UpsertMeta;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
