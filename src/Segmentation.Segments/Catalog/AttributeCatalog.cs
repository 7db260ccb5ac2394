using System.Collections.Frozen;
using Segmentation.Domain.Profiles;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Catalog;

/// <summary>
/// Every name a rule can use, with its type and meaning. The attribute table of <c>docs/segment-rules.md</c> is
/// <see cref="ToMarkdownTable"/>'s output (a test keeps them equal). Names are case-sensitive.
/// </summary>
public static class AttributeCatalog
{
    public const string Count = "count";
    public const string Sum = "sum";
    public const string InSegment = "in_segment";
    public const string TraitsPrefix = "traits.";

    /// <summary>The values of <c>lifecycle</c>, in the order of <see cref="Domain.Lifecycle.LifecycleStage"/>.</summary>
    public static readonly ValueList<string> LifecycleValues = ["new", "active", "at_risk", "lapsed", "vip"];

    /// <summary>The values of <c>rfm.cell</c>, in the order of <see cref="Domain.Rfm.RfmCell"/>.</summary>
    public static readonly ValueList<string> RfmCellValues =
        ["Champions", "Loyal", "Potential Loyalists", "New", "Promising", "Need Attention", "About to Sleep", "At Risk", "Can't Lose Them", "Hibernating"];

    /// <summary>The values of <c>email_consent</c>, in the order of <see cref="Domain.Profiles.ConsentStatus"/>.</summary>
    public static readonly ValueList<string> ConsentValues = ["unknown", "subscribed", "unsubscribed"];

    private static readonly ValueList<string> NoValues = ValueList<string>.Empty;

