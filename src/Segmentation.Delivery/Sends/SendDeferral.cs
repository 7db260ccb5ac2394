namespace Segmentation.Delivery.Sends;

/// <summary>A guard delayed the send (e.g. quiet hours in the customer's time zone) until <see cref="Until"/>; never a drop.</summary>
public sealed record SendDeferral(DateTimeOffset DeferredAt, DateTimeOffset Until, string Reason);
