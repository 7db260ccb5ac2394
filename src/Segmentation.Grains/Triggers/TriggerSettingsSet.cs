using Segmentation.Domain.Triggers;
using Segmentation.Domain.Triggers.Settings;

namespace Segmentation.Grains.Triggers;

/// <summary>
/// The settings in force on a silo: the configured guardrails and, per trigger, its configured settings or the latest
/// edit. Immutable once published (readers never see half of a change); <see cref="Revision"/> grows with every edit.
/// </summary>
public sealed class TriggerSettingsSet
{
    private readonly Dictionary<string, TriggerSettings> _triggers;

    public TriggerSettingsSet(long revision, TriggerGuardrails guardrails, IEnumerable<TriggerSettings> triggers)
    {
        ArgumentNullException.ThrowIfNull(guardrails);
        ArgumentNullException.ThrowIfNull(triggers);
        Revision = revision;
        Guardrails = guardrails.Clone();
        _triggers = triggers.ToDictionary(static t => t.Trigger, static t => t.Clone(), StringComparer.Ordinal);
        foreach (var name in TriggerNames.All)
        {
            if (!_triggers.ContainsKey(name))
            {
                throw new ArgumentException($"The settings of trigger '{name}' are missing.", nameof(triggers));
            }
        }

        DefaultZone = TimeZones.TryFind(Guardrails.DefaultTimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
        AnyEnabled = _triggers.Values.Any(static t => t.Enabled);
    }

    public long Revision { get; }

    public TriggerGuardrails Guardrails { get; }

    /// <summary>The zone of customers without a valid one.</summary>
    public TimeZoneInfo DefaultZone { get; }

    /// <summary>Whether any trigger is enabled.</summary>
    public bool AnyEnabled { get; }

    public CartAbandonmentSettings CartAbandonment => (CartAbandonmentSettings)_triggers[TriggerNames.CartAbandonment];

    public BrowseAbandonmentSettings BrowseAbandonment => (BrowseAbandonmentSettings)_triggers[TriggerNames.BrowseAbandonment];

    public LapseSettings Lapse => (LapseSettings)_triggers[TriggerNames.Lapse];

    public BirthdaySettings Birthday => (BirthdaySettings)_triggers[TriggerNames.Birthday];

    public LoyaltyMilestoneSettings LoyaltyMilestone => (LoyaltyMilestoneSettings)_triggers[TriggerNames.LoyaltyMilestone];

    public SegmentEntrySettings SegmentEntry => (SegmentEntrySettings)_triggers[TriggerNames.SegmentEntry];

    /// <summary>A trigger's settings (shared: do not change them); null for an unknown name.</summary>
    public TriggerSettings? Get(string name) => _triggers.GetValueOrDefault(name);
}
