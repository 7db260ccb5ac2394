using Segmentation.Segments.Catalog;

namespace Segmentation.Segments.Evaluation;

/// <summary>How a value changes as time passes alone.</summary>
internal enum TimeDependence
{
    None,

    /// <summary>Changes when the RFM recency score does (fixed thresholds: at UTC midnights).</summary>
    Rfm,

    /// <summary>Changes when the lifecycle stage does.</summary>
    Lifecycle,

    /// <summary>A windowed aggregate (<see cref="CompiledOperand.Window"/> over <see cref="CompiledOperand.Span"/>).</summary>
    Window,

    /// <summary>Another segment's membership.</summary>
    Segment,
}

/// <summary>
/// A compiled operand: its type and a getter whose delegate type follows the type (<c>decimal?</c> for numbers,
/// <c>string?</c> for text, <c>bool</c> for booleans, <c>long?</c> UTC ticks for timestamps, <c>int</c> index for
/// choices with -1 for missing, <c>ScalarValue?</c> for traits), and how it depends on time.
/// </summary>
internal sealed record CompiledOperand(RuleValueType Type, Delegate Getter, TimeDependence Time)
{
    public WindowSource? Window { get; init; }

    public long Span { get; init; }

    public string? SegmentId { get; init; }

    public ScopeValue<T> As<T>() => (ScopeValue<T>)Getter;
}
