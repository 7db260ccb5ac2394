namespace Segmentation.Runtime.Hosting;

/// <summary>Where a silo is in its life; <see cref="Ready"/> only once recovery has replayed every partition log.</summary>
public enum SiloStatus
{
    Created,
    Recovering,
    Ready,
    Stopping,
    Stopped,
    Failed,
}
