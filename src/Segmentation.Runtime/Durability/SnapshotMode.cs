namespace Segmentation.Runtime.Durability;

/// <summary>Which changed grains a checkpoint snapshots.</summary>
internal enum SnapshotMode
{
    /// <summary>Every changed grain (stopping, explicit checkpoints).</summary>
    All,

    /// <summary>Only grains past <see cref="Configuration.SiloOptions.SnapshotAfterRecords"/> or <see cref="Configuration.SiloOptions.MaxSnapshotDelay"/> (the periodic checkpoint).</summary>
    Due,
}
