namespace Segmentation.Domain.Triggers.Settings;

/// <summary>
/// Segment entry: a send when the customer enters one of <see cref="SegmentIds"/> (by an event or by time; not when a
/// new or edited segment is first evaluated over existing customers). The cooldown is per segment.
/// </summary>
public sealed class SegmentEntrySettings : TriggerSettings
{
    /// <summary>The most segments the trigger watches.</summary>
    public const int MaxSegments = 50;

    public SegmentEntrySettings()
        : base(TriggerNames.SegmentEntry) => Cooldown = TimeSpan.FromDays(7);

    /// <summary>The segments whose entry sends (at most 50). None unless configured.</summary>
    public string[]? SegmentIds { get; set; }

    public override TriggerSettings Clone() => new SegmentEntrySettings
    {
        Enabled = Enabled,
        TemplateId = TemplateId,
        Cooldown = Cooldown,
        SegmentIds = SegmentIds?.ToArray(),
    };

    protected override void ValidateOwn(List<TriggerSettingError> errors)
    {
        var ids = SegmentIds ?? [];
        if (ids.Length > MaxSegments || ids.Any(static id => string.IsNullOrWhiteSpace(id) || id.Length > 64 || ControlCharacters.In(id))
            || ids.Distinct(StringComparer.Ordinal).Count() != ids.Length)
        {
            errors.Add(new TriggerSettingError(nameof(SegmentIds), $"must be at most {MaxSegments} distinct segment ids of 1 to 64 characters."));
        }
    }
}
