using Segmentation.Domain.Triggers;
using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Silo.Dashboard.Components.Pages.Triggers;

/// <summary>The titles, summaries and fields of the triggers of the catalog (docs/triggers.md), in catalog order.</summary>
public static class TriggerDescriptions
{
    private const string TemplateHint = "The ESP template of its emails (a SendGrid dynamic template d-…); leave empty for none.";

    public static IReadOnlyList<TriggerDescription> All { get; } =
    [
        new(TriggerNames.CartAbandonment, "Cart abandonment",
            "Emails a customer whose cart is not empty when it has not changed, and no checkout or order came, for the delay; a checkout or an order cancels it.",
            [
                Template<CartAbandonmentSettings>(),
                TriggerField.Of<CartAbandonmentSettings>(nameof(CartAbandonmentSettings.Delay), "Delay",
                    "Time after the last cart change before the first email (1 minute to 30 days)."),
                TriggerField.Of<CartAbandonmentSettings>(nameof(CartAbandonmentSettings.SecondStepDelay), "Second step after",
                    "Time after the last cart change before a second email; 0 for none (longer than the delay, at most 30 days).", "no second step"),
                TriggerField.Of<CartAbandonmentSettings>(nameof(CartAbandonmentSettings.SecondStepTemplateId), "Second step template id",
                    "The template of the second email; leave empty to use the template id.", "same as the template id"),
                Cooldown<CartAbandonmentSettings>("After an email, no email for another cart for this long; 0 for none."),
            ]),
        new(TriggerNames.BrowseAbandonment, "Browse abandonment",
            "Emails a customer who viewed one product several times within a window and did not add it to the cart, a delay after the last view.",
            [
                Template<BrowseAbandonmentSettings>(),
                TriggerField.Of<BrowseAbandonmentSettings>(nameof(BrowseAbandonmentSettings.MinViews), "Views",
                    "Views of one product that count as interest (2 to 100)."),
                TriggerField.Of<BrowseAbandonmentSettings>(nameof(BrowseAbandonmentSettings.Window), "Within",
                    "The views must fall within this time (1 hour to 30 days)."),
                TriggerField.Of<BrowseAbandonmentSettings>(nameof(BrowseAbandonmentSettings.Delay), "Delay",
                    "Time after the last view before the email (1 minute to 7 days)."),
                Cooldown<BrowseAbandonmentSettings>("After an email about a product, no other email about it for this long; 0 for none."),
            ]),
        new(TriggerNames.Lapse, "Lapse and win-back",
            "Emails a customer without activity (or without an order) for a while, and again later to win them back.",
            [
                Template<LapseSettings>(),
                TriggerField.Of<LapseSettings>(nameof(LapseSettings.Basis), "Measured from",
                    "Activity: the last visit, email open or click. Order: the last order (customers without one never lapse)."),
                TriggerField.Of<LapseSettings>(nameof(LapseSettings.After), "Lapsed after",
                    "Time without activity (or order) before the email (1 to 730 days)."),
                TriggerField.Of<LapseSettings>(nameof(LapseSettings.WinBackAfter), "Win-back after",
                    "Time before a win-back email; 0 for none (longer than the lapse, at most 730 days).", "no win-back"),
                TriggerField.Of<LapseSettings>(nameof(LapseSettings.WinBackTemplateId), "Win-back template id",
                    "The template of the win-back email; leave empty to use the template id.", "same as the template id"),
                Cooldown<LapseSettings>("After an email, no other lapse email for this long; 0 for none."),
            ]),
        new(TriggerNames.Birthday, "Birthday",
            "Emails a customer on the day of the birthday trait, at a local time in the customer's time zone.",
            [
                Template<BirthdaySettings>(),
                TriggerField.Of<BirthdaySettings>(nameof(BirthdaySettings.LocalTime), "Local time",
                    "The time of day of the email in the customer's time zone."),
                Cooldown<BirthdaySettings>("After an email, no other birthday email for this long; 0 for none."),
            ]),
        new(TriggerNames.LoyaltyMilestone, "Loyalty milestone",
            "Emails a customer whose net spend or order count reaches a milestone; once per milestone.",
            [
                Template<LoyaltyMilestoneSettings>(),
                TriggerField.Of<LoyaltyMilestoneSettings>(nameof(LoyaltyMilestoneSettings.SpendThresholds), "Spend milestones",
                    "Net spend amounts, increasing, separated by commas (e.g. 500, 1000); at most 10."),
                TriggerField.Of<LoyaltyMilestoneSettings>(nameof(LoyaltyMilestoneSettings.OrderCounts), "Order count milestones",
                    "Order counts, increasing, separated by commas (e.g. 5, 10); at most 10."),
                Cooldown<LoyaltyMilestoneSettings>("After an email, no other milestone email for this long; 0 for none."),
            ]),
        new(TriggerNames.SegmentEntry, "Segment entry",
            "Emails a customer who enters one of the chosen segments, by an event or as time passes.",
            [
                Template<SegmentEntrySettings>(),
                TriggerField.Of<SegmentEntrySettings>(nameof(SegmentEntrySettings.SegmentIds), "Segments",
                    "Entering any of these segments sends (at most 50)."),
                Cooldown<SegmentEntrySettings>("After an email about a segment, no other email about it for this long; 0 for none."),
            ]),
    ];

    /// <summary>The description of the trigger <paramref name="name"/>; null for an unknown name.</summary>
    public static TriggerDescription? Of(string name) => All.FirstOrDefault(d => d.Name == name);

    private static TriggerField Template<TSettings>()
        where TSettings : TriggerSettings =>
        TriggerField.Of<TSettings>(nameof(TriggerSettings.TemplateId), "Template id", TemplateHint);

    private static TriggerField Cooldown<TSettings>(string hint)
        where TSettings : TriggerSettings =>
        TriggerField.Of<TSettings>(nameof(TriggerSettings.Cooldown), "Cooldown", hint, "none");
}
