namespace Segmentation.Domain.Triggers.Settings;

/// <summary>
/// Cart abandonment: the cart is not empty and no cart change, checkout or order for <see cref="Delay"/>; an optional
/// second step <see cref="SecondStepDelay"/> after the last cart change. A checkout or an order applied cancels it,
/// whatever its timestamp.
/// </summary>
public sealed class CartAbandonmentSettings : TriggerSettings
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(30);

    public CartAbandonmentSettings()
        : base(TriggerNames.CartAbandonment) => Cooldown = TimeSpan.FromHours(12);

    /// <summary>Time after the last cart change before the first send. Default: 60 minutes (1 minute to 30 days).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Time after the last cart change before the second send; zero: no second step. Default: 24 hours.</summary>
    public TimeSpan SecondStepDelay { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The template of the second step; null: <see cref="TriggerSettings.TemplateId"/>.</summary>
    public string? SecondStepTemplateId { get; set; }

    public override TriggerSettings Clone() => (CartAbandonmentSettings)MemberwiseClone();

    protected override void ValidateOwn(List<TriggerSettingError> errors)
    {
        SettingChecks.Duration(errors, nameof(Delay), Delay, TimeSpan.FromMinutes(1), MaxDelay);
        if (SecondStepDelay != TimeSpan.Zero && (SecondStepDelay <= Delay || SecondStepDelay > MaxDelay))
        {
            errors.Add(new TriggerSettingError(
                nameof(SecondStepDelay), $"must be 0 (no second step) or longer than {nameof(Delay)} and at most {SettingChecks.Describe(MaxDelay)}; got {SecondStepDelay:c}."));
        }

        SettingChecks.TemplateId(errors, nameof(SecondStepTemplateId), SecondStepTemplateId);
    }
}
