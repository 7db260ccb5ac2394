using Segmentation.Runtime;

namespace Segmentation.Benchmarks.Grains;

/// <summary>A log-fed grain that counts what it applies; its snapshot is that count.</summary>
[GrainType("sink")]
public sealed class SinkGrain : Grain, IDurableGrain
{
    private long _applied;

    public ValueTask ApplyAsync(LogRecord record, CancellationToken cancellationToken)
    {
        _applied++;
        return ValueTask.CompletedTask;
    }

    public byte[] WriteSnapshot() => BitConverter.GetBytes(_applied);

    public void ReadSnapshot(ReadOnlySpan<byte> snapshot) => _applied = BitConverter.ToInt64(snapshot);
}
