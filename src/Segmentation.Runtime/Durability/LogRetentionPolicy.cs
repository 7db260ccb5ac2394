namespace Segmentation.Runtime.Durability;

/// <summary>Which log records a checkpoint may delete under <see cref="Configuration.SiloOptions.LogRetention"/>.</summary>
internal static class LogRetentionPolicy
{
    /// <summary>
    /// An unchanged partition still writes a checkpoint this often when records can age out, so that its old
    /// records go even while no new ones arrive (at most the retention itself, when that is shorter).
    /// </summary>
    public static readonly TimeSpan IdlePruneInterval = TimeSpan.FromHours(1);

    /// <summary>
    /// The truncation of a checkpoint at <paramref name="checkpointOffset"/> taken at <paramref name="now"/>: records
    /// at or below the checkpoint and older than <paramref name="retention"/>; with zero retention every covered
    /// record; with a retention reaching before the earliest representable time, none.
    /// </summary>
    public static (long TruncateThrough, DateTimeOffset? TruncateBefore) Truncation(
        long checkpointOffset, DateTimeOffset now, TimeSpan retention)
    {
        if (retention <= TimeSpan.Zero)
        {
            return (checkpointOffset, null);
        }

        return now.UtcTicks - DateTimeOffset.MinValue.UtcTicks <= retention.Ticks
            ? (0, null)
            : (checkpointOffset, now - retention);
    }

    /// <summary>Whether an unchanged partition last pruned at <paramref name="lastPruned"/> should write a checkpoint to prune.</summary>
    public static bool IsIdlePruneDue(DateTimeOffset lastPruned, DateTimeOffset now, TimeSpan retention)
    {
        if (retention <= TimeSpan.Zero)
        {
            // Zero retention deletes records at the checkpoint that covers them: an unchanged partition has none left.
            return false;
        }

        var interval = retention < IdlePruneInterval ? retention : IdlePruneInterval;
        return now - lastPruned >= interval;
    }
}
