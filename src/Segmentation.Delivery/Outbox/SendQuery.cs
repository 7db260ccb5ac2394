using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Outbox;

/// <summary>A filter of the send log; null fields match everything.</summary>
public sealed record SendQuery(SendStatus? Status = null, string? CustomerId = null, string? Trigger = null)
{
    public bool Matches(SendRecord send)
    {
        ArgumentNullException.ThrowIfNull(send);
        return (Status is not { } status || send.Status == status)
            && (CustomerId is null || string.Equals(send.CustomerId, CustomerId, StringComparison.Ordinal))
            && (Trigger is null || string.Equals(send.Trigger, Trigger, StringComparison.Ordinal));
    }
}
