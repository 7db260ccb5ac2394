namespace Segmentation.Runtime.Configuration;

/// <summary>Runtime settings of a silo; bound from the <c>Segmentation:Silo</c> configuration section.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Segmentation:Silo";

    /// <summary>Partitions of the key space; fixed for a deployment (the store refuses another count).</summary>
    public int PartitionCount { get; set; } = 64;

    /// <summary>An activation with no message for this long is collected.</summary>
    public TimeSpan ActivationCollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle activations.</summary>
    public TimeSpan ActivationCollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most live activations; past it the least recently used idle ones are collected.</summary>
    public int MaxActivations { get; set; } = 2_000_000;

    /// <summary>A request/response grain call fails with <see cref="TimeoutException"/> after this long.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most log records written in one group commit.</summary>
    public int MaxAppendBatch { get; set; } = 8192;

    /// <summary>How often partitions with changes write snapshots and move their checkpoint.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A periodic checkpoint snapshots a changed log-fed grain once it has applied this many records since its last
    /// snapshot and their payloads add up to at least that snapshot's size, or once it has waited
    /// <see cref="MaxSnapshotDelay"/>; until then the checkpoint stays below the grain's first unsnapshotted record
    /// (recovery replays it). A grain with a few events a minute is then serialized once a minute rather than at every
    /// checkpoint, and a grain with a large state and small records (an outbox shard, a segment's members) about as
    /// often as its records add its size to the log. Stopping and explicit checkpoints snapshot all.
    /// </summary>
    public int SnapshotAfterRecords { get; set; } = 64;

    /// <summary>The longest a changed grain waits for its snapshot; bounds how much log a recovery replays.</summary>
    public TimeSpan MaxSnapshotDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long log records are kept, by record time, once a checkpoint covers them: a record is deleted only when
    /// a checkpoint covers it and it is older than this, so the log keeps recent history (customer timelines)
    /// while recovery still starts at the checkpoint. Zero deletes records as soon as a checkpoint covers them.
    /// Default: 30 days.
    /// </summary>
    public TimeSpan LogRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// After a restart the silo serves as soon as it has read the records after each checkpoint; a grain's records are
    /// applied before anything else reaches it, and a background catch-up applies the rest, handing over at most about
    /// this many records at a time so that calls arriving meanwhile do not wait behind the whole backlog. Default: 4096.
    /// </summary>
    public int CatchUpRecordsInFlight { get; set; } = 4096;

    /// <summary>Reminders due within this horizon are held in memory; the rest stay in storage.</summary>
    public TimeSpan ReminderLookAhead { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most reminders one partition loads from storage per refresh.</summary>
    public int ReminderLoadBatch { get; set; } = 20_000;
}
