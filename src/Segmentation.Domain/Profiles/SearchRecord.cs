namespace Segmentation.Domain.Profiles;

/// <summary>One Products Searched event.</summary>
public sealed record SearchRecord(string Query, DateTimeOffset At);
