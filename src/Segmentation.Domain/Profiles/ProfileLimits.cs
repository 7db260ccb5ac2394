namespace Segmentation.Domain.Profiles;

/// <summary>The fixed horizons of a <see cref="CustomerProfile"/>; they are part of the snapshot's meaning, so they are constants.</summary>
public static class ProfileLimits
{
    /// <summary>
    /// How far back (relative to the latest event time) message ids are kept for dedupe, and how far the
    /// order-dependent parts (cart, sessions) keep their journal so a late event is folded in exactly.
    /// </summary>
    public static readonly TimeSpan ReorderHorizon = TimeSpan.FromHours(48);

    /// <summary>How long per-event timestamps and values are kept for the rolling windows (the largest window).</summary>
    public static readonly TimeSpan WindowRetention = TimeSpan.FromDays(90);

    /// <summary>Inactivity after which the next site event starts a new session.</summary>
    public static readonly TimeSpan SessionTimeout = TimeSpan.FromMinutes(30);

    /// <summary>How many recent products, categories and searches the read views list.</summary>
    public const int RecentItemsLimit = 50;
}
