namespace Segmentation.Silo.Sends;

/// <summary>Why a send was skipped: when, the reason code (e.g. <c>no_consent</c>, <c>frequency_cap</c>) and a detail for people.</summary>
public sealed record SendSkipResponse(DateTimeOffset At, string Reason, string? Detail);
