namespace Segmentation.Runtime.Storage;

/// <summary>
/// One record of a partition log without its body: its offset, the grain it is addressed to, and where the provider
/// keeps it (<see cref="Locator"/>, meaningful to that provider only), to read the body later with
/// <see cref="IPartitionLogStorage.ReadRecordsAsync"/>. Recovery reads these for the records after the checkpoints,
/// which is enough to know which grain holds which records.
/// </summary>
public readonly record struct LogIndexEntry(long Offset, GrainId Target, long Locator);
