namespace Segmentation.Domain.Lifecycle;

/// <summary>The lifecycle thresholds; every default is documented on its property.</summary>
public sealed record LifecycleOptions
{
    public static LifecycleOptions Default { get; } = new();

    /// <summary>A customer first seen less than this long ago can be New. Default 30 days.</summary>
    public TimeSpan NewCustomerPeriod { get; init; } = TimeSpan.FromDays(30);

    /// <summary>A customer with this many orders or more is no longer New. Default 2.</summary>
    public int NewCustomerOrderLimit { get; init; } = 2;

    /// <summary>No activity for at least this long makes a customer At Risk. Default 30 days.</summary>
    public TimeSpan AtRiskAfter { get; init; } = TimeSpan.FromDays(30);

    /// <summary>No activity for at least this long makes a customer Lapsed. Default 60 days.</summary>
    public TimeSpan LapsedAfter { get; init; } = TimeSpan.FromDays(60);

    /// <summary>Net revenue at or above this makes a customer a VIP. Default 1000.</summary>
    public decimal VipRevenueThreshold { get; init; } = 1000m;

    /// <summary>Whether the RFM cell Champions makes a customer a VIP. Default true.</summary>
    public bool ChampionsAreVip { get; init; } = true;
}
