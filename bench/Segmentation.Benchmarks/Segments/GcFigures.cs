namespace Segmentation.Benchmarks.Segments;

/// <summary>The process's garbage collection figures at one moment; the difference of two covers what ran between them.</summary>
internal readonly record struct GcFigures(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated)
{
    public static GcFigures Now() => new(
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());

    public static GcFigures operator -(GcFigures end, GcFigures start) => new(
        end.Gen0 - start.Gen0, end.Gen1 - start.Gen1, end.Gen2 - start.Gen2, end.Paused - start.Paused, end.Allocated - start.Allocated);

    public override string ToString() =>
        $"{Gen0} collections ({Gen1} gen1, {Gen2} gen2) pausing {Paused.TotalSeconds:N2} s, {Allocated / (1 << 20):N0} MB allocated";
}
