using Segmentation.Domain.Triggers;
using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Grains.Triggers;

/// <summary>
/// The configured trigger settings (section <c>Segmentation:Triggers</c>): the guardrails and the defaults of each
/// trigger. Edits through the API override a trigger's configured settings; the guardrails are configuration only.
/// </summary>
public sealed class TriggerOptions
{
    public const string SectionName = "Segmentation:Triggers";

    public TriggerGuardrails Guardrails { get; set; } = new();

    public CartAbandonmentSettings CartAbandonment { get; set; } = new();

    public BrowseAbandonmentSettings BrowseAbandonment { get; set; } = new();

    public LapseSettings Lapse { get; set; } = new();

    public BirthdaySettings Birthday { get; set; } = new();

    public LoyaltyMilestoneSettings LoyaltyMilestone { get; set; } = new();

    public SegmentEntrySettings SegmentEntry { get; set; } = new();

    /// <summary>The configuration key of a trigger's settings, e.g. <c>Segmentation:Triggers:CartAbandonment</c>.</summary>
    public static string KeyOf(string trigger) => trigger switch
    {
        TriggerNames.CartAbandonment => $"{SectionName}:{nameof(CartAbandonment)}",
        TriggerNames.BrowseAbandonment => $"{SectionName}:{nameof(BrowseAbandonment)}",
        TriggerNames.Lapse => $"{SectionName}:{nameof(Lapse)}",
        TriggerNames.Birthday => $"{SectionName}:{nameof(Birthday)}",
        TriggerNames.LoyaltyMilestone => $"{SectionName}:{nameof(LoyaltyMilestone)}",
        TriggerNames.SegmentEntry => $"{SectionName}:{nameof(SegmentEntry)}",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown trigger."),
    };

    /// <summary>Each trigger's configured settings, in catalog order.</summary>
    public IReadOnlyList<TriggerSettings> Triggers() => [CartAbandonment, BrowseAbandonment, Lapse, Birthday, LoyaltyMilestone, SegmentEntry];
}
