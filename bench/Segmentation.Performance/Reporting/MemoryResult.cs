namespace Segmentation.Performance.Reporting;

/// <summary>The silo's memory with its population resident, from <c>GET /api/silo</c>.</summary>
/// <param name="Customers">Customers known.</param>
/// <param name="ResidentActivations">Grain activations in memory (customers, plus a few hundred shared grains).</param>
/// <param name="EmptyWorkingSetBytes">Resident memory of the freshly started, empty silo.</param>
/// <param name="WorkingSetBytes">Resident memory with the population.</param>
/// <param name="EmptyManagedHeapBytes">Managed heap of the empty silo.</param>
/// <param name="ManagedHeapBytes">Managed heap after the last collection.</param>
/// <param name="BytesPer100kResident">(Resident memory - empty) per 100,000 resident activations.</param>
/// <param name="HeapBytesPer100kResident">(Managed heap - empty) per 100,000 resident activations.</param>
public sealed record MemoryResult(
    long Customers,
    long ResidentActivations,
    long EmptyWorkingSetBytes,
    long WorkingSetBytes,
    long EmptyManagedHeapBytes,
    long ManagedHeapBytes,
    double BytesPer100kResident,
    double HeapBytesPer100kResident);
