namespace Segmentation.Segments.Parsing;

/// <summary>A place in a rule's text: 1-based line and column (columns count UTF-16 characters).</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public override string ToString() => $"line {Line}, column {Column}";
}
