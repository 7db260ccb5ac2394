namespace Segmentation.Silo.Management;

/// <summary>
/// One page of a customer's timeline: the customer the requested id resolved to, the events newest first, and the
/// cursor of the next page (null on the last one).
/// </summary>
internal sealed record CustomerTimelinePage(string CustomerId, IReadOnlyList<TimelineEntry> Entries, TimelineCursor? Next);
