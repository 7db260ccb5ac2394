namespace Segmentation.Domain.Triggers.Settings;

/// <summary>
/// Browse abandonment: one product viewed at least <see cref="MinViews"/> times within <see cref="Window"/> and not
/// added to the cart since the first of those views; sent <see cref="Delay"/> after the last view. The cooldown is per product.
/// </summary>
public sealed class BrowseAbandonmentSettings : TriggerSettings
{
    public BrowseAbandonmentSettings()
        : base(TriggerNames.BrowseAbandonment) => Cooldown = TimeSpan.FromDays(7);

    /// <summary>Views of one product that count as interest. Default: 2 (2 to 100).</summary>
    public int MinViews { get; set; } = 2;

    /// <summary>The views must fall within this span. Default: 1 day (1 hour to 30 days).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Time after the last view before the send. Default: 1 hour (1 minute to 7 days).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromHours(1);

    public override TriggerSettings Clone() => (BrowseAbandonmentSettings)MemberwiseClone();

    protected override void ValidateOwn(List<TriggerSettingError> errors)
    {
        SettingChecks.Range(errors, nameof(MinViews), MinViews, 2, 100);
        SettingChecks.Duration(errors, nameof(Window), Window, TimeSpan.FromHours(1), TimeSpan.FromDays(30));
        SettingChecks.Duration(errors, nameof(Delay), Delay, TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
    }
}
