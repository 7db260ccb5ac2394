namespace Segmentation.Domain.Profiles;

/// <summary>A rolling window: "in the last N days" means timestamps in (asOf - N days, asOf].</summary>
public enum RollingWindow
{
    OneDay = 1,
    SevenDays = 7,
    ThirtyDays = 30,
    NinetyDays = 90,
}
