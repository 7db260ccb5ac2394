using System.Text.Json.Serialization;

namespace Segmentation.Domain.Triggers.Settings;

/// <summary>
/// The settings of one trigger: whether it sends, the ESP template, the re-entry cooldown and the trigger's own delays
/// and conditions (in the derived classes, one per trigger). Bound from <c>Segmentation:Triggers:&lt;Trigger&gt;</c>,
/// edited through the API (an edit replaces the configured settings of that trigger whole). In JSON the trigger's name
/// is the <c>trigger</c> property.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "trigger")]
[JsonDerivedType(typeof(CartAbandonmentSettings), TriggerNames.CartAbandonment)]
[JsonDerivedType(typeof(BrowseAbandonmentSettings), TriggerNames.BrowseAbandonment)]
[JsonDerivedType(typeof(LapseSettings), TriggerNames.Lapse)]
[JsonDerivedType(typeof(BirthdaySettings), TriggerNames.Birthday)]
[JsonDerivedType(typeof(LoyaltyMilestoneSettings), TriggerNames.LoyaltyMilestone)]
[JsonDerivedType(typeof(SegmentEntrySettings), TriggerNames.SegmentEntry)]
public abstract class TriggerSettings
{
    /// <summary>The longest re-entry cooldown.</summary>
    public static readonly TimeSpan MaxCooldown = TimeSpan.FromDays(365);

    /// <summary>Whether the trigger sends. Default: false (a trigger sends nothing until it is turned on).</summary>
    public bool Enabled { get; set; }

    /// <summary>The ESP template of its sends (a SendGrid dynamic template id <c>d-...</c>); null: none (the webhook receiver picks).</summary>
    public string? TemplateId { get; set; }

    /// <summary>
    /// Re-entry cooldown: after a send of this trigger the customer gets no other occurrence of it for this long (browse
    /// abandonment: of the same product; segment entry: of the same segment). Steps of one occurrence are not held back.
    /// </summary>
    public TimeSpan Cooldown { get; set; }

    protected TriggerSettings(string trigger) => Trigger = trigger;

    /// <summary>The trigger's name (<see cref="TriggerNames"/>); in JSON, the <c>trigger</c> property.</summary>
    [JsonIgnore]
    public string Trigger { get; }

    /// <summary>Every invalid setting, in property order; empty when all are valid.</summary>
    public IReadOnlyList<TriggerSettingError> Validate()
    {
        var errors = new List<TriggerSettingError>();
        SettingChecks.TemplateId(errors, nameof(TemplateId), TemplateId);
        SettingChecks.Duration(errors, nameof(Cooldown), Cooldown, TimeSpan.Zero, MaxCooldown);
        ValidateOwn(errors);
        return errors;
    }

    /// <summary>A copy that shares nothing mutable with this one.</summary>
    public abstract TriggerSettings Clone();


    protected abstract void ValidateOwn(List<TriggerSettingError> errors);
}
