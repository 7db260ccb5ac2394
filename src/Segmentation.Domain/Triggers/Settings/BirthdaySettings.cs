namespace Segmentation.Domain.Triggers.Settings;

/// <summary>
/// Birthday: on the day of the <c>birthday</c> trait, at <see cref="LocalTime"/> in the customer's time zone (Feb 29 on
/// Feb 28 in other years; a local time skipped by a daylight-saving change moves later by the gap, an ambiguous one
/// takes the first).
/// </summary>
public sealed class BirthdaySettings : TriggerSettings
{
    public BirthdaySettings()
        : base(TriggerNames.Birthday)
    {
    }

    /// <summary>The local time of day of the send. Default: 09:00.</summary>
    public TimeOnly LocalTime { get; set; } = new(9, 0);

    public override TriggerSettings Clone() => (BirthdaySettings)MemberwiseClone();

    protected override void ValidateOwn(List<TriggerSettingError> errors)
    {
        // Every time of day is valid.
    }
}
