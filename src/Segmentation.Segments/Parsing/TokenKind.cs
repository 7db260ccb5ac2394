namespace Segmentation.Segments.Parsing;

/// <summary>The lexical classes of the rule language.</summary>
internal enum TokenKind
{
    Name,
    String,
    Number,
    Window,
    Operator,
    LeftParen,
    RightParen,
    Comma,
    End,
}
