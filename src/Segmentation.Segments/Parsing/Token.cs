using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Parsing;

/// <summary>One token with its source position (1-based line and column) and its value.</summary>
internal readonly record struct Token(
    TokenKind Kind,
    string Text,
    SourcePosition Position,
    string? StringValue = null,
    decimal NumberValue = 0m,
    RuleWindow? Window = null,
    ComparisonOperator Operator = ComparisonOperator.Equal)
{
    /// <summary>True for a name token equal to <paramref name="keyword"/> (keywords are case-insensitive).</summary>
    public bool IsKeyword(string keyword) => Kind == TokenKind.Name && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How an error message names this token, e.g. <c>`)`</c>, <c>the number 3</c>, <c>end of input</c>.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.String => $"the string {Text}",
        TokenKind.Number => $"the number {Text}",
        TokenKind.Window => $"the window `{Text}`",
        _ => $"`{Text}`",
    };
}
