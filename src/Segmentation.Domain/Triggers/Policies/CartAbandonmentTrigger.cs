using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Domain.Triggers.Policies;

/// <summary>
/// Cart abandonment: while a cart is open (not empty, and no checkout or order applied since it started), the first
/// step is due <see cref="CartAbandonmentSettings.Delay"/> after the cart's last change and the second step
/// <see cref="CartAbandonmentSettings.SecondStepDelay"/> after it. The occurrence is the cart's start; the second
/// step's key is <c>{start}/2</c>.
/// </summary>
public static class CartAbandonmentTrigger
{
    public static TriggerDue? NextDue(TriggerContext context, CartAbandonmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var cart = context.Profile.CartSummary;
        if (cart.IsEmpty || context.CartSince is not { } since || cart.LastModifiedAt is not { } lastChange)
        {
            return null;
        }

        var series = TriggerKeys.Instant(since);
        var first = lastChange + settings.Delay;
        if (first >= context.NotBefore && !context.Ledger.IsDecided(TriggerNames.CartAbandonment, series))
        {
            return Due(first, series, series, settings.TemplateId, "1");
        }

        var second = TriggerKeys.Step(series, "2");
        var secondDue = lastChange + settings.SecondStepDelay;
        return settings.SecondStepDelay > TimeSpan.Zero && secondDue >= context.NotBefore && !context.Ledger.IsDecided(TriggerNames.CartAbandonment, second)
            ? Due(secondDue, second, series, settings.SecondStepTemplateId ?? settings.TemplateId, "2")
            : null;
    }

    /// <summary>Whether the cart of the occurrence is still open: not empty, and no checkout or order since it started.</summary>
    public static bool Holds(TriggerContext context, string occurrenceKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(occurrenceKey);
        var series = occurrenceKey.EndsWith("/2", StringComparison.Ordinal) ? TriggerKeys.Head(occurrenceKey) : occurrenceKey;
        return !context.Profile.CartSummary.IsEmpty && context.CartSince is { } since && TriggerKeys.Instant(since) == series;
    }

    private static TriggerDue Due(DateTimeOffset dueAt, string key, string series, string? templateId, string step) => new(
        TriggerNames.CartAbandonment, dueAt, key, series, string.Empty, templateId, IncludeCart: true, ProductKey: null,
        TriggerProperties.Step(step));
}
