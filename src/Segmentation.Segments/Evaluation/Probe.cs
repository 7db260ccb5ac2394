namespace Segmentation.Segments.Evaluation;
public static class Probe
{
    public static long Rules, Flips, Window, Sched, Recency, Seg, Loops, Extends, Steps, Pruned;
    public static string Dump() => $"rules {Rules} flips {Flips} loops {Loops} pruned {Pruned}";
    public static void Reset() { Rules = Flips = Window = Sched = Recency = Seg = Loops = Extends = Steps = Pruned = 0; }
}
