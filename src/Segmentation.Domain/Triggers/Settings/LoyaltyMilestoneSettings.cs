namespace Segmentation.Domain.Triggers.Settings;

/// <summary>
/// Loyalty milestone: the customer's net spend reaches a threshold of <see cref="SpendThresholds"/>, or its order count
/// reaches one of <see cref="OrderCounts"/>; once per milestone.
/// </summary>
public sealed class LoyaltyMilestoneSettings : TriggerSettings
{
    /// <summary>The most thresholds of each kind.</summary>
    public const int MaxMilestones = 10;

    public LoyaltyMilestoneSettings()
        : base(TriggerNames.LoyaltyMilestone)
    {
    }

    /// <summary>Net spend milestones, increasing (at most 10). None unless configured (silo-config ships 500 and 1000).</summary>
    public decimal[]? SpendThresholds { get; set; }

    /// <summary>Order count milestones, increasing (at most 10). None unless configured (silo-config ships 5 and 10).</summary>
    public int[]? OrderCounts { get; set; }

    public override TriggerSettings Clone() => new LoyaltyMilestoneSettings
    {
        Enabled = Enabled,
        TemplateId = TemplateId,
        Cooldown = Cooldown,
        SpendThresholds = SpendThresholds?.ToArray(),
        OrderCounts = OrderCounts?.ToArray(),
    };

    protected override void ValidateOwn(List<TriggerSettingError> errors)
    {
        var spend = SpendThresholds ?? [];
        if (spend.Length > MaxMilestones || spend.Any(static t => t <= 0m) || !IsIncreasing(spend))
        {
            errors.Add(new TriggerSettingError(nameof(SpendThresholds), $"must be at most {MaxMilestones} positive amounts in increasing order."));
        }

        var orders = OrderCounts ?? [];
        if (orders.Length > MaxMilestones || orders.Any(static c => c < 1) || !IsIncreasing(orders))
        {
            errors.Add(new TriggerSettingError(nameof(OrderCounts), $"must be at most {MaxMilestones} whole numbers of at least 1 in increasing order."));
        }

        if (Enabled && spend.Length == 0 && orders.Length == 0)
        {
            errors.Add(new TriggerSettingError(nameof(SpendThresholds), $"or {nameof(OrderCounts)} must name a milestone while the trigger is enabled."));
        }
    }

    private static bool IsIncreasing<T>(T[] values)
        where T : IComparable<T>
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i].CompareTo(values[i - 1]) <= 0)
            {
                return false;
            }
        }

        return true;
    }
}