    /// <summary>Every entry, in documentation order.</summary>
    public static IReadOnlyList<AttributeDefinition> All { get; } = Array.AsReadOnly<AttributeDefinition>(
    [
        Attr("email", ProfileParts.Traits, RuleValueType.Text, "Traits", "The `email` trait.", optional: true),
        Attr("first_name", ProfileParts.Traits, RuleValueType.Text, "Traits", "The `first_name` or `firstName` trait (the newest).", optional: true),
        Attr("last_name", ProfileParts.Traits, RuleValueType.Text, "Traits", "The `last_name` or `lastName` trait (the newest).", optional: true),
        Attr("phone", ProfileParts.Traits, RuleValueType.Text, "Traits", "The `phone` trait.", optional: true),
        Attr("country", ProfileParts.Traits | ProfileParts.Context, RuleValueType.Text, "Traits", "`address.country`, else the `country` trait, else the newest `context.location.country`.", optional: true),
        Attr("timezone", ProfileParts.Traits | ProfileParts.Context, RuleValueType.Text, "Traits", "The IANA time zone: the `timezone` trait, else the newest `context.timezone`.", optional: true),
        Attr("user_id", ProfileParts.Identity, RuleValueType.Text, "Traits", "The user id (anonymous customers have none).", optional: true),
        new("traits.<name>", "traits.<name>", AttributeKind.Trait, RuleValueType.Dynamic, "Traits",
            "Any trait, e.g. `traits.plan`; nested objects with dots, e.g. `traits.address.city`. Compared as the value's JSON type: strings with strings (case-insensitive), numbers with numbers (numeric strings too), booleans with `true`/`false`; `within`/`before` read an ISO 8601 date.",
            NoValues) { IsOptional = true, Inputs = ProfileParts.Traits },
        Attr("email_consent", ProfileParts.Consent, RuleValueType.Enumeration, "Consent", "The latest email marketing consent signal.", ConsentValues),
        Attr("can_email", ProfileParts.Consent | ProfileParts.Traits, RuleValueType.Boolean, "Consent", "Subscribed, not suppressed, and an email address is known."),
        Attr("email_suppressed", ProfileParts.Consent, RuleValueType.Boolean, "Consent", "Unsubscribed, hard-bounced or marked as spam."),
        Attr("rfm.r", ProfileParts.Orders, RuleValueType.Number, "RFM", "Recency score, 1 (longest ago) to 5; missing without orders or cut points.", optional: true),
        Attr("rfm.f", ProfileParts.Orders, RuleValueType.Number, "RFM", "Frequency score, 1 to 5; missing without orders or cut points.", optional: true),
        Attr("rfm.m", ProfileParts.Orders, RuleValueType.Number, "RFM", "Monetary score, 1 to 5; missing without orders or cut points.", optional: true),
        Attr("rfm.cell", ProfileParts.Orders, RuleValueType.Enumeration, "RFM", "The named cell of the recency x frequency grid (DESIGN.md, RFM reference); missing without orders or cut points.", RfmCellValues, optional: true),
        Attr("lifecycle", ProfileParts.Activity | ProfileParts.FirstSeen | ProfileParts.Orders, RuleValueType.Enumeration, "Lifecycle", "The lifecycle stage (inactivity first: lapsed, at risk; then VIP, new, active).", LifecycleValues),
        Attr("orders_count", ProfileParts.Orders, RuleValueType.Number, "Totals", "Placed orders that are not cancelled."),
        Attr("total_revenue", ProfileParts.Orders, RuleValueType.Number, "Totals", "Net revenue of those orders (after refunds)."),
        Attr("avg_order_value", ProfileParts.Orders, RuleValueType.Number, "Totals", "Total revenue divided by the order count; missing without orders.", optional: true),
        Attr("first_order_at", ProfileParts.Orders, RuleValueType.Timestamp, "Totals", "When the first counted order was placed.", optional: true),
        Attr("last_order_at", ProfileParts.Orders, RuleValueType.Timestamp, "Totals", "When the last counted order was placed.", optional: true),
        Attr("last_activity_at", ProfileParts.Activity, RuleValueType.Timestamp, "Totals", "The newest own activity: site events, email opens and clicks.", optional: true),
        Attr("first_seen_at", ProfileParts.FirstSeen, RuleValueType.Timestamp, "Totals", "The oldest event of the customer.", optional: true),
        Window("orders_count", ProfileParts.Orders, "Orders placed in the window (not cancelled)."),
        Window("revenue", ProfileParts.Orders, "Net revenue of the orders placed in the window."),
        Window("views", ProfileParts.ProductViews, "Product Viewed events in the window."),
        Window("cart_adds", ProfileParts.CartAdds, "Product Added events in the window."),
        Attr("cart.empty", ProfileParts.Cart, RuleValueType.Boolean, "Cart", "The cart has no lines."),
        Attr("cart.value", ProfileParts.Cart, RuleValueType.Number, "Cart", "Sum of price times quantity of the cart lines."),
        Attr("cart.items", ProfileParts.Cart, RuleValueType.Number, "Cart", "Sum of the quantities of the cart lines."),
        Attr("cart.updated_at", ProfileParts.Cart, RuleValueType.Timestamp, "Cart", "The last add, remove, cart view, checkout or order.", optional: true),
        Attr("cart.checkout_started_at", ProfileParts.Cart, RuleValueType.Timestamp, "Cart", "When checkout was last started since the last order.", optional: true),
        Attr("email_opened", ProfileParts.EmailEngagement, RuleValueType.Timestamp, "Email engagement", "The last Email Opened.", optional: true),
        Attr("email_clicked", ProfileParts.EmailEngagement, RuleValueType.Timestamp, "Email engagement", "The last Email Link Clicked.", optional: true),
        Attr("email_opens_count", ProfileParts.EmailEngagement, RuleValueType.Number, "Email engagement", "Email Opened events ever."),
        Attr("email_clicks_count", ProfileParts.EmailEngagement, RuleValueType.Number, "Email engagement", "Email Link Clicked events ever."),
        new(Count, "count(\"Product Viewed\" where category = \"shoes\", 14d)", AttributeKind.EventCount, RuleValueType.Number, "Events",
            "Track events of that exact name matching the optional filter in the window (at most 90d); without a window, every event of that name ever (no filter then).",
            NoValues) { Inputs = ProfileParts.NamedEvents },
        new(Sum, "sum(\"Order Completed\", revenue, 30d)", AttributeKind.EventSum, RuleValueType.Number, "Events",
            "Sum of a numeric top-level property over the matching events in the window (at most 90d); non-numeric values count as nothing.",
            NoValues) { Inputs = ProfileParts.NamedEvents },
        new(InSegment, "in_segment(\"vip-customers\")", AttributeKind.SegmentMembership, RuleValueType.Boolean, "Segments",
            "The customer is a member of that segment (which may not refer back to this one).",
            NoValues),
    ]);

