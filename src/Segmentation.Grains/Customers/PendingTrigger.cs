namespace Segmentation.Grains.Customers;

/// <summary>A trigger occurrence waiting for its time: the trigger, when it is due, its occurrence key, and whether quiet hours deferred it.</summary>
public sealed record PendingTrigger(string Trigger, DateTimeOffset DueAt, string OccurrenceKey, bool Deferred);
