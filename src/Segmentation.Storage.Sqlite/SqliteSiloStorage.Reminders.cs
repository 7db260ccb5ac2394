using Microsoft.Data.Sqlite;
using Segmentation.Runtime;
using Segmentation.Runtime.Storage;
using Segmentation.Storage.Sqlite.Sql;

namespace Segmentation.Storage.Sqlite;

public sealed partial class SqliteSiloStorage
{
    /// <inheritdoc />
    /// <remarks>The changes apply in order (a later change of the same reminder wins), in one transaction.</remarks>
    public Task WriteRemindersAsync(IReadOnlyList<ReminderChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return WriteAsync(
            commands =>
            {
                StorageArguments.CheckReminderChanges(changes, _partitionCount, nameof(changes));
                if (changes.Count == 0)
                {
                    return;
                }

                InTransaction(commands, () => ApplyReminderChanges(commands, changes));
            },
            cancellationToken);
    }

    /// <summary>
    /// Reminders of a partition with <see cref="ReminderEntry.DueAt"/> at or before <paramref name="dueBefore"/>
    /// (inclusive, compared by UTC ticks: a reminder due exactly at <paramref name="dueBefore"/> is returned, so
    /// a caller that loaded up to a horizon holds every reminder due by it), earliest first, ties ordered by
    /// grain type, grain key and name (ordinal by code point), at most <paramref name="limit"/>. Served in order by the (partition, due time) index.
    /// </summary>
    public Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(
        int partition, DateTimeOffset dueBefore, int limit, CancellationToken cancellationToken = default)
    {
        ThrowIfNotOpen();
        StorageArguments.CheckDueQuery(partition, limit, _partitionCount);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReadConnection();
        using var command = connection.CreateCommand();
        command.CommandText = ReminderSql.SelectDue;
        command.Parameters.AddWithValue("$partition", partition);
        command.Parameters.AddWithValue("$due_before", dueBefore.UtcTicks);
        command.Parameters.AddWithValue("$limit", limit);
        return Task.FromResult(ReadReminders(command));
    }

    /// <summary>The reminders of one grain (of its exact type and key), ordered by name (ordinal by code point).</summary>
    public Task<IReadOnlyList<ReminderEntry>> ReadRemindersAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        StorageArguments.CheckGrainId(grainId, nameof(grainId));
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReadConnection();
        using var command = connection.CreateCommand();
        command.CommandText = ReminderSql.SelectByGrain;
        command.Parameters.AddWithValue("$grain_type", grainId.Type);
        command.Parameters.AddWithValue("$grain_key", grainId.Key);
        return Task.FromResult(ReadReminders(command));
    }

    // Runs inside the caller's transaction; the changes have been checked.
    private static void ApplyReminderChanges(WriteCommands commands, IReadOnlyList<ReminderChange> changes)
    {
        var upsert = commands.UpsertReminder;
        var delete = commands.DeleteReminder;
        foreach (var change in changes)
        {
            if (change.Entry is { } entry)
            {
                Bind(upsert, 0, change.GrainId.Type);
                Bind(upsert, 1, change.GrainId.Key);
                Bind(upsert, 2, change.Name);
                Bind(upsert, 3, entry.Partition);
                Bind(upsert, 4, entry.DueAt.UtcTicks);
                Bind(upsert, 5, entry.Period.Ticks);
                upsert.ExecuteNonQuery();
            }
            else
            {
                Bind(delete, 0, change.GrainId.Type);
                Bind(delete, 1, change.GrainId.Key);
                Bind(delete, 2, change.Name);
                delete.ExecuteNonQuery();
            }
        }
    }

    private static IReadOnlyList<ReminderEntry> ReadReminders(SqliteCommand command)
    {
        var entries = new List<ReminderEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                reader.GetInt32(3),
                FromTicks(reader.GetInt64(4)),
                TimeSpan.FromTicks(reader.GetInt64(5))));
        }

        return entries;
    }
}
