namespace Segmentation.Domain.Profiles;

/// <summary>How often a track event name was seen, and when first and last.</summary>
public sealed record EventStats(string Name, int Count, DateTimeOffset FirstAt, DateTimeOffset LastAt);
