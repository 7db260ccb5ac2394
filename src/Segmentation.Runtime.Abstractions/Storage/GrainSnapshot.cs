namespace Segmentation.Runtime.Storage;

/// <summary>A durable grain's state as of <see cref="AppliedOffset"/>, the last log offset applied to it.</summary>
public sealed record GrainSnapshot(GrainId GrainId, byte[] Data, long AppliedOffset);
