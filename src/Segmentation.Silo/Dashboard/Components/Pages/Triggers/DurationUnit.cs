namespace Segmentation.Silo.Dashboard.Components.Pages.Triggers;

/// <summary>The unit a duration is entered in.</summary>
public enum DurationUnit
{
    Minutes,
    Hours,
    Days,
}
