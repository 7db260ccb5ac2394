namespace Segmentation.Domain.Profiles;

/// <summary>The fixed horizons of a <see cref="CustomerProfile"/>; they are part of the snapshot's meaning, so they are constants.</summary>
public static class ProfileLimits
{
    /// <summary>
    /// How far back (relative to the latest event time) the order-dependent parts (cart, sessions) keep their
    /// journal so a late event is folded in exactly.
    /// </summary>
    public static readonly TimeSpan ReorderHorizon = TimeSpan.FromHours(48);

    /// <summary>How long after it was received a message id is remembered, so a replay within it changes nothing.</summary>
    public static readonly TimeSpan DedupeRetention = TimeSpan.FromHours(48);

    /// <summary>How long per-event timestamps and values are kept for the rolling windows (the largest window).</summary>
    public static readonly TimeSpan WindowRetention = TimeSpan.FromDays(90);

    /// <summary>Inactivity after which the next site event starts a new session.</summary>
    public static readonly TimeSpan SessionTimeout = TimeSpan.FromMinutes(30);

    /// <summary>How many recent products, categories and searches the read views list.</summary>
    public const int RecentItemsLimit = 50;

    /// <summary>
    /// How many events of one name the event timeline keeps within <see cref="WindowRetention"/> (the newest by
    /// time). Windowed counts and sums over a name are exact while a customer sends at most this many of them in
    /// the retention.
    /// </summary>
    public const int TimelineEventsPerName = 1000;

    /// <summary>How many scalar top-level properties of an event the timeline keeps (the first by name, ordinal).</summary>
    public const int TimelinePropertiesPerEvent = 16;

    /// <summary>Property names longer than this are not kept on the timeline.</summary>
    public const int TimelinePropertyNameMaxLength = 64;

    /// <summary>Property values whose text is longer than this are not kept on the timeline.</summary>
    public const int TimelineValueMaxLength = 256;
}
