namespace Segmentation.Segments.Syntax;

/// <summary>The units of a <see cref="RuleWindow"/>: m (minutes), h (hours), d (days), w (weeks).</summary>
public enum WindowUnit
{
    Minutes,
    Hours,
    Days,
    Weeks,
}
