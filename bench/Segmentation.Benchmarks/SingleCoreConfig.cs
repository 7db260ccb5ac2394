using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Segmentation.Benchmarks;

/// <summary>In-process runs pinned to the first core, so the figure is what one core does.</summary>
public sealed class SingleCoreConfig : ManualConfig
{
    public SingleCoreConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithAffinity(1).WithId("one-core"));
    }
}
