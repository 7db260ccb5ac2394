namespace Segmentation.Domain.Triggers.Settings;

/// <summary>Lapse: no activity (or no order) for <see cref="After"/>; a win-back step at <see cref="WinBackAfter"/>.</summary>
public sealed class LapseSettings : TriggerSettings
{
    public static readonly TimeSpan MaxAfter = TimeSpan.FromDays(730);

    public LapseSettings()
        : base(TriggerNames.Lapse)
    {
    }

    /// <summary>What the time is measured from. Default: <see cref="LapseBasis.Activity"/>.</summary>
    public LapseBasis Basis { get; set; } = LapseBasis.Activity;

    /// <summary>Time without activity (or order) before the lapse send. Default: 60 days (1 to 730 days).</summary>
    public TimeSpan After { get; set; } = TimeSpan.FromDays(60);

    /// <summary>Time before the win-back send; zero: no win-back. Default: 90 days (longer than <see cref="After"/>).</summary>
    public TimeSpan WinBackAfter { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The template of the win-back step; null: <see cref="TriggerSettings.TemplateId"/>.</summary>
    public string? WinBackTemplateId { get; set; }

    public override TriggerSettings Clone() => (LapseSettings)MemberwiseClone();

    protected override void ValidateOwn(List<TriggerSettingError> errors)
    {
        if (!Enum.IsDefined(Basis))
        {
            errors.Add(new TriggerSettingError(nameof(Basis), $"must be Activity or Order; got {Basis}."));
        }

        SettingChecks.Duration(errors, nameof(After), After, TimeSpan.FromDays(1), MaxAfter);
        if (WinBackAfter != TimeSpan.Zero && (WinBackAfter <= After || WinBackAfter > MaxAfter))
        {
            errors.Add(new TriggerSettingError(
                nameof(WinBackAfter), $"must be 0 (no win-back) or longer than {nameof(After)} and at most {SettingChecks.Describe(MaxAfter)}; got {WinBackAfter:c}."));
        }

        SettingChecks.TemplateId(errors, nameof(WinBackTemplateId), WinBackTemplateId);
    }
}
