namespace Segmentation.Grains.Customers;

/// <summary>A customer's answer to the send guard: why the send must not go (null: it may), and the customer's time zone id.</summary>
public sealed record TriggerSendCheck(string? SkipReason, string TimeZoneId);
