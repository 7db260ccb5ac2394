namespace Segmentation.Storage.Sqlite.Sql;

/// <summary>Statements of the reminder table and its (partition, due time) index.</summary>
internal static class ReminderSql
{
    public const string Upsert = """
        INSERT INTO reminders (grain_type, grain_key, name, partition_id, due_ticks, period_ticks)
        VALUES ($grain_type, $grain_key, $name, $partition, $due, $period)
        ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET
            partition_id = excluded.partition_id, due_ticks = excluded.due_ticks, period_ticks = excluded.period_ticks;
        """;

    public const string Delete =
        "DELETE FROM reminders WHERE grain_type = $grain_type AND grain_key = $grain_key AND name = $name;";

    // Inclusive: a reminder due exactly at $due_before is returned. Served by reminders_by_due, in order.
    public const string SelectDue = """
        SELECT grain_type, grain_key, name, partition_id, due_ticks, period_ticks
        FROM reminders
        WHERE partition_id = $partition AND due_ticks <= $due_before
        ORDER BY due_ticks, grain_type, grain_key, name
        LIMIT $limit;
        """;

    public const string SelectByGrain = """
        SELECT grain_type, grain_key, name, partition_id, due_ticks, period_ticks
        FROM reminders
        WHERE grain_type = $grain_type AND grain_key = $grain_key
        ORDER BY name;
        """;
}