    private static readonly FrozenDictionary<string, AttributeDefinition> Attributes = All
        .Where(a => a.Kind == AttributeKind.Attribute)
        .ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, AttributeDefinition> Functions = All
        .Where(a => a.Kind is AttributeKind.WindowFunction or AttributeKind.EventCount or AttributeKind.EventSum or AttributeKind.SegmentMembership)
        .ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>The plain attribute names, in documentation order.</summary>
    public static IReadOnlyList<string> AttributeNames { get; } = All.Where(a => a.Kind == AttributeKind.Attribute).Select(a => a.Name).ToList().AsReadOnly();

    /// <summary>The function names (window functions, count, sum, in_segment), in documentation order.</summary>
    public static IReadOnlyList<string> FunctionNames { get; } = All.Where(a => a.Kind != AttributeKind.Attribute && a.Kind != AttributeKind.Trait).Select(a => a.Name).ToList().AsReadOnly();

    /// <summary>A plain attribute by exact name.</summary>
    public static AttributeDefinition? FindAttribute(string name) => Attributes.GetValueOrDefault(name);

    /// <summary>A function by exact name.</summary>
    public static AttributeDefinition? FindFunction(string name) => Functions.GetValueOrDefault(name);

    /// <summary>
    /// The index of <paramref name="text"/> in an enumeration's values, comparing letters and digits only, case-insensitively
    /// (<c>"At Risk"</c>, <c>"at_risk"</c> and <c>"AT-RISK"</c> agree); -1 when none matches.
    /// </summary>
    public static int IndexOfValue(AttributeDefinition definition, string text)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(text);
        var key = ValueKey(text);
        for (var i = 0; i < definition.Values.Count; i++)
        {
            if (string.Equals(ValueKey(definition.Values[i]), key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The attribute table of the documentation (Markdown).</summary>
    public static string ToMarkdownTable()
    {
        var builder = new System.Text.StringBuilder();
        builder.Append("| Group | Attribute | Type | Meaning |\n");
        builder.Append("|---|---|---|---|\n");
        foreach (var entry in All)
        {
            var type = entry.Type switch
            {
                RuleValueType.Enumeration => "one of " + string.Join(", ", entry.Values.Select(v => $"`\"{v}\"`")),
                RuleValueType.Dynamic => "string, number or boolean, as sent",
                _ => entry.Type.ToString().ToLowerInvariant(),
            };
            var syntax = entry.Kind == AttributeKind.Attribute ? entry.Name : entry.Syntax;
            var optional = entry.IsOptional ? " (may be missing)" : string.Empty;
            builder.Append($"| {entry.Group} | `{syntax.Replace("|", "\\|", StringComparison.Ordinal)}` | {type}{optional} | {entry.Description} |\n");
        }

        return builder.ToString();
    }

    private static string ValueKey(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static AttributeDefinition Attr(
        string name, ProfileParts inputs, RuleValueType type, string group, string description, ValueList<string>? values = null, bool optional = false) =>
        new(name, name, AttributeKind.Attribute, type, group, description, values ?? NoValues) { IsOptional = optional, Inputs = inputs };

    private static AttributeDefinition Window(string name, ProfileParts inputs, string description) =>
        new(name, name + "(30d)", AttributeKind.WindowFunction, RuleValueType.Number, "Windows", description + " Window at most 90d.", NoValues) { Inputs = inputs };
}
