namespace Segmentation.Domain.Triggers.Settings;

/// <summary>
/// One invalid setting: the property (<c>Delay</c>, <c>SpendThresholds</c>) and what is wrong with it, written to
/// follow the property's name ("must be from 1 minute to 30 days; got 00:00:00.").
/// </summary>
public sealed record TriggerSettingError(string Field, string Problem)
{
    /// <summary>"Delay must be ..." for people.</summary>
    public string Message => $"{Field} {Problem}";
}
