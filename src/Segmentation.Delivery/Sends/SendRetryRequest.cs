namespace Segmentation.Delivery.Sends;

/// <summary>A manual retry of a failed or dead-lettered send: when, and by which management key (its name; null from code).</summary>
public sealed record SendRetryRequest(DateTimeOffset RequestedAt, string? RequestedBy);
