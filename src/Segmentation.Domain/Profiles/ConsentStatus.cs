namespace Segmentation.Domain.Profiles;

/// <summary>Email marketing consent.</summary>
public enum ConsentStatus
{
    /// <summary>No consent signal seen.</summary>
    Unknown,

    Subscribed,

    Unsubscribed,
}
