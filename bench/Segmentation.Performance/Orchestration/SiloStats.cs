namespace Segmentation.Performance.Orchestration;

/// <summary>What <c>GET /api/silo</c> answers.</summary>
public sealed record SiloStats(
    string Status,
    long Customers,
    int Activations,
    int RemindersInMemory,
    SiloReminderLateness ReminderLateness,
    long ManagedHeapBytes,
    long WorkingSetBytes);

/// <summary>The reminder lateness part of <see cref="SiloStats"/>.</summary>
public sealed record SiloReminderLateness(long Count, double P50Ms, double P99Ms, double MaxMs);
