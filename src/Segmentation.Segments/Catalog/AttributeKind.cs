namespace Segmentation.Segments.Catalog;

/// <summary>How an <see cref="AttributeDefinition"/> is written in a rule.</summary>
public enum AttributeKind
{
    /// <summary>A plain name, e.g. <c>email</c>.</summary>
    Attribute,

    /// <summary><c>traits.&lt;name&gt;</c>.</summary>
    Trait,

    /// <summary>A function of a window, e.g. <c>orders_count(30d)</c>.</summary>
    WindowFunction,

    /// <summary><c>count(...)</c>.</summary>
    EventCount,

    /// <summary><c>sum(...)</c>.</summary>
    EventSum,

    /// <summary><c>in_segment(...)</c>.</summary>
    SegmentMembership,
}
