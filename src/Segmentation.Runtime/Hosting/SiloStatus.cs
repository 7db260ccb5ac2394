namespace Segmentation.Runtime.Hosting;

/// <summary>
/// Where a silo is in its life; <see cref="Ready"/> once recovery has read every partition log after its checkpoint: it
/// serves from then on, applying a grain's unreplayed records before anything else reaches it, and catches up on the rest
/// in the background (<see cref="Silo.RecordsToCatchUp"/>, <see cref="Silo.WhenCaughtUpAsync"/>).
/// </summary>
public enum SiloStatus
{
    Created,
    Recovering,
    Ready,
    Stopping,
    Stopped,
    Failed,
}
