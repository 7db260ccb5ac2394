using Segmentation.Runtime.Storage;

namespace Segmentation.Runtime.Durability;

/// <summary>
/// What a checkpoint got from one changed grain: its snapshot, or none yet; and the first record it applied since
/// its previous snapshot, with when, which bound the checkpoint while no snapshot covers them.
/// </summary>
internal readonly record struct SnapshotDecision(GrainSnapshot? Snapshot, long FirstUnsnapshotted, DateTimeOffset DirtySince)
{
    /// <summary>The grain changed but is not snapshotted this time.</summary>
    public bool IsDeferred => Snapshot is null && FirstUnsnapshotted > 0;
}
