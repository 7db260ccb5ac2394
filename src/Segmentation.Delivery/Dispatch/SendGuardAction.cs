namespace Segmentation.Delivery.Dispatch;

/// <summary>What a guard decided about a send just before an attempt.</summary>
public enum SendGuardAction
{
    /// <summary>Post it now.</summary>
    Allow,

    /// <summary>Do not send it: it is recorded as skipped with the reason.</summary>
    Skip,

    /// <summary>Not now (e.g. quiet hours): it is deferred to the given instant, never dropped, and no attempt is used.</summary>
    Delay,
}
