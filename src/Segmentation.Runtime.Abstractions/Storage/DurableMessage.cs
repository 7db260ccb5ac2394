namespace Segmentation.Runtime;

/// <summary>What a client appends to the log for a durable grain; the runtime assigns partition and offset.</summary>
public sealed record DurableMessage(GrainId Target, string Kind, byte[] Payload, DateTimeOffset Time)
{
    /// <summary>
    /// Optionally, the object <see cref="Payload"/> was encoded from. It travels with the record to the target's
    /// apply in this process, so the target need not decode the bytes it was just given; it is never stored, and a
    /// replay after a restart has only <see cref="Payload"/>. It must therefore decode from the payload exactly,
    /// and the target must treat it as read-only.
    /// </summary>
    public object? Body { get; init; }
}
