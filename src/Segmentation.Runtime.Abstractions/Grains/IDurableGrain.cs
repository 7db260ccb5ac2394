namespace Segmentation.Runtime;

/// <summary>
/// A grain fed by its partition's durable log (event sourcing with snapshots). The runtime applies each
/// record once, in log order; after a crash it loads the last snapshot and replays the records after it.
/// <see cref="ApplyAsync"/> must be deterministic given the state and the record (use <see cref="LogRecord.Time"/>,
/// never the wall clock), so a replay reaches exactly the state of an uninterrupted run.
/// </summary>
public interface IDurableGrain
{
    ValueTask ApplyAsync(LogRecord record, CancellationToken cancellationToken);

    /// <summary>The whole state as bytes; called inside a turn when the runtime checkpoints.</summary>
    byte[] WriteSnapshot();

    /// <summary>Restores the state written by <see cref="WriteSnapshot"/>; called before OnActivateAsync.</summary>
    void ReadSnapshot(ReadOnlySpan<byte> snapshot);
}
