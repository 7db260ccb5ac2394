namespace Segmentation.Domain.Profiles;

/// <summary>An entry of a window timeline: its UTC ticks and its amount (1 for events, the net amount for orders).</summary>
public readonly record struct WindowPoint(long Ticks, decimal Amount);
