namespace Segmentation.Silo.Dashboard.Components.Pages.Triggers;

/// <summary>How a trigger setting is shown and entered, from the type of its settings property.</summary>
public enum TriggerFieldKind
{
    /// <summary>An optional text (<c>string?</c>): a template id; empty means none.</summary>
    Text,

    /// <summary>A duration (<see cref="TimeSpan"/>): an amount of minutes, hours or days.</summary>
    Duration,

    /// <summary>A whole number (<see cref="int"/>).</summary>
    WholeNumber,

    /// <summary>A local time of day (<see cref="TimeOnly"/>).</summary>
    TimeOfDay,

    /// <summary>One value of an enumeration.</summary>
    Choice,

    /// <summary>Amounts separated by commas (<c>decimal[]?</c>).</summary>
    Amounts,

    /// <summary>Whole numbers separated by commas (<c>int[]?</c>).</summary>
    Counts,

    /// <summary>Segment ids picked from the segments that exist (<c>string[]?</c>).</summary>
    Segments,
}
