using Npgsql;
using NpgsqlTypes;
using Segmentation.Tracking;

namespace Segmentation.Performance.Baseline;

/// <summary>
/// Applies tracking events to PostgreSQL the straightforward way: one transaction per event, inserting the event's row
/// and upserting its customer's row (<c>Sql/apply-event.sql</c>), committed (fsync) before the next. Thread-safe: each
/// call takes its own pooled connection.
/// </summary>
public sealed class BaselineStore(NpgsqlDataSource dataSource)
{
    /// <summary>Creates the tables (on an empty database).</summary>
    public async Task CreateSchemaAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(BaselineSql.Schema);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies <paramref name="messages"/> in order, one committed transaction each.</summary>
    public async Task ApplyAsync(IReadOnlyList<TrackingMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var message in messages)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(BaselineSql.ApplyEvent, connection, transaction);
            AddParameters(command.Parameters, message, CustomerChange.Of(message));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AddParameters(NpgsqlParameterCollection parameters, TrackingMessage message, CustomerChange change)
    {
        parameters.Add(Value("message_id", NpgsqlDbType.Text, message.MessageId));
        parameters.Add(Value("customer_id", NpgsqlDbType.Text, change.CustomerId));
        parameters.Add(Value("type", NpgsqlDbType.Text, message.Type.ToString().ToLowerInvariant()));
        parameters.Add(Value("event", NpgsqlDbType.Text, message.Event));
        parameters.Add(Value("occurred_at", NpgsqlDbType.TimestampTz, message.Timestamp));
        parameters.Add(Value("received_at", NpgsqlDbType.TimestampTz, message.ReceivedAt));
        parameters.Add(Value("properties", NpgsqlDbType.Jsonb, message.Properties?.ToJsonString()));
        parameters.Add(Value("email", NpgsqlDbType.Text, change.Email));
        parameters.Add(Value("orders", NpgsqlDbType.Integer, change.Orders));
        parameters.Add(Value("revenue", NpgsqlDbType.Numeric, change.Revenue));
        parameters.Add(Value("order_at", NpgsqlDbType.TimestampTz, change.OrderAt));
        parameters.Add(Value("cart_delta", NpgsqlDbType.Integer, change.CartDelta));
        parameters.Add(Value("cart_reset", NpgsqlDbType.Boolean, change.CartReset));
        parameters.Add(Value("cart_at", NpgsqlDbType.TimestampTz, change.CartAt));
    }

    private static NpgsqlParameter Value(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };
}
