namespace Segmentation.Runtime.Storage;

/// <summary>A stored piece of grain state and its etag.</summary>
public sealed record StoredGrainState(byte[] Data, string Etag);
