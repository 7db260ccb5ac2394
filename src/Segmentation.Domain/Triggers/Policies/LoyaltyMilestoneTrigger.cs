using System.Globalization;
using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Domain.Triggers.Policies;

/// <summary>
/// Loyalty milestone: due at once (the deciding record's instant) for the first milestone the customer reached that was
/// not decided yet; spend milestones first, then order counts. Keys <c>spend-500</c>, <c>orders-5</c>: once per milestone.
/// </summary>
public static class LoyaltyMilestoneTrigger
{
    public static TriggerDue? NextDue(TriggerContext context, LoyaltyMilestoneSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var profile = context.Profile;
        foreach (var threshold in settings.SpendThresholds ?? [])
        {
            var key = SpendKey(threshold);
            if (profile.TotalRevenue >= threshold && !context.Ledger.IsDecided(TriggerNames.LoyaltyMilestone, key))
            {
                return Due(context.AsOf, key, settings.TemplateId);
            }
        }

        foreach (var count in settings.OrderCounts ?? [])
        {
            var key = OrdersKey(count);
            if (profile.OrderCount >= count && !context.Ledger.IsDecided(TriggerNames.LoyaltyMilestone, key))
            {
                return Due(context.AsOf, key, settings.TemplateId);
            }
        }

        return null;
    }

    /// <summary>Whether the customer is still at or past the milestone (a refund or cancellation can take it back).</summary>
    public static bool Holds(TriggerContext context, string occurrenceKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(occurrenceKey);
        var profile = context.Profile;
        if (occurrenceKey.StartsWith("spend-", StringComparison.Ordinal))
        {
            return decimal.TryParse(occurrenceKey.AsSpan(6), NumberStyles.Number, CultureInfo.InvariantCulture, out var spend) && profile.TotalRevenue >= spend;
        }

        return occurrenceKey.StartsWith("orders-", StringComparison.Ordinal)
            && int.TryParse(occurrenceKey.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var orders) && profile.OrderCount >= orders;
    }

    private static string SpendKey(decimal threshold) => "spend-" + threshold.ToString("0.##", CultureInfo.InvariantCulture);

    private static string OrdersKey(int count) => "orders-" + count.ToString(CultureInfo.InvariantCulture);

    private static TriggerDue Due(DateTimeOffset dueAt, string key, string? templateId) => new(
        TriggerNames.LoyaltyMilestone, dueAt, key, key, string.Empty, templateId, IncludeCart: false, ProductKey: null,
        TriggerProperties.One("milestone", key));
}
