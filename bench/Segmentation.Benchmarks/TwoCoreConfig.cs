using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Segmentation.Benchmarks;

/// <summary>In-process runs on the whole machine (two cores here).</summary>
public sealed class TwoCoreConfig : ManualConfig
{
    public TwoCoreConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("machine"));
    }
}
