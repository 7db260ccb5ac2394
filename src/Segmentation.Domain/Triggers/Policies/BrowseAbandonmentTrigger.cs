using Segmentation.Domain.Profiles;
using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Domain.Triggers.Policies;

/// <summary>
/// Browse abandonment: a product whose latest view ends a run of at least <see cref="BrowseAbandonmentSettings.MinViews"/>
/// views within <see cref="BrowseAbandonmentSettings.Window"/>, with no Product Added of it since the first of them and not
/// in the cart, is due <see cref="BrowseAbandonmentSettings.Delay"/> after that latest view. The earliest due product
/// wins. Key <c>{product}/{latest view}</c>; the cooldown is per product.
/// </summary>
public static class BrowseAbandonmentTrigger
{
    private const string ProductViewed = "Product Viewed";
    private const string ProductAdded = "Product Added";

    public static TriggerDue? NextDue(TriggerContext context, BrowseAbandonmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var views = context.Profile.GetEventTimeline(ProductViewed);
        var cart = context.Profile.Cart.Lines;
        TriggerDue? best = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = views.Count - 1; i >= 0; i--)
        {
            if (ProductKey(views[i]) is not { } product || !TriggerKeys.IsUsablePart(product) || !seen.Add(product))
            {
                continue;
            }

            if (Candidate(context, settings, product, views, cart) is { } due
                && !context.Ledger.IsDecided(TriggerNames.BrowseAbandonment, due.OccurrenceKey)
                && (best is null || due.DueAt < best.DueAt || (due.DueAt == best.DueAt && string.CompareOrdinal(due.ProductKey, best.ProductKey) < 0)))
            {
                best = due;
            }
        }

        return best;
    }

    /// <summary>Whether the occurrence's product is still browsed and not added to the cart (a newer view makes a new occurrence).</summary>
    public static bool Holds(TriggerContext context, BrowseAbandonmentSettings settings, string occurrenceKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        var product = TriggerKeys.Head(occurrenceKey);
        return Candidate(context, settings, product, context.Profile.GetEventTimeline(ProductViewed), context.Profile.Cart.Lines)?.OccurrenceKey == occurrenceKey;
    }

    private static TriggerDue? Candidate(
        TriggerContext context, BrowseAbandonmentSettings settings, string product, TrackedEventTimeline views, IReadOnlyList<ProductLine> cart)
    {
        // The product's views, newest first: the latest one and how many fall within the window before it.
        long? latest = null;
        long firstCounted = 0;
        var count = 0;
        for (var i = views.Count - 1; i >= 0; i--)
        {
            if (ProductKey(views[i]) != product)
            {
                continue;
            }

            var ticks = views.TicksAt(i);
            latest ??= ticks;
            if (ticks <= latest.Value - settings.Window.Ticks)
            {
                break;
            }

            firstCounted = ticks;
            count++;
        }

        if (latest is not { } last || count < settings.MinViews || InCart(cart, product) || AddedSince(context.Profile, product, firstCounted))
        {
            return null;
        }

        var lastView = new DateTimeOffset(last, TimeSpan.Zero);
        var key = TriggerKeys.Step(product, TriggerKeys.Instant(lastView));
        return new TriggerDue(
            TriggerNames.BrowseAbandonment, lastView + settings.Delay, key, key, product, settings.TemplateId, IncludeCart: false, product,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["product"] = product });
    }

    private static bool AddedSince(CustomerProfile profile, string product, long fromTicks)
    {
        var adds = profile.GetEventTimeline(ProductAdded);
        for (var i = adds.Count - 1; i >= 0 && adds.TicksAt(i) >= fromTicks; i--)
        {
            if (ProductKey(adds[i]) == product)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InCart(IReadOnlyList<ProductLine> cart, string product)
    {
        foreach (var line in cart)
        {
            if (line.ProductId == product || line.Sku == product)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>product_id</c> (or <c>productId</c>, <c>id</c>), else <c>sku</c>, as the profile keys viewed products.</summary>
    private static string? ProductKey(TrackedEvent evt) =>
        evt.TryGetText("product_id", out var id) || evt.TryGetText("productId", out id) || evt.TryGetText("id", out id) || evt.TryGetText("sku", out id)
            ? id
            : null;
}
