using Segmentation.Delivery.Outbox;

namespace Segmentation.Silo.Dashboard.Live;

/// <summary>The live figures at one instant, pushed to every open page.</summary>
/// <param name="At">When they were sampled.</param>
/// <param name="EventsPerSecond">Tracking events made durable per second since the previous sample.</param>
/// <param name="Customers">Customers known to the silo (every id that ever sent an event, merged ones included).</param>
/// <param name="LiveActivations">Grain activations in memory.</param>
/// <param name="Segments">Every segment with its live figures and trend, largest first.</param>
/// <param name="SendsToday">The sends created since midnight UTC, by their status now.</param>
/// <param name="SendLogChanges">
/// How many changes the send log had when sampled: pages that show sends read them again when it has moved.
/// </param>
public sealed record DashboardSnapshot(
    DateTimeOffset At,
    double EventsPerSecond,
    long Customers,
    int LiveActivations,
    IReadOnlyList<SegmentSummary> Segments,
    SendStatusCounts SendsToday,
    long SendLogChanges)
{
    public SegmentSummary? Find(string segmentId) => Segments.FirstOrDefault(s => s.Segment.Id == segmentId);
}
