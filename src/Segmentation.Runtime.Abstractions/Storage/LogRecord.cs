namespace Segmentation.Runtime;

/// <summary>
/// One durable message in a partition log. Offsets start at 1 and grow by one per record within a partition.
/// <see cref="Kind"/> says how to read <see cref="Payload"/>; the runtime's own kinds start with '$'.
/// </summary>
public sealed record LogRecord(int Partition, long Offset, GrainId Target, string Kind, byte[] Payload, DateTimeOffset Time)
{
    /// <summary>
    /// The decoded form of <see cref="Payload"/> when the appender in this process had it (see
    /// <see cref="DurableMessage.Body"/>); null when the record was read from storage. Never stored.
    /// </summary>
    public object? Body { get; init; }
}
