namespace Segmentation.Segments.Syntax;

/// <summary>How a <see cref="TextMatchCondition"/> matches.</summary>
public enum TextMatchKind
{
    Contains,

    StartsWith,
}
