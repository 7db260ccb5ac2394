using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace Segmentation.Performance.Baseline;

/// <summary>
/// Recomputes the baseline's segment counts on a schedule, as shops do with scheduled queries: every refresh runs each
/// <see cref="BaselineSegment"/>'s count in one read-only repeatable-read transaction (one consistent snapshot) and
/// publishes the counts when it ends. An event is counted by the first refresh whose snapshot includes it.
/// </summary>
public sealed class SegmentRefresher(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private SegmentCounts _current = SegmentCounts.None;
    private long _refreshes;
    private long _longestTicks;

    /// <summary>The counts of the last refresh.</summary>
    public SegmentCounts Current => Volatile.Read(ref _current);

    /// <summary>Refreshes done.</summary>
    public long Refreshes => Interlocked.Read(ref _refreshes);

    /// <summary>The longest refresh so far.</summary>
    public TimeSpan Longest => TimeSpan.FromTicks(Interlocked.Read(ref _longestTicks));

    /// <summary>Refreshes every <paramref name="interval"/> until cancelled.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Runs every count now and publishes them.</summary>
    public async Task<SegmentCounts> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        await using (var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false))
        {
            foreach (var segment in BaselineSegment.All)
            {
                await using var command = new NpgsqlCommand(segment.Sql, connection, transaction);
                command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
                counts[segment.Id] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var completedAt = timeProvider.GetUtcNow();
        var result = new SegmentCounts(now, completedAt, counts);
        Volatile.Write(ref _current, result);
        Interlocked.Increment(ref _refreshes);
        var ticks = (completedAt - now).Ticks;
        if (ticks > Interlocked.Read(ref _longestTicks))
        {
            Interlocked.Exchange(ref _longestTicks, ticks);
        }

        return result;
    }
}
