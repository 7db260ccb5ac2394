namespace Segmentation.Segments.Evaluation;

/// <summary>How a condition on a number behaves as the number moves.</summary>
internal enum Threshold
{
    /// <summary>Neither way for sure (<c>=</c>, <c>!=</c>, <c>in</c>).</summary>
    None,

    /// <summary>True from some value up: once true, it stays true as the number grows (<c>&gt;</c>, <c>&gt;=</c>).</summary>
    TrueAbove,

    /// <summary>True up to some value: once true, it stays true as the number shrinks (<c>&lt;</c>, <c>&lt;=</c>).</summary>
    TrueBelow,
}
