namespace Segmentation.Segments.Syntax;

/// <summary>The comparison operators (the text and JSON forms use the symbols =, !=, &lt;, &lt;=, &gt;, &gt;=).</summary>
public enum ComparisonOperator
{
    Equal,

    NotEqual,

    Less,

    LessOrEqual,

    Greater,

    GreaterOrEqual,
}
