namespace Segmentation.Segments;

/// <summary>
/// One problem with a segment rule, precise enough for a 400 answer: where (line and column, 1-based, when the
/// rule came as text), what is wrong, what was expected, and the closest known name for a misspelling.
/// </summary>
/// <remarks>
/// <para><c>Description</c>: the problem without the location, e.g. <c>unknown attribute `order_count`; did you mean `orders_count`?</c>.</para>
/// <para><c>Expected</c>: what would have been accepted there, when that can be said, e.g. <c>`)`</c>.</para>
/// <para><c>Suggestion</c>: the closest known name, e.g. <c>orders_count</c>.</para>
/// </remarks>
public sealed record SegmentRuleError(
    SegmentRuleErrorCode Code,
    int? Line,
    int? Column,
    string Description,
    string? Expected = null,
    string? Suggestion = null)
{
    /// <summary>The full message: <c>Line 1, column 7: ...</c>, or the description alone without a location.</summary>
    public string Message => Line is { } line && Column is { } column
        ? $"Line {line}, column {column}: {Description}"
        : Description;

    public override string ToString() => Message;
}
