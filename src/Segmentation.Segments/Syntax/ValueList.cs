namespace Segmentation.Segments.Syntax;

/// <summary>Builds <see cref="ValueList{T}"/>s (also from collection expressions).</summary>
public static class ValueList
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());
}
