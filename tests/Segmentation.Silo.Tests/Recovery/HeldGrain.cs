using Segmentation.Runtime;

namespace Segmentation.Silo.Tests.Recovery;

/// <summary>A log-fed test grain: the grain with key <see cref="HeldKey"/> applies each record only once the gate opens.</summary>
[GrainType("held")]
public sealed class HeldGrain(HeldGrainGate gate) : Grain, IDurableGrain
{
    public const string HeldKey = "gate";

    private int _applied;

    public ValueTask<int> CountAsync() => ValueTask.FromResult(_applied);

    public async ValueTask ApplyAsync(LogRecord record, CancellationToken cancellationToken)
    {
        if (GrainId.Key == HeldKey)
        {
            await gate.WaitAsync();
        }

        _applied++;
    }

    public byte[] WriteSnapshot() => BitConverter.GetBytes(_applied);

    public void ReadSnapshot(ReadOnlySpan<byte> snapshot) => _applied = BitConverter.ToInt32(snapshot);
}
