using BenchmarkDotNet.Running;
using Segmentation.Benchmarks;

// `memory` prints the memory figures; anything else goes to BenchmarkDotNet (e.g. --filter '*GrainCall*').
if (args is ["memory"])
{
    await MemoryReport.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GrainCallBenchmarks).Assembly).Run(args);
