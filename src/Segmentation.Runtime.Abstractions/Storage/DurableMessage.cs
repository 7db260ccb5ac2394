namespace Segmentation.Runtime;

/// <summary>What a client appends to the log for a durable grain; the runtime assigns partition and offset.</summary>
public sealed record DurableMessage(GrainId Target, string Kind, byte[] Payload, DateTimeOffset Time);
