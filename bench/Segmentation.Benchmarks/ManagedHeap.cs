namespace Segmentation.Benchmarks;

/// <summary>The managed heap's live bytes, for the memory reports that compare it before and after.</summary>
internal static class ManagedHeap
{
    /// <summary>The heap after full, blocking, compacting collections on both sides of the pending finalizers.</summary>
    public static long AfterFullCompaction()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
