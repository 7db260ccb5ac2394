namespace Segmentation.Silo.Management;

/// <summary>The silo's runtime figures: what an operator or a benchmark watches.</summary>
/// <param name="Status">The silo's status (<c>Ready</c> once recovered).</param>
/// <param name="RecordsToCatchUp">
/// Records recovery read that are not applied yet: the silo serves while it catches up on them (a customer's are applied
/// before it answers); 0 once caught up, when reminders fire again.
/// </param>
/// <param name="Customers">Customers known to the registry (every id seen, resident or not).</param>
/// <param name="Activations">Grain activations resident in memory, customers and the shared grains.</param>
/// <param name="RemindersInMemory">Reminders due within the look-ahead, held in memory.</param>
/// <param name="ReminderLateness">How late reminder firings reached their grains since the silo became ready.</param>
/// <param name="ManagedHeapBytes">The managed heap after the last garbage collection.</param>
/// <param name="WorkingSetBytes">The process's resident memory now.</param>
public sealed record SiloStatsResponse(
    string Status,
    long RecordsToCatchUp,
    long Customers,
    int Activations,
    int RemindersInMemory,
    ReminderLatenessResponse ReminderLateness,
    long ManagedHeapBytes,
    long WorkingSetBytes);
