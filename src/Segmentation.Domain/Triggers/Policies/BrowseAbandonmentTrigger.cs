using Segmentation.Domain.Profiles;
using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Domain.Triggers.Policies;

/// <summary>
/// Browse abandonment: a product whose latest view ends a run of at least <see cref="BrowseAbandonmentSettings.MinViews"/>
/// views within <see cref="BrowseAbandonmentSettings.Window"/>, with no Product Added of it since the first of them and not
/// in the cart, is due <see cref="BrowseAbandonmentSettings.Delay"/> after that latest view. The earliest due product
/// wins; a product whose latest view is too old to be sent (before the context's <c>NotBefore</c> minus the delay) is
/// passed over. Key <c>{product}/{latest view}</c>; the cooldown is per product.
/// </summary>
public static class BrowseAbandonmentTrigger
{
    private const string ProductViewed = "Product Viewed";
    private const string ProductAdded = "Product Added";

    public static TriggerDue? NextDue(TriggerContext context, BrowseAbandonmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);

        // One pass over the views that can still matter, newest first: each product's latest view (it must be due at or
        // after NotBefore) and its views within the window before that.
        var views = context.Profile.GetEventTimeline(ProductViewed);
        var oldestLatest = (context.NotBefore - settings.Delay).UtcTicks;
        var products = new Dictionary<string, ProductViews>(StringComparer.Ordinal);
        for (var i = views.Count - 1; i >= 0; i--)
        {
            var ticks = views.TicksAt(i);
            if (ticks < oldestLatest - settings.Window.Ticks)
            {
                break;
            }

            if (ProductKey(views[i]) is not { } product || !TriggerKeys.IsUsablePart(product))
            {
                continue;
            }

            if (!products.TryGetValue(product, out var seen))
            {
                if (ticks >= oldestLatest)
                {
                    products[product] = new ProductViews(ticks, ticks, 1);
                }
            }
            else if (ticks > seen.Latest - settings.Window.Ticks)
            {
                products[product] = seen with { FirstCounted = ticks, Count = seen.Count + 1 };
            }
        }

        TriggerDue? best = null;
        var cart = products.Count > 0 ? context.Profile.Cart.Lines : [];
        foreach (var (product, seen) in products)
        {
            if (Candidate(context, settings, product, seen, cart) is { } due
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
        ArgumentNullException.ThrowIfNull(settings);
        var product = TriggerKeys.Head(occurrenceKey);
        var views = context.Profile.GetEventTimeline(ProductViewed);
        ProductViews? seen = null;
        for (var i = views.Count - 1; i >= 0; i--)
        {
            var ticks = views.TicksAt(i);
            if (seen is { } s && ticks <= s.Latest - settings.Window.Ticks)
            {
                break;
            }

            if (ProductKey(views[i]) == product)
            {
                seen = seen is { } found ? found with { FirstCounted = ticks, Count = found.Count + 1 } : new ProductViews(ticks, ticks, 1);
            }
        }

        return seen is { } latest && Candidate(context, settings, product, latest, context.Profile.Cart.Lines)?.OccurrenceKey == occurrenceKey;
    }

    private static TriggerDue? Candidate(
        TriggerContext context, BrowseAbandonmentSettings settings, string product, ProductViews seen, IReadOnlyList<ProductLine> cart)
    {
        if (seen.Count < settings.MinViews || InCart(cart, product) || AddedSince(context.Profile, product, seen.FirstCounted))
        {
            return null;
        }

        var lastView = new DateTimeOffset(seen.Latest, TimeSpan.Zero);
        var key = TriggerKeys.Step(product, TriggerKeys.Instant(lastView));
        return new TriggerDue(
            TriggerNames.BrowseAbandonment, lastView + settings.Delay, key, key, product, settings.TemplateId, IncludeCart: false, product,
            TriggerProperties.One("product", product));
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

    /// <summary>A product's latest view, the earliest of its views within the window before it, and how many those are.</summary>
    private readonly record struct ProductViews(long Latest, long FirstCounted, int Count);

    /// <summary><c>product_id</c> (or <c>productId</c>, <c>id</c>), else <c>sku</c>, as the profile keys viewed products.</summary>
    private static string? ProductKey(TrackedEvent evt) =>
        evt.TryGetText("product_id", out var id) || evt.TryGetText("productId", out id) || evt.TryGetText("id", out id) || evt.TryGetText("sku", out id)
            ? id
            : null;
}
