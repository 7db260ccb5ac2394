using Segmentation.Tracking;

namespace Segmentation.Import.Tests.Infrastructure;

/// <summary>One request the <see cref="TrackingReceiver"/> got.</summary>
internal sealed record ReceivedRequest(bool Gzip, bool Authorized, bool HasSentAt)
{
    /// <summary>The messages accepted from it (empty when it was answered with a scripted or error status).</summary>
    public List<TrackingMessage> Accepted { get; } = [];
}
