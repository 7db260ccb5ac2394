namespace Segmentation.Delivery.Outbox;

/// <summary>The answer to a manual retry.</summary>
public enum SendRetryStatus
{
    /// <summary>The send is pending again and will be posted.</summary>
    Accepted,

    /// <summary>No send has that id.</summary>
    NotFound,

    /// <summary>The send is not failed or dead-lettered (pending, delivered or skipped): nothing changed.</summary>
    NotRetryable,
}
